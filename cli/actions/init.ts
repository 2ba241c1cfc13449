import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { PACKAGE_ROOT, PACKAGE_VERSION, PULUMI_RANGE } from "../../engine/package-root";
import { planConfig } from "../../engine/plan-stack";
import { checkPlan } from "../../engine/run-pack";
import { parseProfile } from "../../profile";
import { writeLock, lockPath } from "../../sources/lockfile";
import { profileKey } from "../../sources/project";
import { stackFile } from "../../sources/stack-config";
import { clientProfileOf, fillClient, writeClientStack, type ClientFlags } from "../client-flags";
import { Refused, stackName, refuseMandatory } from "../common";
import * as t from "../init-templates";
import { installedSpec } from "../install-spec";

export interface InitOptions extends ClientFlags {
  name?: string;
  client: string;
  ztBaseline?: string;
}

/** A folder init may fill: missing, or holding only dotfiles (`.git`). */
function refuseUnlessEmpty(dir: string): void {
  if (!existsSync(dir)) return;
  const taken = readdirSync(dir).filter((f) => !f.startsWith("."));
  if (taken.length) throw new Refused(`${dir} is not empty (${taken.slice(0, 3).join(", ")}): init never overwrites`);
}

/** `zt init`: an empty folder made a Pulumi project whose program is the baseline, planned first. */
export async function init(dirArg: string, opts: InitOptions): Promise<void> {
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
    // Where this zt came from (a tarball, git), else the registry's range once it is published there.
    ztRange: opts.ztBaseline ?? installedSpec(PACKAGE_ROOT, dir) ?? `^${PACKAGE_VERSION}`,
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
      `zt-baseline dependency: ${values.ztRange}\n` +
      `next: cd ${dirArg} && npm install && npx zt-baseline plan --stack ${stack}\n`,
  );
}
