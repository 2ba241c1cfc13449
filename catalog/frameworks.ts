/** Framework items the baseline can give evidence for. Ids are stable; titles are short paraphrases. */
export interface FrameworkItem {
  readonly id: string;
  readonly framework:
    "CISA ZTMM 2.0" | "NIST SP 800-207" | "NIS2 Art. 21(2)" | "CISA SCuBA (Entra ID)" | "CIS AWS Foundations";
  readonly title: string;
  /** The automated assessor whose checks this claim agrees with, where one exists besides ScubaGear. */
  readonly assessor?: string;
}

export const FRAMEWORK_ITEMS = [
  {
    id: "ztmm-identity-authentication",
    framework: "CISA ZTMM 2.0",
    title: "Identity: Authentication (Advanced: phishing-resistant MFA)",
  },
  {
    id: "ztmm-identity-access-management",
    framework: "CISA ZTMM 2.0",
    title: "Identity: Access management (Advanced: need- and session-based)",
  },
  {
    id: "ztmm-identity-risk",
    framework: "CISA ZTMM 2.0",
    title: "Identity: Risk assessments (Advanced: automated, real-time)",
  },
  {
    id: "ztmm-devices-compliance",
    framework: "CISA ZTMM 2.0",
    title: "Devices: Policy enforcement and compliance monitoring",
  },
  {
    id: "ztmm-networks-segmentation",
    framework: "CISA ZTMM 2.0",
    title: "Networks: Network segmentation (Advanced: micro-perimeters)",
  },
  {
    id: "ztmm-networks-traffic",
    framework: "CISA ZTMM 2.0",
    title: "Networks: Network traffic management and filtering",
  },
  {
    id: "ztmm-apps-access",
    framework: "CISA ZTMM 2.0",
    title: "Applications: Access authorization (per request, contextual)",
  },
  {
    id: "ztmm-apps-accessible",
    framework: "CISA ZTMM 2.0",
    title: "Applications: Accessible applications (public, through ZTNA)",
  },
  { id: "ztmm-visibility", framework: "CISA ZTMM 2.0", title: "Cross-cutting: Visibility and analytics" },
  { id: "ztmm-governance", framework: "CISA ZTMM 2.0", title: "Cross-cutting: Governance (policy as code, enforced)" },
  {
    id: "nist-207-t2",
    framework: "NIST SP 800-207",
    title: "Tenet 2: all communication is secured regardless of network location",
  },
  { id: "nist-207-t3", framework: "NIST SP 800-207", title: "Tenet 3: access to resources is granted per session" },
  { id: "nist-207-t4", framework: "NIST SP 800-207", title: "Tenet 4: access is determined by dynamic policy" },
  {
    id: "nist-207-t5",
    framework: "NIST SP 800-207",
    title: "Tenet 5: the integrity and posture of assets is monitored",
  },
  {
    id: "nist-207-t6",
    framework: "NIST SP 800-207",
    title: "Tenet 6: authentication and authorization are dynamic and enforced before access",
  },
  {
    id: "nist-207-t7",
    framework: "NIST SP 800-207",
    title: "Tenet 7: information is collected to improve the security posture",
  },
  { id: "nis2-21-2-b", framework: "NIS2 Art. 21(2)", title: "(b) incident handling" },
  {
    id: "nis2-21-2-f",
    framework: "NIS2 Art. 21(2)",
    title: "(f) assessing the effectiveness of cybersecurity measures",
  },
  { id: "nis2-21-2-i", framework: "NIS2 Art. 21(2)", title: "(i) access control policies and asset management" },
  { id: "nis2-21-2-j", framework: "NIS2 Art. 21(2)", title: "(j) multi-factor or continuous authentication" },
  { id: "scuba-aad-1.1", framework: "CISA SCuBA (Entra ID)", title: "MS.AAD.1.1v1 legacy authentication blocked" },
  { id: "scuba-aad-2.1", framework: "CISA SCuBA (Entra ID)", title: "MS.AAD.2.1v1 high-risk users blocked" },
  { id: "scuba-aad-2.3", framework: "CISA SCuBA (Entra ID)", title: "MS.AAD.2.3v1 high-risk sign-ins blocked" },
  {
    id: "scuba-aad-3.1",
    framework: "CISA SCuBA (Entra ID)",
    title: "MS.AAD.3.1v1 phishing-resistant MFA enforced for all users",
  },
  { id: "scuba-aad-3.2", framework: "CISA SCuBA (Entra ID)", title: "MS.AAD.3.2v2 MFA enforced for all users" },
  {
    id: "scuba-aad-3.6",
    framework: "CISA SCuBA (Entra ID)",
    title: "MS.AAD.3.6v1 phishing-resistant MFA for highly privileged roles",
  },
  {
    id: "scuba-aad-3.7",
    framework: "CISA SCuBA (Entra ID)",
    title: "MS.AAD.3.7v1 managed devices required for authentication",
  },
  {
    id: "scuba-aad-3.8",
    framework: "CISA SCuBA (Entra ID)",
    title: "MS.AAD.3.8v1 managed devices required to register MFA",
  },
  { id: "scuba-aad-3.9", framework: "CISA SCuBA (Entra ID)", title: "MS.AAD.3.9v1 device code authentication blocked" },
  {
    id: "scuba-aad-7.4",
    framework: "CISA SCuBA (Entra ID)",
    title: "MS.AAD.7.4v1 no permanent active assignment of highly privileged roles",
  },
  {
    id: "scuba-aad-7.5",
    framework: "CISA SCuBA (Entra ID)",
    title: "MS.AAD.7.5v1 highly privileged roles assigned only through PIM",
  },
  {
    id: "cis-aws-1.16",
    framework: "CIS AWS Foundations",
    title: "1.16 no IAM policy with full *:* administrative privileges attached",
    assessor:
      "Prowler `iam_aws_attached_policy_no_administrative_privileges`, `iam_customer_attached_policy_no_administrative_privileges`",
  },
  {
    id: "cis-aws-3.1",
    framework: "CIS AWS Foundations",
    title: "3.1 CloudTrail enabled in all regions",
    assessor: "Prowler `cloudtrail_multi_region_enabled`",
  },
  {
    id: "cis-aws-3.2",
    framework: "CIS AWS Foundations",
    title: "3.2 CloudTrail log file validation enabled",
    assessor: "Prowler `cloudtrail_log_file_validation_enabled`",
  },
  {
    id: "cis-aws-5.1",
    framework: "CIS AWS Foundations",
    title: "5.1 no network ACL ingress from 0.0.0.0/0 to admin ports",
    assessor:
      "Prowler `ec2_networkacl_allow_ingress_tcp_port_22`, `ec2_networkacl_allow_ingress_tcp_port_3389`, `ec2_networkacl_allow_ingress_any_port`",
  },
  {
    id: "cis-aws-5.2",
    framework: "CIS AWS Foundations",
    title: "5.2 no security group ingress from 0.0.0.0/0 to admin ports",
    assessor:
      "Prowler `ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22`, `ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_3389`",
  },
] as const satisfies readonly FrameworkItem[];

export type FrameworkItemId = (typeof FRAMEWORK_ITEMS)[number]["id"];

/** `CISA SCuBA (Entra ID) MS.AAD.3.6v1 phishing-resistant MFA for highly privileged roles`: how docs name an item. */
export function frameworkLabel(id: FrameworkItemId): string {
  const item = FRAMEWORK_ITEMS.find((i) => i.id === id)!;
  return `${item.framework} ${item.title}`;
}
