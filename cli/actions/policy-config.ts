import { packConfigFor } from "../../engine/pack-config";
import { readLock } from "../../sources/lockfile";
import { loadStackProfile } from "../../sources/stack-profile";

export interface PolicyConfigOptions {
  readonly stack: string;
  readonly stacksDir: string;
}

/** `zt policy-config`: the profile and the lockfile are all it takes; nothing is planned. */
export function policyConfig(opts: PolicyConfigOptions): void {
  const profile = loadStackProfile(opts.stacksDir, opts.stack);
  process.stdout.write(JSON.stringify(packConfigFor(profile, readLock(opts.stacksDir, opts.stack)), null, 2) + "\n");
}
