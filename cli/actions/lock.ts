import { existsSync, readFileSync } from "node:fs";
import { lockPath, lockText, readLockFile, writeLock } from "../../sources/lockfile";
import { planStack, programModule } from "../../engine/plan-stack";
import { Refused } from "../common";

export interface LockOptions {
  readonly stack: string;
  readonly stacksDir: string;
  readonly program: string;
  readonly check?: boolean;
  readonly print?: boolean;
}

/** `zt lock`: writes, checks or prints the stack's approved posture. */
export async function lock(opts: LockOptions): Promise<void> {
  const plan = await planStack(opts.stacksDir, opts.stack, { program: programModule(opts.program) });
  if (opts.print) {
    process.stdout.write(lockText(plan.resources));
    return;
  }
  const path = lockPath(opts.stacksDir, opts.stack);
  if (opts.check) {
    const current = existsSync(path) ? readFileSync(path, "utf8") : undefined;
    // A file that is not a lockfile (truncated, hand-edited) is refused as such, naming the problem:
    // calling it stale would invite overwriting what someone may still need to look at.
    if (current !== undefined) readLockFile(path);
    if (current !== lockText(plan.resources))
      throw new Refused(`${path} is ${current ? "stale" : "missing"}: run \`zt lock --stack ${opts.stack}\``);
    process.stdout.write(`${path} is up to date\n`);
    return;
  }
  const changed = writeLock(opts.stacksDir, opts.stack, plan.resources);
  process.stdout.write(`${changed ? "wrote" : "unchanged:"} ${path}\n`);
}
