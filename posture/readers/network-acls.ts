import type { AclEntry } from "../model";
import type { ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { arr, num, obj, str } from "../values";
import { cidrEndpoint, portsOf, protocolOf } from "./aws-network";
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
  const cidrs = [str(e.cidrBlock), str(e.ipv6CidrBlock)].filter((c): c is string => c !== undefined && c !== "");
  return cidrs.map((cidr) => ({
    acl,
    direction,
    access: str(e[actionKey])?.toLowerCase() === "deny" ? "deny" : "allow",
    peer: cidrEndpoint(cidr),
    protocol,
    ports: portsOf(protocol, e.fromPort, e.toPort),
    ruleNumber: num(e[numberKey]) ?? 0,
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
