import { writeFileSync } from "node:fs";
import { relative } from "node:path";
import { lockOf, type PostureLock } from "../../posture/lock";
import { diffLocks } from "../../posture/lock-diff";
import { postureOf } from "../../posture/build";
import { readSourceFile } from "../../sources";
import { PACKAGE_VERSION } from "../../engine/package-root";
import { readLockFile } from "../../sources/lockfile";
import { postureAtRef } from "../../sources/git-ref";
import { loadStackProfile } from "../../sources/stack-profile";
import { stackFile } from "../../sources/stack-config";
import { diffJson, diffMarkdown, diffSarif, diffText } from "../../reports/diff";
import { postureWithinLock } from "../../policy-packs/zero-trust/rules/posture/posture-within-lock";
import { Refused } from "../common";
import { paint } from "../colour";

/** The report formats of `zt diff` (the flag's choices). */
export type DiffFormat = "text" | "markdown" | "sarif" | "json";

export interface DiffOptions {
  readonly format: DiffFormat;
  readonly out?: string;
  readonly stackFile?: string;
  readonly stacksDir: string;
  readonly program: string;
  readonly stack?: string;
  readonly approved?: string;
}

interface SpecContext {
  readonly stacksDir: string;
  readonly program: string;
}

/** A posture from `plan:<stack>` (offline plan), a lockfile, a stack export, or one side of a preview file. */
async function postureFrom(spec: string, ctx: SpecContext, side: "old" | "new"): Promise<PostureLock> {
  if (spec.startsWith("plan:")) {
    // Loaded only to plan: Pulumi and its providers were most of a diff of files (2.85 -> 0.8 CPU-s).
    const { planStack, programModule } = require("../../engine/plan-stack") as typeof import("../../engine/plan-stack");
    const plan = await planStack(ctx.stacksDir, spec.slice(5), { program: programModule(ctx.program) });
    return lockOf(postureOf(plan.resources));
  }
  const ref = /^git:(.+):([\w.-]+)$/.exec(spec);
  if (ref) return postureAtRef(ref[1]!, ref[2]!, ctx.program, ctx.stacksDir);
  const doc = readSourceFile(spec);
  if (doc.kind === "lock") return doc.lock;
  return lockOf(postureOf(doc.kind === "export" ? doc.resources : doc[side]));
}

/** The stack a spec names (`plan:<stack>`, `git:<ref>:<stack>`), whose profile knows the break-glass accounts. */
const stackOfSpec = (spec: string) => /^plan:([\w.-]+)$/.exec(spec)?.[1] ?? /^git:.+:([\w.-]+)$/.exec(spec)?.[1];

/** Break-glass principals as the lock names them, from a stack's profile. */
function breakGlassOf(stacksDir: string, stack: string): string[] {
  const { breakGlass } = loadStackProfile(stacksDir, stack).identity;
  return [`group:${breakGlass.groupId}`, ...breakGlass.accounts.map((id) => `user:${id}`)];
}

/** `zt diff`: every change between two postures, widening or narrowing; refused on unapproved widening. */
export async function diff(before: string, after: string | undefined, opts: DiffOptions): Promise<void> {
  // One argument is a preview file's two sides; anything else alone would be compared with itself.
  const alone = after === undefined && /\.json$/i.test(before) ? readSourceFile(before) : undefined;
  if (after === undefined && alone?.kind !== "preview") {
    throw new Error(
      `zt diff needs two postures (<before> <after>); one alone must be a \`pulumi preview --json\` file, and ${before || "''"} is not`,
    );
  }
  const ctx = { stacksDir: opts.stacksDir, program: opts.program };
  // The preview read once for both of its sides.
  const [old, proposed] =
    alone?.kind === "preview"
      ? [lockOf(postureOf(alone.old)), lockOf(postureOf(alone.new))]
      : [await postureFrom(before, ctx, "old"), await postureFrom(after!, ctx, "new")];
  const stack = opts.stack ?? stackOfSpec(before) ?? (after ? stackOfSpec(after) : undefined);
  const breakGlass = stack ? breakGlassOf(opts.stacksDir, stack) : undefined;
  const items = diffLocks(old, proposed, { breakGlass });
  // The change's own lockfile: which of its widenings it approves (it was reviewed with the change).
  const approval = opts.approved
    ? {
        file: opts.approved,
        unapproved: diffLocks(readLockFile(opts.approved), proposed, { breakGlass }).filter(
          (i) => i.change === "widening",
        ),
      }
    : undefined;
  const report = {
    title: `${before} → ${after ?? `${before} (new)`}`,
    // Code scanning points at the stack that changed, as a path from the repository's root folder.
    artifact: opts.stackFile ?? (stack ? relative(process.cwd(), stackFile(opts.stacksDir, stack)) : (after ?? before)),
    items,
    toolVersion: PACKAGE_VERSION,
    ...(approval ? { approval } : {}),
  };
  const format = opts.format;
  const text =
    format === "sarif"
      ? JSON.stringify(diffSarif(report, postureWithinLock), null, 2) + "\n"
      : format === "markdown"
        ? diffMarkdown(report)
        : format === "json"
          ? diffJson(report)
          : diffText(report);
  if (opts.out) writeFileSync(opts.out, text);
  else process.stdout.write(format === "text" ? paint(text) : text);

  const widening = items.filter((i) => i.change === "widening");
  if (widening.length === 0) return;
  if (approval) {
    if (approval.unapproved.length === 0) return;
    throw new Refused(`${approval.unapproved.length} widening change(s) not approved by ${approval.file}`);
  }
  throw new Refused(`${widening.length} widening change(s)`);
}
