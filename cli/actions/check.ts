import type { PackConfig } from "../../engine/pack-server";
import { judgeResources } from "../../engine/run-pack";
import { packConfigFor } from "../../engine/pack-config";
import { readLock } from "../../sources/lockfile";
import { loadStackProfile } from "../../sources/stack-profile";
import { readPolicyPackConfig } from "../../sources/policy-pack-config";
import { foreignStateProblem, readStackExport } from "../../sources/stack-state";
import { renderCompliance } from "../../reports/plan/compliance";
import { renderVerdicts } from "../../reports/plan/verdicts";
import { Refused, refuseMandatory } from "../common";
import { paint } from "../colour";

export interface CheckOptions {
  readonly state: string;
  readonly stack?: string;
  readonly stacksDir: string;
  readonly policyConfig?: string;
}

/** `zt check`: the pack on an exported state, configured from a profile or a policy config file. */
export async function check(opts: CheckOptions): Promise<void> {
  const doc = readStackExport(opts.state);
  const foreign = opts.stack ? foreignStateProblem(doc, opts.state, opts.stack) : undefined;
  if (foreign) {
    throw new Refused(
      `${foreign}: export the right stack (\`pulumi stack export --stack ${opts.stack}\`) or name its own`,
    );
  }
  let config: PackConfig = {};
  const profile = opts.stack ? loadStackProfile(opts.stacksDir, opts.stack) : undefined;
  if (opts.policyConfig) config = readPolicyPackConfig(opts.policyConfig);
  else if (profile && opts.stack) config = packConfigFor(profile, readLock(opts.stacksDir, opts.stack));
  const verdict = judgeResources(doc.resources, config);
  // With the client's profile, what the deployed tenant can claim, read from what is deployed.
  const claims = profile ? renderCompliance(profile, doc.resources, "deployed") : [];
  process.stdout.write(
    paint(
      [`zt check · ${opts.state} · ${doc.resources.length} resources`, ...claims, ...renderVerdicts(verdict), ""].join(
        "\n",
      ),
    ),
  );
  refuseMandatory(verdict);
}
