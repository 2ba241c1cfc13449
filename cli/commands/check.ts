import type { Command } from "commander";
import { readFileSync } from "node:fs";
import type { PackConfig } from "../../analyzer/pack-server";
import { checkResources } from "../../plan/check-plan";
import { packConfigFor } from "../../plan/pack-config";
import { readLock } from "../../plan/lockfile";
import { loadStackProfile } from "../../plan/stack-profile";
import { readSourceFile } from "../../posture/sources";
import { renderVerdicts } from "../../plan/render/verdicts";
import { Refused } from "../common";

export function checkCommand(program: Command): void {
  program
    .command("check")
    .description("run the zero-trust pack on an exported stack state (`pulumi stack export`), without a preview")
    .requiredOption("--state <file>", "a `pulumi stack export` file")
    .option("-s, --stack <name>", "take the pack config from this stack's profile (and lockfile)")
    .option("--stacks-dir <dir>", "folder holding the stack configs", "stacks")
    .option("--policy-config <file>", "a --policy-pack-config file (for stacks without a profile here)")
    .action(async (opts: { state: string; stack?: string; stacksDir: string; policyConfig?: string }) => {
      const doc = readSourceFile(opts.state);
      if (doc.kind !== "export") throw new Error(`${opts.state} is not a \`pulumi stack export\` file`);
      let config: PackConfig = {};
      if (opts.policyConfig) config = JSON.parse(readFileSync(opts.policyConfig, "utf8")) as PackConfig;
      else if (opts.stack) {
        const profile = loadStackProfile(opts.stacksDir, opts.stack);
        config = packConfigFor(profile, readLock(opts.stacksDir, opts.stack));
      }
      const verdict = await checkResources(doc.resources, config);
      process.stdout.write(
        `zt check · ${opts.state} · ${doc.resources.length} resources\n${renderVerdicts(verdict).join("\n")}\n`,
      );
      if (verdict.mandatory > 0) throw new Refused(`${verdict.mandatory} mandatory policy violation(s)`);
    });
}
