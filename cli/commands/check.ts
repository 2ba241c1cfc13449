import type { Command } from "commander";
import { readFileSync } from "node:fs";
import { ensurePackBuilt, PACK_DIR } from "../../analyzer/build-pack";
import { PackServer, type PackConfig } from "../../analyzer/pack-server";
import { packConfigFor } from "../../plan/pack-config";
import { readLock } from "../../plan/lockfile";
import { parseProfile } from "../../profile";
import { loadStackConfig, PROJECT } from "../../plan/stack-config";
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
        const raw = loadStackConfig(opts.stacksDir, opts.stack)[`${PROJECT}:profile`];
        const profile = parseProfile(
          raw === undefined ? undefined : JSON.parse(raw),
          `stacks/Pulumi.${opts.stack}.yaml`,
        );
        config = packConfigFor(profile, readLock(opts.stacksDir, opts.stack));
      }
      ensurePackBuilt();
      const started = Date.now();
      const server = await PackServer.start(PACK_DIR);
      try {
        const info = await server.info();
        await server.configure(config);
        const diagnostics = await server.analyzeAll(doc.resources);
        const mandatory = diagnostics.filter((d) => d.enforcementLevel === "mandatory").length;
        const verdict = {
          pack: { name: info.name, version: info.version, policies: info.policies.length },
          diagnostics,
          mandatory,
          elapsedMs: Date.now() - started,
        };
        process.stdout.write(
          `zt check · ${opts.state} · ${doc.resources.length} resources\n${renderVerdicts(verdict).join("\n")}\n`,
        );
        if (mandatory > 0) throw new Refused(`${mandatory} mandatory policy violation(s)`);
      } finally {
        await server.stop();
      }
    });
}
