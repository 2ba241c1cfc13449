import type { AclEntry } from "../../../../posture/model";
import { coversPort, describePorted, isAnyPort } from "../../../../posture/ports";
import { ADMIN_PORTS } from "../../../../catalog/admin-ports";
import type { Finding, StackRule } from "../../rule";
import { describeEndpoint } from "../../../../posture/model";
import { isWideOpen, resourceName } from "../support";

/** The entry that decides traffic on a port: the lowest-numbered one of its ACL and direction that matches. */
const decides = (entries: readonly AclEntry[], e: AclEntry, port: number) =>
  !entries.some(
    (o) =>
      o.acl === e.acl &&
      o.direction === e.direction &&
      o.access === "deny" &&
      o.ruleNumber < e.ruleNumber &&
      isWideOpen(o.peer) &&
      coversPort(o, port),
  );

export const networkAclNoAdminPortsFromInternet: StackRule = {
  // A stack rule: an entry is judged with the lower-numbered entries of its ACL, which may deny first.
  kind: "stack",
  name: "network-acl-no-admin-ports-from-internet",
  layer: "network",
  description:
    "No network ACL lets the internet in on SSH, RDP or every port. Advisory: security groups decide what a host accepts; the ACL is the subnet's second wall.",
  severity: "medium",
  enforcementLevel: "advisory",
  frameworks: ["cis-aws-5.1", "ztmm-networks-traffic"],
  references: [],
  remediation:
    "Deny SSH and RDP from 0.0.0.0/0 and ::/0 in the ACL below any allow, and allow only the ports the subnet serves.",
  uses: [],
  judge: (posture) => {
    const entries = posture.network.acls;
    return entries
      .filter((e) => e.direction === "ingress" && e.access === "allow" && isWideOpen(e.peer))
      .flatMap((e): Finding[] => {
        const open = ADMIN_PORTS.filter((a) => coversPort(e, a.port) && decides(entries, e, a.port));
        if (!open.length) return [];
        const what = isAnyPort(e)
          ? `every port (${describePorted(e)})`
          : open.map((a) => `${a.name} (${a.port})`).join(", ");
        return [
          {
            urn: e.origin.urn,
            message: `${resourceName(e.origin)} rule ${e.ruleNumber} lets ${describeEndpoint(e.peer)} in on ${what}. Deny admin ports from the internet in the ACL; reach hosts through ZTNA.`,
          },
        ];
      });
  },
};
