import type { PublicGrant } from "../../../../posture/model";
import type { Finding, ResourceRule } from "../../rule";
import { resourceName } from "../support";

function judge(g: PublicGrant): Finding {
  const who = `${resourceName(g.origin)} (${g.resource})`;
  if (g.unreadable?.why === "until apply")
    // Judged again as the resource registers in `pulumi up` (its value known then), and in the deployed view.
    return {
      urn: g.origin.urn,
      notice: true,
      message: `${who}'s policy depends on ${g.unreadable.property} values not known until apply: who it lets in is judged once deployed (zt check).`,
    };
  if (g.unreadable)
    return {
      urn: g.origin.urn,
      message: `${who}'s ${g.unreadable.property} cannot be read (${g.unreadable.why === "secret" ? "a secret the pack cannot decrypt" : "not an IAM document the pack recognises"}), so it is judged to let everyone do anything. Write the policy as a JSON document naming its principals.`,
    };
  return g.readOnly
    ? {
        urn: g.origin.urn,
        notice: true,
        message: `${who} lets everyone ${g.actions.join(", ")}: right for a public website, image or API, a leak otherwise. Put it behind CloudFront with origin access control, or name the readers.`,
      }
    : {
        urn: g.origin.urn,
        message: `${who} allows everyone (Principal "*", no condition pinning a network, organisation or caller) ${g.actions.join(", ")}.${g.byShape ? " The pack reads this type's policy by its shape and does not know which of its actions only read public content, so it judges them as control." : ""} Name the principals, or pin them with aws:PrincipalOrgID / aws:SourceVpce / aws:SourceArn.`,
      };
}

export const privilegeNoPublicResourcePolicy: ResourceRule = {
  kind: "resource",
  name: "privilege-no-public-resource-policy",
  layer: "privilege",
  description:
    'No resource policy (S3, SQS, SNS, KMS, ECR, Secrets Manager, OpenSearch, Lambda, API Gateway, and any other AWS resource carrying an IAM document) lets everyone (Principal "*", nothing pinning who) use, change or administer a resource; public reads are advice.',
  severity: "critical",
  enforcementLevel: "mandatory",
  frameworks: ["ztmm-identity-access-management", "nis2-21-2-i"],
  references: [],
  remediation:
    "Name the principals the policy is for, or pin them with aws:PrincipalOrgID, aws:SourceVpce or aws:SourceArn.",
  uses: [],
  reads: ["privilege.publicGrants"],
  judge: (posture) => posture.privilege.publicGrants.map(judge),
};
