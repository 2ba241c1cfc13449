import { InvalidArgumentError, type Command } from "commander";
import { writeFileSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import { Document } from "yaml";

/** A flag's text, refused when it holds a control character (a newline could write keys of its own). */
const plain = (v: string) => {
  if (/[\u0000-\u001f\u007f]/.test(v))
    throw new InvalidArgumentError("control characters (a newline, a tab...) are not allowed");
  return v;
};
const list = (v: string, prev: string[] = []) => [...prev, plain(v)];

/** What a new client's profile is made of, as `new-client` and `init` take it. */
export interface ClientFlags {
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
}

/** The flags of a new client's profile. */
export function addClientFlags(command: Command): Command {
  return command
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
    .option("--azure-location <location>", "Azure location", plain);
}

/** Asks for what is missing on a terminal; in a script, missing values are an error. */
export async function fillClient(opts: ClientFlags): Promise<void> {
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

/** The raw profile the flags describe (validated by the caller, with parseProfile). */
export function clientProfileOf(name: string, o: ClientFlags): Record<string, unknown> {
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

/** Writes a stack config holding one profile, the header too by the YAML library: no flag's text can become a key. */
export function writeClientStack(file: string, key: string, raw: Record<string, unknown>, header: string): void {
  const doc = new Document({ config: { [key]: raw } });
  doc.commentBefore = ` ${header}. Every key: docs/configuration.md in zt-baseline.`;
  writeFileSync(file, doc.toString());
}
