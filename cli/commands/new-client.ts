import { InvalidArgumentError, type Command } from "commander";
import { existsSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import { Document } from "yaml";
import { fleetConflicts } from "../../fleet/conflicts";
import { checkPlan } from "../../engine/run-pack";
import { planStack } from "../../engine/plan-stack";
import { configNamespace, profileKey } from "../../sources/project";
import { listStacks, loadStackConfig, stackFile } from "../../sources/stack-config";
import { parseProfile, ProfileError } from "../../profile";
import type { ClientProfile } from "../../profile/schema";
import { Refused, stackName, stacksDirOption } from "../common";

/** A flag's text, refused when it holds a control character (a newline could write keys of its own). */
const plain = (v: string) => {
  if (/[\u0000-\u001f\u007f]/.test(v))
    throw new InvalidArgumentError("control characters (a newline, a tab...) are not allowed");
  return v;
};
const list = (v: string, prev: string[] = []) => [...prev, plain(v)];

interface Options {
  stacksDir: string;
  tenant?: string;
  breakGlassGroup?: string;
  breakGlassAccount: string[];
  displayName?: string;
  licence?: string;
  rollout?: string;
  contact: string[];
  awsAccount?: string;
  awsRegion?: string;
  awsVpc?: string;
  azureSubscription?: string;
  azureResourceGroup?: string;
  azureLocation?: string;
  plan: boolean;
}

/** Asks for what is missing on a terminal; in a script, missing values are an error. */
async function fill(opts: Options): Promise<void> {
  const missing = (["tenant", "breakGlassGroup"] as const).filter((k) => !opts[k]);
  if (missing.length === 0) return;
  if (!process.stdin.isTTY)
    throw new Error(
      `missing ${missing.map((k) => (k === "tenant" ? "--tenant" : "--break-glass-group")).join(" and ")}`,
    );
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    if (!opts.tenant) opts.tenant = (await rl.question("Entra ID tenant id: ")).trim();
    if (!opts.breakGlassGroup) opts.breakGlassGroup = (await rl.question("Break-glass group object id: ")).trim();
  } finally {
    rl.close();
  }
}

function profileOf(name: string, o: Options): Record<string, unknown> {
  const network: Record<string, unknown> = {};
  if (o.awsAccount || o.awsRegion || o.awsVpc)
    network.aws = { accountId: o.awsAccount, region: o.awsRegion, vpcId: o.awsVpc };
  if (o.azureSubscription || o.azureResourceGroup || o.azureLocation) {
    network.azure = {
      subscriptionId: o.azureSubscription,
      resourceGroupName: o.azureResourceGroup,
      location: o.azureLocation,
    };
  }
  return {
    client: {
      name,
      ...(o.displayName ? { displayName: o.displayName } : {}),
      ...(o.contact.length ? { contacts: o.contact } : {}),
      // A fleet client: the pack refuses resources on default (ambient-credential) providers.
      mspManaged: true,
    },
    identity: {
      tenantId: o.tenant,
      ...(o.licence ? { licence: o.licence } : {}),
      ...(o.rollout ? { rollout: o.rollout } : {}),
      breakGlass: {
        groupId: o.breakGlassGroup,
        ...(o.breakGlassAccount.length ? { accounts: o.breakGlassAccount } : {}),
      },
    },
    ...(Object.keys(network).length ? { network } : {}),
  };
}

export function newClientCommand(program: Command): void {
  program
    .command("new-client")
    .description(
      "scaffold stacks/Pulumi.<name>.yaml for a new client (flags for scripts, prompts on a terminal); it validates and plans at once",
    )
    .argument("<name>", "client name: lower-case kebab-case, also the stack name", stackName)
    .addOption(stacksDirOption())
    .option("--tenant <guid>", "Entra ID tenant id", plain)
    .option("--break-glass-group <guid>", "group of the break-glass accounts", plain)
    .option("--break-glass-account <guid>", "a break-glass account (repeatable)", list, [])
    .option("--display-name <text>", "human-readable name", plain)
    .option("--licence <P1|P2>", "Entra ID licence", plain)
    .option("--rollout <reportOnly|enforce>", "Conditional Access rollout", plain)
    .option("--contact <email>", "who receives alerts (repeatable)", list, [])
    .option("--aws-account <id>", "AWS account id", plain)
    .option("--aws-region <region>", "AWS region", plain)
    .option("--aws-vpc <id>", "VPC id", plain)
    .option("--azure-subscription <guid>", "Azure subscription id", plain)
    .option("--azure-resource-group <name>", "Azure resource group", plain)
    .option("--azure-location <location>", "Azure location", plain)
    .option("--no-plan", "write the stack without planning it")
    .action(async (name: string, opts: Options) => {
      const file = stackFile(opts.stacksDir, name);
      if (existsSync(file)) throw new Refused(`${file} already exists: a client is never overwritten`);
      await fill(opts);
      const raw = profileOf(name, opts);
      const profile = parseProfile(raw, `new client "${name}"`);
      // Client A may never reference client B's ids.
      const others = new Map<string, ClientProfile>([[name, profile]]);
      for (const stack of listStacks(opts.stacksDir)) {
        try {
          const value = loadStackConfig(opts.stacksDir, stack)[profileKey(configNamespace(opts.stacksDir))];
          if (value) others.set(stack, parseProfile(JSON.parse(value), stack));
        } catch (e) {
          if (!(e instanceof ProfileError)) throw e; // an invalid neighbour is its own problem
        }
      }
      const conflicts = fleetConflicts(others).filter((c) => c.stacks.includes(name));
      if (conflicts.length) {
        throw new ProfileError(
          `new client "${name}"`,
          conflicts.map((c) => ({
            path: c.key,
            message: `${c.value} already belongs to ${c.stacks.filter((s) => s !== name).join(", ")}`,
          })),
        );
      }
      // Written by the YAML library, the header too: no flag's text can become a key of its own.
      const doc = new Document({ config: { [profileKey(configNamespace(opts.stacksDir))]: raw } });
      doc.commentBefore = ` ${profile.client.displayName ?? name}: scaffolded by \`zt new-client\`. Every key: docs/configuration.md.`;
      writeFileSync(file, doc.toString());
      process.stdout.write(`wrote ${file}\n`);
      if (!opts.plan) return;
      const plan = await planStack(opts.stacksDir, name);
      const verdict = await checkPlan(plan);
      process.stdout.write(
        `planned ${plan.resources.filter((r) => r.custom).length} resources; pack: ${verdict.mandatory === 0 ? "PASS" : `${verdict.mandatory} mandatory violation(s)`}\n` +
          `next: review ${file}, then \`npm start -- --stack ${name}\` and \`npm run -s zt -- lock --stack ${name}\`\n`,
      );
      if (verdict.mandatory > 0) throw new Refused(`${verdict.mandatory} mandatory policy violation(s)`);
    });
}
