import type { z } from "zod";

/** Renders a path the way users write it in YAML or `pulumi config set --path`: `access.apps[2].name`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || "(profile)";
}

export interface ProfileProblem {
  readonly path: string;
  readonly message: string;
}

/** Flattens zod's issues into one line per problem, unknown keys reported at their own path. */
export function problemsOf(error: z.ZodError): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const walk = (issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]) => {
    for (const issue of issues) {
      const path = [...prefix, ...issue.path];
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys)
          problems.push({
            path: formatPath([...path, key]),
            message: "unknown key (typos must not silently drop a control)",
          });
      } else if (issue.code === "invalid_union" && issue.errors.length > 0 && issue.errors.every((e) => e.length > 0)) {
        // Report the branch that got furthest rather than a bare "invalid input".
        const best = issue.errors.reduce((a, b) => (depth(b) > depth(a) ? b : a));
        walk(best, path);
      } else if (issue.code === "invalid_type" && issue.message.endsWith("received undefined")) {
        problems.push({ path: formatPath(path), message: `required (expected ${issue.expected})` });
      } else {
        problems.push({ path: formatPath(path), message: issue.message });
      }
    }
  };
  walk(error.issues, []);
  return problems;
}

function depth(issues: readonly z.core.$ZodIssue[]): number {
  return Math.max(...issues.map((i) => i.path.length));
}

/** An invalid profile: carries every problem, each with its path. Nothing has been registered. */
export class ProfileError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly ProfileProblem[],
  ) {
    super(
      `Invalid zero-trust profile (${source}): ${problems.length} problem${problems.length === 1 ? "" : "s"}\n` +
        problems.map((p) => `  - ${p.path}: ${p.message}`).join("\n"),
    );
    this.name = "ProfileError";
  }
}
