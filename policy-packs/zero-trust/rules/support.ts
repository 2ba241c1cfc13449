import ipaddr from "ipaddr.js";
import { cidrWithin, isCidr } from "../../../posture/cidr";
import { OPAQUE_SECRET } from "../../../posture/values";
import { WIDE_SOURCE_PREFIX } from "../../../catalog/limits";
import type { CaPolicyPosture, Endpoint, NetworkRule, Origin } from "../../../posture/model";
import { describeEndpoint } from "../../../posture/model";
import { describePorted } from "../../../posture/ports";

const INSIDE_RANGES = new Set(["private", "loopback", "linkLocal", "carrierGradeNat", "uniqueLocal"]);

/** True for a CIDR inside private address space (RFC 1918 and friends): a network, not a tier. */
export function isPrivateCidr(cidr: string): boolean {
  try {
    return INSIDE_RANGES.has(ipaddr.parseCIDR(cidr)[0].range());
  } catch {
    return false;
  }
}

/** Traffic from here comes from outside the estate: the internet, anywhere, or a public range. */
export function isOutside(e: Endpoint): boolean {
  // A prefix list whose entries the stack does not hold may list any address (fail closed).
  if (e.kind === "internet" || e.kind === "any" || e.kind === "prefix-list" || e.kind === "service-tag") return true;
  // An address a state file keeps secret cannot be read: it may be anywhere (fail closed).
  if (e.kind === "unknown" && e.ref === OPAQUE_SECRET) return true;
  // A non-CIDR address is a service tag (such as AzureLoadBalancer), not the internet.
  return e.kind === "cidr" && isCidr(e.cidr) && !isPrivateCidr(e.cidr);
}

/**
 * Open to the internet, or to sources as wide (a public range of /16 or more): what a mandatory
 * block is for when no tier says otherwise. A narrower public range (an office's /32) is outside,
 * but it is an allow-list: zero-trust advice, not a block.
 */
export function isWideOpen(e: Endpoint): boolean {
  if (!isOutside(e)) return false;
  // A prefix list the stack does not hold is outside, but how wide is unknown: into a tier it is
  // blocked like any undeclared source; elsewhere it is advice, not a block on a guess.
  if (e.kind === "prefix-list") return false;
  if (e.kind !== "cidr") return true;
  try {
    const [address, prefix] = ipaddr.parseCIDR(e.cidr);
    return prefix <= (address.kind() === "ipv4" ? WIDE_SOURCE_PREFIX.ipv4 : WIDE_SOURCE_PREFIX.ipv6);
  } catch {
    return true; // unreadable: fail closed
  }
}

/** An internet-side endpoint stays within a flow's declared CIDRs (no CIDRs declared: anywhere). */
export function withinDeclared(e: Endpoint, cidrs: readonly string[] | undefined): boolean {
  if (!cidrs || cidrs.length === 0) return true;
  return e.kind === "cidr" && cidrs.some((c) => cidrWithin(e.cidr, c));
}

export const tierOf = (e: Endpoint): string | undefined => (e.kind === "tier" ? e.tier : undefined);

/** "AWS SecurityGroupIngressRule web-in" — how findings name a resource. */
export function resourceName(o: Origin): string {
  return `${o.type.split(":").pop()} '${o.name}'`;
}

export function describeFlow(r: NetworkRule): string {
  return `${describeEndpoint(r.from)} → ${describeEndpoint(r.to)} on ${describePorted(r)}`;
}

export const isAllowRule = (r: NetworkRule) => r.access === "allow";

/**
 * Users and apps both "All", with no condition that narrows who or what is covered. An
 * authentication-flow condition narrows too, unless the caller is asking about that very flow.
 */
export function coversEveryoneEverywhere(
  p: CaPolicyPosture,
  allowedExclusions: ReadonlySet<string>,
  ignoreFlows = false,
): boolean {
  const excluded = [...p.users.exclude, ...p.users.excludeGroups, ...p.users.excludeRoles];
  return (
    p.users.include.includes("All") &&
    !p.users.excludesGuests &&
    excluded.every((id) => allowedExclusions.has(id)) &&
    p.apps.include.includes("All") &&
    p.apps.exclude.length === 0 &&
    p.userRiskLevels.length === 0 &&
    p.signInRiskLevels.length === 0 &&
    p.deviceFilter === undefined &&
    (ignoreFlows || p.authenticationFlows.length === 0) &&
    p.apps.userActions.length === 0 &&
    (p.platforms === undefined || (p.platforms.include.includes("all") && p.platforms.exclude.length === 0)) &&
    (p.locations === undefined || (p.locations.include.includes("All") && p.locations.exclude.length === 0))
  );
}

export const blocks = (p: CaPolicyPosture) => p.grant?.builtIn.includes("block") === true;
