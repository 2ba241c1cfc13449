import type { Endpoint, NetworkRule, Posture } from "../posture/model";
import type { Protocol } from "../posture/ports";
import { INTERNET } from "../profile/network-defaults";

/**
 * What a client's resources (planned, or read from its deployed state) actually hold, in the
 * fleet report's terms: the Conditional Access policies by name and state, and the network allows
 * between the diagram's boxes. The report draws these, so a drifted state shows as drift.
 */
export interface DeployedView {
  readonly caPolicies: readonly { readonly displayName: string; readonly state?: string }[];
  readonly flows: readonly DeployedFlow[];
}

/** One allow rule, its ends named as the diagram names them (a tier, or "internet"). */
export interface DeployedFlow {
  readonly cloud: string;
  readonly from: string;
  readonly to: string;
  readonly protocol: Protocol;
  /** Undefined for every port. */
  readonly ports?: { readonly from: number; readonly to: number };
}

export function deployedView(posture: Posture): DeployedView {
  return {
    caPolicies: posture.identity.policies.map((p) => ({
      displayName: p.displayName,
      ...(p.state ? { state: p.state } : {}),
    })),
    flows: posture.network.rules.flatMap((r) => {
      const [from, to] = [box(r.from), box(r.to)];
      if (r.access !== "allow" || from === undefined || to === undefined || !drawnSide(r)) return [];
      return [{ cloud: r.cloud, from, to, protocol: r.protocol, ...(r.ports ? { ports: r.ports } : {}) }];
    }),
  };
}

/** The box an endpoint is drawn as: its tier, or the internet for any address from outside. */
function box(e: Endpoint): string | undefined {
  if (e.kind === "tier") return e.tier;
  if (e.kind === "internet" || e.kind === "any") return INTERNET;
  // A CIDR stands for the internet; Azure service tags (AzureLoadBalancer...) are platform traffic.
  if (e.kind === "cidr" && /[\d:]/.test(e.cidr)) return INTERNET;
  return undefined; // untagged groups, unresolved references, the vnet: the pack's rules name them
}

/**
 * Traffic into a tier is read from its ingress side, traffic leaving the tiers from the egress
 * side: the mirror rules of tier-to-tier traffic would otherwise draw each arrow twice.
 */
function drawnSide(r: NetworkRule): boolean {
  return r.to.kind === "tier" ? r.direction === "ingress" : r.direction === "egress";
}
