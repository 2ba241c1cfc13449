import type { PlannedResource } from "../resource";
import { obj } from "../values";
import { PAAS } from "./paas-firewalls";

/**
 * The shapes of Azure PaaS network rules written as resources of their own, whatever the service:
 * a firewall rule (a start and an end address, at the top or under `properties`) and an IP filter
 * rule (an `ipMask` with an accept or reject action). Read by posture/readers/paas-public-access.ts;
 * the keys are what its declaration names, so the inventory counts the types that have only these.
 */
export const FIREWALL_KEYS = { start: ["startIpAddress", "startIP"], end: ["endIpAddress", "endIP"] } as const;
export const FILTER_KEY = "ipMask";

/** Where a firewall rule's addresses sit: the inputs, or their `properties` block. */
export function firewallBody(r: PlannedResource): Record<string, unknown> | undefined {
  for (const body of [r.inputs, obj(r.inputs.properties)]) {
    const keys = Object.keys(body);
    if ([...FIREWALL_KEYS.start, ...FIREWALL_KEYS.end].some((k) => keys.includes(k))) return body;
  }
  return undefined;
}

/** An IP filter rule: `ipMask` at the top. */
export const isFilterRule = (r: PlannedResource): boolean => FILTER_KEY in r.inputs;

/**
 * Whether a resource is an azure-native rule read by its shape: a firewall or IP filter rule of a
 * service the PaaS firewalls reader (paas-firewalls.ts) does not already read by type.
 */
export const readsByShape = (r: PlannedResource): boolean =>
  r.type.startsWith("azure-native:") && !(r.type in PAAS) && (firewallBody(r) !== undefined || isFilterRule(r));
