import type { Exception } from "./config";
import type { Finding } from "./rule";
import { MIN_REASON_LENGTH } from "../../catalog/limits";

export interface Judged {
  /** Findings that stand: no exception covers them. */
  readonly violations: Finding[];
  /** Findings an exception covers, with the exception: reported, never silent. */
  readonly excepted: { finding: Finding; exception: Exception }[];
  /** Exceptions refused (reason too short) or expired, reported so they get fixed. */
  readonly problems: string[];
}

/**
 * A URN, or a logical-name pattern where `*` matches anything (documented in the profile schema).
 * Not a glob library on purpose: picomatch/minimatch read `?`, brackets, braces and parentheses
 * as syntax and stop `*` at `/`, so a recorded pattern would cover other names than it says.
 */
function matches(pattern: string, urn: string | undefined): boolean {
  if (!urn) return pattern === "*";
  if (pattern === urn) return true;
  const name = urn.split("::").pop() ?? "";
  const re = new RegExp(
    `^${pattern
      .split("*")
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );
  return re.test(name);
}

/** Applies a policy's recorded exceptions to its findings, as of `today` (YYYY-MM-DD). */
export function judge(findings: readonly Finding[], exceptions: readonly Exception[], today: string): Judged {
  const problems: string[] = [];
  const valid = exceptions.filter((e) => {
    if (e.reason.trim().length < MIN_REASON_LENGTH) {
      problems.push(
        `The exception for '${e.resource}' (approved by ${e.approvedBy}) is refused: its reason must be a sentence of at least ${MIN_REASON_LENGTH} characters.`,
      );
      return false;
    }
    if (e.expires < today) {
      problems.push(
        `The exception for '${e.resource}' (approved by ${e.approvedBy}) expired on ${e.expires} and no longer applies.`,
      );
      return false;
    }
    return true;
  });
  const violations: Finding[] = [];
  const excepted: Judged["excepted"] = [];
  for (const f of findings) {
    const exception = valid.find((e) => matches(e.resource, f.urn));
    if (exception) excepted.push({ finding: f, exception });
    else violations.push(f);
  }
  return { violations, excepted, problems };
}
