import type { AclEntry } from "../model";
import type { ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { arr, num, obj, str, strs, UNKNOWN_VALUE } from "../values";
import { cidrEndpoint, icmpOf, portsOf, protocolOf } from "./aws-network";
import { originOf } from "./origin";
import type { ReaderDeclaration } from "./registry";

export const NACL = {
  acl: "aws:ec2/networkAcl:NetworkAcl",
  defaultAcl: "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl",
  rule: "aws:ec2/networkAclRule:NetworkAclRule",
} as const;

/** One entry of a network ACL, as written inline (`ingress`/`egress`) or as a NetworkAclRule. */
function entry(
  r: PlannedResource,
  acl: string,
  direction: AclEntry["direction"],
  e: Record<string, unknown>,
  numberKey: string,
  actionKey: string,
): AclEntry[] {
  const protocol = protocolOf(e.protocol);
  const icmp = icmpOf(e.protocol, e.icmpType, e.icmpCode);
  // An unreadable action allows; an unreadable number puts an allow first and a deny last (fail closed).
  const access = str(e[actionKey])?.trim().toLowerCase() === "deny" ? "deny" : "allow";
  const ruleNumber = num(e[numberKey]) ?? (access === "deny" ? Number.MAX_SAFE_INTEGER : 0);
  const peers = ["cidrBlock", "ipv6CidrBlock"]
    .filter((k) => e[k] !== undefined && e[k] !== "")
    .map((k) => cidrEndpoint(strs([e[k]])[0] ?? UNKNOWN_VALUE, k));
  return peers.map((peer) => ({
    acl,
    direction,
    access,
    peer,
    protocol,
    ports: portsOf(protocol, e.fromPort, e.toPort),
    ...(icmp ? { icmp } : {}),
    ruleNumber,
    origin: originOf(r),
  }));
}

/** Reads network ACL entries: inline in NetworkAcl / DefaultNetworkAcl, and NetworkAclRule resources. */
export function readNetworkAcls(index: ResourceIndex): AclEntry[] {
  const inline = index
    .ofType(NACL.acl, NACL.defaultAcl)
    .flatMap((r) =>
      (["ingress", "egress"] as const).flatMap((direction) =>
        arr(r.inputs[direction]).flatMap((e) => entry(r, r.urn, direction, obj(e), "ruleNo", "action")),
      ),
    );
  const standalone = index.ofType(NACL.rule).flatMap((r) => {
    const [refs] = index.resolve(r, "networkAclId", [[r.inputs.networkAclId]], [NACL.acl, NACL.defaultAcl]);
    const acl = refs!.targets[0]?.urn ?? str(r.inputs.networkAclId) ?? r.urn;
    return entry(r, acl, r.inputs.egress === true ? "egress" : "ingress", r.inputs, "ruleNumber", "ruleAction");
  });
  return [...inline, ...standalone];
}

export const READER: ReaderDeclaration = {
  name: "network-acls",
  feeds: { "network.acls": Object.values(NACL) },
};
