import type { Command } from "commander";
import type { PackConfig } from "../../engine/pack-server";
import { judgeResources } from "../../engine/run-pack";
import { packConfigFor } from "../../engine/pack-config";
import { readLock } from "../../sources/lockfile";
import { loadStackProfile } from "../../sources/stack-profile";
import { readPolicyPackConfig } from "../../sources/policy-pack-config";
import { foreignStateProblem, readStackExport } from "../../sources/stack-state";
import { renderCompliance } from "../../reports/plan/compliance";
import { renderVerdicts } from "../../reports/plan/verdicts";
import { Refused, stacksDirOption, refuseMandatory } from "../common";
import { paint } from "../colour";

export function checkCommand(program: Command): void {
  program
    .command("check")
    .description("run the zero-trust pack on an exported stack state (`pulumi stack export`), without a preview")
    .requiredOption("--state <file>", "a `pulumi stack export` file")
    .option("-s, --stack <name>", "take the pack config from this stack's profile (and lockfile)")
    .addOption(stacksDirOption())
    .option("--policy-config <file>", "a --policy-pack-config file (for stacks without a profile here)")
    .action(async (opts: { state: string; stack?: string; stacksDir: string; policyConfig?: string }) => {
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
          [
            `zt check · ${opts.state} · ${doc.resources.length} resources`,
            ...claims,
            ...renderVerdicts(verdict),
            "",
          ].join("\n"),
        ),
      );
      refuseMandatory(verdict);
    });
}
