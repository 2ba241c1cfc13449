import type { Command } from "commander";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { PACKAGE_VERSION, PULUMI_RANGE } from "../../engine/package-root";
import { planConfig } from "../../engine/plan-stack";
import { checkPlan } from "../../engine/run-pack";
import { parseProfile } from "../../profile";
import { writeLock, lockPath } from "../../sources/lockfile";
import { profileKey } from "../../sources/project";
import { stackFile } from "../../sources/stack-config";
import { addClientFlags, clientProfileOf, fillClient, writeClientStack, type ClientFlags } from "../client-flags";
import { Refused, stackName, refuseMandatory } from "../common";
import * as t from "../init-templates";

interface InitOptions extends ClientFlags {
  name?: string;
  client: string;
}

/** A folder init may fill: missing, or holding only dotfiles (`.git`). */
function refuseUnlessEmpty(dir: string): void {
  if (!existsSync(dir)) return;
  const taken = readdirSync(dir).filter((f) => !f.startsWith("."));
  if (taken.length) throw new Refused(`${dir} is not empty (${taken.slice(0, 3).join(", ")}): init never overwrites`);
}

export function initCommand(program: Command): void {
  const command = program
    .command("init")
    .description(
      "make an empty folder a Pulumi project whose program is the baseline: Pulumi.yaml, package.json, index.ts, the first client's stack and lockfile, a pull-request workflow",
    )
    .argument("[dir]", "the folder (created if missing)", ".")
    .option("--name <project>", "the Pulumi project name (default: the folder's name)", stackName)
    .requiredOption("--client <name>", "the first client: lower-case kebab-case, also its stack name", stackName)
    .action(async (dirArg: string, opts: InitOptions) => {
      const dir = resolve(dirArg);
      refuseUnlessEmpty(dir);
      const project = stackName(opts.name ?? basename(dir));
      const stack = opts.client;
      await fillClient(opts);
      const raw = clientProfileOf(opts.client, opts);
      const source = `new project "${project}", stack "${stack}"`;
      const profile = parseProfile(raw, source);
      // The scaffolded program is the baseline without additions, so its plan is this one: the first
      // lockfile is written from it before anything is installed.
      const plan = await planConfig(stack, { [profileKey(project)]: JSON.stringify(raw) }, source, { project });
      const verdict = await checkPlan(plan);
      refuseMandatory(verdict);

      const values: t.InitValues = {
        project,
        stack,
        ztRange: `^${PACKAGE_VERSION}`,
        pulumiRange: PULUMI_RANGE,
      };
      mkdirSync(join(dir, ".github", "workflows"), { recursive: true });
      const files: [string, string][] = [
        ["Pulumi.yaml", t.pulumiYaml(values)],
        ["package.json", t.packageJson(values)],
        ["tsconfig.json", t.tsconfigJson()],
        ["index.ts", t.indexTs(values)],
        [".gitignore", t.gitignore()],
        [join(".github", "workflows", "zero-trust.yml"), t.prWorkflow(values)],
      ];
      for (const [f, text] of files) writeFileSync(join(dir, f), text);
      writeClientStack(
        stackFile(dir, stack),
        profileKey(project),
        raw,
        `${profile.client.displayName ?? stack}: scaffolded by \`zt init\``,
      );
      writeLock(dir, stack, plan.resources);
      const written = [...files.map(([f]) => f), basename(stackFile(dir, stack)), basename(lockPath(dir, stack))];
      process.stdout.write(
        `wrote ${written.join(", ")} in ${dir}\n` +
          `planned ${plan.resources.filter((r) => r.custom).length} resources; pack: PASS\n` +
          `next: cd ${dirArg} && npm install && npx zt plan --stack ${stack}\n`,
      );
    });
  addClientFlags(command);
}
