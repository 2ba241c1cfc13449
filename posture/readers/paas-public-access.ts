import { PUBLIC_NETWORK_DEFAULTS, type PublicNetworkDefault } from "../../catalog/azure-public-network-defaults";
import type { ResourceIndex } from "../index-resources";
import type { ServiceOpening } from "../model";
import type { PlannedResource } from "../resource";
import { isUnknown, listEntries, obj, plain, str } from "../values";
import { originOf } from "./origin";
import { addressOpening, everyAddress, spanOpening, type Opening } from "./service-openings";
import { FILTER_KEY, FIREWALL_KEYS, firewallBody, isFilterRule, readsByShape } from "./paas-rule-shapes";
import type { ReaderDeclaration } from "./registry";
import { findRuleSet, ruleSet, SERVICE_ENDPOINTS } from "./service-endpoints";

/**
 * Azure PaaS services' own network exposure, read from documented defaults and by shape:
 * - a service of the catalogue (catalog/azure-public-network-defaults.ts) with public network access
 *   on admits what its IP rules or its rule set admit, and, with none written, what the service's
 *   default admits: every address (public access written Enabled: a block; left to the default, or
 *   narrowed by rule resources one resource cannot see: advice), or nobody until a firewall rule;
 * - a firewall rule of any azure-native module (a start and an end address) admits its range, and an
 *   IP filter rule that accepts admits its mask (posture/readers/paas-rule-shapes.ts).
 */

/** The public network access setting, wherever the service writes it. */
function publicFlag(i: Record<string, unknown>): unknown {
  for (const v of [i.publicNetworkAccess, obj(i.properties).publicNetworkAccess, obj(i.network).publicNetworkAccess])
    if (v !== undefined) return v;
  return undefined;
}

type Flag = "off" | "on" | "unknown" | "default";

/** Disabled (any case, or false), or App Configuration's "secured by perimeter": the public endpoint is off. */
function flagOf(v: unknown): Flag {
  if (v === undefined) return "default";
  if (isUnknown(v)) return "unknown";
  const p = plain(v);
  if (p === false || /^(disabled|securedbyperimeter)$/i.test(str(p) ?? "")) return "off";
  if (p === true || /^enabled$/i.test(str(p) ?? "")) return "on";
  // Another value (App Configuration's "Automatic": on until a private endpoint exists): the default.
  return "default";
}

/** The IP rules a service writes inline, as lists of entries (Cosmos DB, Search, Event Grid). */
function inlineRules(i: Record<string, unknown>): unknown[] | undefined {
  const lists = [i.ipRules, obj(i.networkRuleSet).ipRules, i.inboundIpRules].filter((l) => l !== undefined);
  if (lists.length === 0) return undefined;
  const entries = lists.flatMap(listEntries);
  return entries.map((e) => {
    if (isUnknown(e)) return e;
    const r = obj(e);
    return r.ipAddressOrRange ?? r.value ?? r.ipMask ?? r.iPAddressOrRange ?? e;
  });
}

function serviceOpenings(r: PlannedResource, d: PublicNetworkDefault): Opening[] {
  const i = r.inputs;
  const flag = flagOf(publicFlag(i));
  if (flag === "off" || d.withoutRules === "nobody") return [];
  const set = findRuleSet(i);
  if (set) return ruleSet(set);
  const rules = inlineRules(i);
  if (rules?.length) return rules.map(addressOpening);
  // Cosmos DB with its virtual network filter on and no IP rule admits only those networks.
  if (plain(i.isVirtualNetworkFilterEnabled) === true) return [];
  if (flag === "unknown") return [everyAddress("its public network access is not known", true)];
  const none = `public network access ${flag === "on" ? "Enabled" : "by default"} and no IP rule: the service admits every address without one (${d.source.title})`;
  // Where the rules are resources of their own, one resource cannot tell whether the stack has some.
  return [everyAddress(none, flag === "on" && d.rules === "inline")];
}

/** A rule resource read by shape: a firewall rule's range, or an accepting IP filter rule's mask. */
function ruleOpenings(r: PlannedResource): Opening[] {
  const body = firewallBody(r);
  if (body) {
    const pick = (keys: readonly string[]) => keys.map((k) => body[k]).find((v) => v !== undefined);
    return [spanOpening(pick(FIREWALL_KEYS.start), pick(FIREWALL_KEYS.end))];
  }
  if (isFilterRule(r)) {
    const action = r.inputs.action;
    if (!isUnknown(action) && /^reject$/i.test(str(action) ?? "")) return [];
    return [addressOpening(r.inputs[FILTER_KEY])];
  }
  return [];
}

/** A rule's service as people say it: `dbformariadb FirewallRule` for `azure-native:dbformariadb:FirewallRule`. */
const ruleService = (type: string) => type.split(":").slice(1).join(" ");

/** Reads what catalogued PaaS services and the rule resources of any azure-native module admit. */
export function readPaasPublicAccess(index: ResourceIndex): ServiceOpening[] {
  return index.resources.flatMap((r) => {
    const d = PUBLIC_NETWORK_DEFAULTS[r.type];
    const found = d
      ? serviceOpenings(r, d).map((o) => ({ service: d.service, ...o }))
      : readsByShape(r) && !(r.type in SERVICE_ENDPOINTS)
        ? ruleOpenings(r).map((o) => ({ service: ruleService(r.type), ...o }))
        : [];
    return found.map((o) => ({ ...o, origin: originOf(r) }));
  });
}

export const READER: ReaderDeclaration = {
  name: "paas-public-access",
  feeds: { "network.services": Object.keys(PUBLIC_NETWORK_DEFAULTS) },
  readsProperties: [new RegExp(`^(${[...FIREWALL_KEYS.start, ...FIREWALL_KEYS.end, FILTER_KEY].join("|")})$`)],
};
