import type { PublicGrant } from "../../../../posture/model";
import type { Finding, ResourceRule } from "../../rule";
import { resourceName } from "../support";

/** Reading objects: what a public website bucket is for. Anything else for everyone is control. */
const READS = /^s3:(GetObject|GetObjectVersion|ListBucket)$/i;

function judge(g: PublicGrant): Finding {
  const who = `${resourceName(g.origin)} (${g.resource})`;
  const writes = g.actions.filter((a) => !READS.test(a));
  return writes.length
    ? {
        urn: g.origin.urn,
        message: `${who} allows everyone (Principal "*", no condition pinning a network, organisation or caller) ${writes.join(", ")}. Name the principals, or pin them with aws:PrincipalOrgID / aws:SourceVpce.`,
      }
    : {
        urn: g.origin.urn,
        notice: true,
        message: `${who} lets everyone read (${g.actions.join(", ")}): right for a public website, a leak otherwise. Serve it through CloudFront with origin access control instead.`,
      };
}

export const privilegeNoPublicResourcePolicy: ResourceRule = {
  kind: "resource",
  name: "privilege-no-public-resource-policy",
  layer: "privilege",
  description:
    'No resource policy lets everyone (Principal "*", nothing pinning who) change or administer a resource; public reads are advice.',
  severity: "critical",
  enforcementLevel: "mandatory",
  frameworks: ["ztmm-identity-access-management", "nis2-21-2-i"],
  references: ["CKV_AWS_70 (S3 bucket does not allow an action with any principal)"],
  remediation: "Name the principals the policy is for, or pin them with aws:PrincipalOrgID or aws:SourceVpce.",
  uses: [],
  reads: ["privilege.publicGrants"],
  judge: (posture) => posture.privilege.publicGrants.map(judge),
};
