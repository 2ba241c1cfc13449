import type { RemoteRoute } from "../model";
import type { ResourceIndex } from "../index-resources";
import { isUnknown, plain, str } from "../values";
import { originOf } from "./origin";
import type { ReaderDeclaration } from "./registry";

export const REMOTE = {
  clientVpnAuthorization: "aws:ec2clientvpn/authorizationRule:AuthorizationRule",
  tunnelRoute: "cloudflare:index/zeroTrustTunnelCloudflaredRoute:ZeroTrustTunnelCloudflaredRoute",
  legacyTunnelRoute: "cloudflare:index/tunnelRoute:TunnelRoute",
} as const;

/** A range as written, or undefined when it cannot be read (unknown until apply, a secret). */
const cidrOf = (v: unknown) => (isUnknown(v) ? undefined : str(v));

/**
 * Reads the private ranges remote users reach: an AWS Client VPN authorization rule (every user of
 * the endpoint, or one directory group), a Cloudflare Tunnel's private network route (every device
 * enrolled in the organisation, unless a Gateway network policy narrows it).
 */
export function readRemoteAccess(index: ResourceIndex): RemoteRoute[] {
  const vpn = index.ofType(REMOTE.clientVpnAuthorization).map((r): RemoteRoute => {
    const all = plain(r.inputs.authorizeAllGroups) === true || isUnknown(r.inputs.authorizeAllGroups);
    const group = str(r.inputs.accessGroupId);
    return {
      via: "Client VPN",
      cidr: cidrOf(r.inputs.targetNetworkCidr),
      // An unreadable choice of groups is every user (posture/unknown.ts: trusted-principal).
      who: !all && group ? { kind: "group", group } : { kind: "everyone" },
      origin: originOf(r),
    };
  });
  const tunnels = index.ofType(REMOTE.tunnelRoute, REMOTE.legacyTunnelRoute).map((r): RemoteRoute => ({
    via: "Cloudflare Tunnel",
    cidr: cidrOf(r.inputs.network),
    who: { kind: "everyone", unless: "a Gateway network policy narrows it (not read by the pack)" },
    origin: originOf(r),
  }));
  return [...vpn, ...tunnels];
}

export const READER: ReaderDeclaration = {
  name: "remote-access",
  feeds: { "network.remote": Object.values(REMOTE) },
};
