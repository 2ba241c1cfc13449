import type { ServiceOpening } from "../model";
import type { ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { arr, isUnknown, obj, str, strs } from "../values";
import { originOf } from "./origin";
import { isDisabled, spanOpening } from "./service-openings";
import type { ReaderDeclaration } from "./registry";

/** PaaS firewall resources, native and classic providers, by the service they guard. */
export const PAAS = {
  "azure-native:sql:FirewallRule": "Azure SQL server",
  "azure-native:synapse:IpFirewallRule": "Synapse workspace",
  "azure-native:dbforpostgresql:FirewallRule": "PostgreSQL flexible server",
  "azure-native:dbformysql:FirewallRule": "MySQL flexible server",
  "azure:mssql/firewallRule:FirewallRule": "Azure SQL server",
  "azure:sql/firewallRule:FirewallRule": "Azure SQL server",
  "azure:synapse/firewallRule:FirewallRule": "Synapse workspace",
  "azure:postgresql/flexibleServerFirewallRule:FlexibleServerFirewallRule": "PostgreSQL flexible server",
  "azure:mysql/flexibleServerFirewallRule:FlexibleServerFirewallRule": "MySQL flexible server",
  "azure-native:storage:StorageAccount": "Storage account",
  "azure-native:keyvault:Vault": "Key Vault",
  "azure:storage/account:Account": "Storage account",
  "azure:storage/accountNetworkRules:AccountNetworkRules": "Storage account",
  "azure:keyvault/keyVault:KeyVault": "Key Vault",
} as const;

type Admits = ServiceOpening["admits"];

/** `a.b.c.d` or a start–end pair as a range; unreadable (unknown, secret) fails closed. */
const range = (first: unknown, last: unknown = first): Admits => spanOpening(first, last).admits;

/** An ACL entry (`203.0.113.0/24`, `203.0.113.7`): a CIDR keeps its prefix as the range's end. */
const entry = (v: unknown): Admits => {
  const text = str(v);
  if (text?.includes("/")) return { kind: "range", first: text, last: text };
  return range(v);
};

/** A default-action network rule set (storage, Key Vault): unset or Allow admits every address. */
function ruleSet(
  set: unknown,
  ipRules: (set: Record<string, unknown>) => unknown[],
): { admits: Admits; explicit: boolean }[] {
  if (set === undefined)
    return [
      {
        admits: { kind: "every-address", why: "no network rule set: the default admits every address" },
        explicit: false,
      },
    ];
  const s = obj(set);
  const action = str(s.defaultAction);
  if (action === undefined && isUnknown(s.defaultAction))
    return [{ admits: { kind: "every-address", why: "its default action is not known" }, explicit: true }];
  if (action?.toLowerCase() !== "deny")
    return [
      { admits: { kind: "every-address", why: `defaultAction ${action ?? "unset"}` }, explicit: action !== undefined },
    ];
  return ipRules(s).map((r) => ({ admits: entry(r), explicit: true }));
}

function openings(r: PlannedResource): { admits: Admits; explicit: boolean }[] {
  const i = r.inputs;
  switch (r.type) {
    case "azure-native:storage:StorageAccount":
      return isDisabled(i.publicNetworkAccess)
        ? []
        : ruleSet(i.networkRuleSet, (s) =>
            arr(s.ipRules).map((x) => obj(x).iPAddressOrRange ?? obj(x).ipAddressOrRange),
          );
    case "azure-native:keyvault:Vault": {
      const p = obj(i.properties);
      return isDisabled(p.publicNetworkAccess)
        ? []
        : ruleSet(p.networkAcls, (s) => arr(s.ipRules).map((x) => obj(x).value));
    }
    case "azure:storage/account:Account":
      return i.publicNetworkAccessEnabled === false ? [] : ruleSet(i.networkRules, (s) => strs(s.ipRules));
    case "azure:storage/accountNetworkRules:AccountNetworkRules":
      return ruleSet(i, (s) => strs(s.ipRules));
    case "azure:keyvault/keyVault:KeyVault":
      return i.publicNetworkAccessEnabled === false ? [] : ruleSet(i.networkAcls, (s) => strs(s.ipRules));
    default:
      return [{ admits: range(i.startIpAddress, i.endIpAddress), explicit: true }];
  }
}

/** Reads what each PaaS firewall admits. */
export function readServiceOpenings(index: ResourceIndex): ServiceOpening[] {
  return index
    .ofType(...Object.keys(PAAS))
    .flatMap((r) =>
      openings(r).map((o) => ({ service: PAAS[r.type as keyof typeof PAAS], ...o, origin: originOf(r) })),
    );
}

export const READER: ReaderDeclaration = {
  name: "paas-firewalls",
  feeds: { "network.services": Object.keys(PAAS) },
};
