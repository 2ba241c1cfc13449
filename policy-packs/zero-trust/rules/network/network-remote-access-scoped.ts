import { WIDE_SOURCE_PREFIX } from "../../../../catalog/limits";
import { isCidr } from "../../../../posture/cidr";
import type { RemoteRoute } from "../../../../posture/model";
import type { Finding, ResourceRule } from "../../rule";
import { resourceName } from "../support";

/**
 * True when a range is as wide as a /16 (IPv4) or a /48 (IPv6), or wider; an unreadable range is
 * every address (posture/unknown.ts: network-peer).
 */
function wide(cidr: string | undefined): boolean {
  if (cidr === undefined || !isCidr(cidr)) return true;
  const bits = Number(cidr.split("/")[1]);
  return bits <= (cidr.includes(":") ? WIDE_SOURCE_PREFIX.ipv6 : WIDE_SOURCE_PREFIX.ipv4);
}

function judge(r: RemoteRoute): Finding | undefined {
  if (r.who.kind === "group") return undefined;
  const range = r.cidr ?? "a range that cannot be read (judged as every address)";
  const what = `${resourceName(r.origin)} lets every user of its ${r.via} reach ${range}`;
  if (r.who.unless)
    return {
      urn: r.origin.urn,
      notice: true,
      message: `${what}, unless ${r.who.unless}. Publish the applications behind it as Access applications, or narrow the route to the hosts that need it.`,
    };
  if (wide(r.cidr))
    return {
      urn: r.origin.urn,
      message: `${what}: a flat network for anyone who connects. Authorize one directory group per range (accessGroupId), and narrow the range to the tier that group needs.`,
    };
  return {
    urn: r.origin.urn,
    notice: true,
    message: `${what}. Authorize the directory group that needs it (accessGroupId) rather than every user.`,
  };
}

export const networkRemoteAccessScoped: ResourceRule = {
  kind: "resource",
  name: "network-remote-access-scoped",
  layer: "network",
  description:
    "A VPN or tunnel never lets every one of its users reach a wide private range: remote access is granted per group and per range.",
  severity: "high",
  enforcementLevel: "mandatory",
  frameworks: ["ztmm-networks-segmentation", "nist-207-t2"],
  references: ["AWS Client VPN: authorization rules", "Cloudflare: private networks and Gateway network policies"],
  remediation:
    "Authorize one directory group per range (Client VPN accessGroupId), narrow the range to the hosts the group needs, or publish the applications through ZTNA.",
  uses: [],
  reads: ["network.remote"],
  judge: (posture) => posture.network.remote.map(judge).filter((f): f is Finding => f !== undefined),
};
