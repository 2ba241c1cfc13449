import type { PolicyId } from "./policy-ids";

/**
 * The established scanners' security-group, NSG, network ACL, IAM, RBAC and resource-policy checks,
 * and how this pack answers each: the policy that judges it, or why none does. Ids as the
 * scanners publish them (read from checkov 03d5fdad, Aug 2026; trivy-checks 80e53822, Aug 2026;
 * Prowler 3e000faa, Aug 2026; cdk-nag ca6d1b54, Jun 2026); titles are ours, shortened from theirs,
 * and so is every answer.
 * RULES.md renders this table, and each policy's references (its pack tags) list the checks it judges.
 */
export type Scanner = "checkov" | "trivy" | "Prowler" | "cdk-nag";

export interface ScannerCheck {
  readonly scanner: Scanner;
  readonly id: string;
  readonly title: string;
  /** The policies that judge it (all of them, or the zero-trust part: `why` then says what is left). */
  readonly rules?: readonly PolicyId[];
  /** Why no policy judges it, or what part of it is left out. */
  readonly why?: string;
}

const HYGIENE = "hygiene, not access: it widens nothing";
const PUBLIC_IP = "a public address reaches only what the host's security groups admit, and those rules are judged";
const NOT_READ = "not read yet: the resource type has no reader in the pack";

export const SCANNER_CHECKS: readonly ScannerCheck[] = [
  // checkov: security groups, NSGs, NACLs
  {
    scanner: "checkov",
    id: "CKV_AWS_24",
    title: "no security group allows ingress from 0.0.0.0/0 to port 22",
    rules: ["network-no-admin-ports-from-internet"],
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_25",
    title: "no security group allows ingress from 0.0.0.0/0 to port 3389",
    rules: ["network-no-admin-ports-from-internet"],
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_260",
    title: "no security group allows ingress from 0.0.0.0/0 to port 80",
    rules: ["network-no-internet-ingress-beyond-edge"],
    why: "port 80 is allowed at the edge tier when declared a web port; untagged, it is advice",
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_277",
    title: "no security group allows ingress from 0.0.0.0/0 to all ports",
    rules: ["network-no-any-port-rules", "network-no-internet-ingress-beyond-edge"],
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_382",
    title: "no security group allows egress from 0.0.0.0/0 to all ports",
    rules: ["network-restricted-egress"],
    why: "untagged, AWS's own allow-all default written out is advice",
  },
  { scanner: "checkov", id: "CKV_AWS_23", title: "every security group and rule has a description", why: HYGIENE },
  {
    scanner: "checkov",
    id: "CKV2_AWS_5",
    title: "security groups are attached to another resource",
    why: "an unattached group admits nothing",
  },
  {
    scanner: "checkov",
    id: "CKV2_AWS_12",
    title: "the default security group of every VPC restricts all traffic",
    rules: ["network-no-internet-ingress-beyond-edge", "network-no-any-port-rules"],
    why: "the default group is judged like any other: what it opens is blocked; its self-referencing default rule reaches nothing outside it",
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_229",
    title: "no NACL allows ingress from 0.0.0.0:0 to port 21",
    why: "FTP is not an admin port here: security groups decide what a host accepts",
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_230",
    title: "no NACL allows ingress from 0.0.0.0:0 to port 20",
    why: "FTP is not an admin port here: security groups decide what a host accepts",
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_231",
    title: "no NACL allows ingress from 0.0.0.0:0 to port 3389",
    rules: ["network-acl-no-admin-ports-from-internet"],
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_232",
    title: "no NACL allows ingress from 0.0.0.0:0 to port 22",
    rules: ["network-acl-no-admin-ports-from-internet"],
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_352",
    title: "NACL ingress does not allow all ports",
    rules: ["network-acl-no-admin-ports-from-internet"],
  },
  {
    scanner: "checkov",
    id: "CKV2_AWS_1",
    title: "all NACLs are attached to subnets",
    why: "an unattached ACL filters nothing and opens nothing",
  },
  { scanner: "checkov", id: "CKV_AWS_88", title: "EC2 instance should not have public IP", why: PUBLIC_IP },
  { scanner: "checkov", id: "CKV_AWS_130", title: "VPC subnets do not assign public IP by default", why: PUBLIC_IP },
  {
    scanner: "checkov",
    id: "CKV_AWS_100",
    title: "EKS node group does not have implicit SSH access from 0.0.0.0/0",
    why: NOT_READ,
  },
  {
    scanner: "checkov",
    id: "CKV_AZURE_9",
    title: "RDP access is restricted from the internet",
    rules: ["network-no-admin-ports-from-internet"],
  },
  {
    scanner: "checkov",
    id: "CKV_AZURE_10",
    title: "SSH access is restricted from the internet",
    rules: ["network-no-admin-ports-from-internet"],
  },
  {
    scanner: "checkov",
    id: "CKV_AZURE_77",
    title: "UDP services are restricted from the internet",
    rules: ["network-no-internet-ingress-beyond-edge"],
  },
  {
    scanner: "checkov",
    id: "CKV_AZURE_160",
    title: "HTTP (port 80) access is restricted from the internet",
    rules: ["network-no-internet-ingress-beyond-edge"],
    why: "port 80 is allowed at the edge tier when declared a web port",
  },
  {
    scanner: "checkov",
    id: "CKV2_AZURE_31",
    title: "VNET subnet is configured with a Network Security Group",
    why: "an NSG on the NIC segments as well; a missing NSG opens nothing the rules would show",
  },
  // checkov: PaaS firewalls
  {
    scanner: "checkov",
    id: "CKV_AZURE_11",
    title: "no SQL databases allow ingress from 0.0.0.0/0",
    rules: ["network-no-paas-open-to-internet"],
  },
  {
    scanner: "checkov",
    id: "CKV_AZURE_35",
    title: "default network access rule for Storage Accounts is set to deny",
    rules: ["network-no-paas-open-to-internet"],
  },
  {
    scanner: "checkov",
    id: "CKV_AZURE_99",
    title: "Cosmos DB accounts have restricted access",
    rules: ["network-no-paas-open-to-internet"],
  },
  {
    scanner: "checkov",
    id: "CKV_AZURE_109",
    title: "key vault allows firewall rules settings",
    rules: ["network-no-paas-open-to-internet"],
  },
  // checkov: IAM
  {
    scanner: "checkov",
    id: "CKV_AWS_1",
    title: 'IAM policies that allow full "*-*" administrative privileges are not created',
    rules: ["privilege-no-wildcard-admin-for-people", "privilege-no-admin-role-without-mfa"],
    why: "an admin policy attached to nobody grants nothing; attached to people, or to roles people assume without MFA, it is blocked",
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_62",
    title: 'IAM policies that allow full "*-*" administrative privileges are not created',
    rules: ["privilege-no-wildcard-admin-for-people", "privilege-no-admin-role-without-mfa"],
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_63",
    title: 'no IAM policy documents allow "*" as a statement\'s actions',
    rules: ["privilege-no-wildcard-admin-for-people"],
    why: '"*" on one resource is that resource\'s owner, not admin: only "*" on every resource is judged',
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_355",
    title: 'no IAM policy documents allow "*" as a statement\'s resource for restrictable actions',
    why: "least privilege within a service is the application's design; escalation paths on every resource are judged",
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_274",
    title: "IAM roles, users and groups do not use the AWS AdministratorAccess policy",
    rules: ["privilege-no-wildcard-admin-for-people", "privilege-no-admin-role-without-mfa"],
  },
  {
    scanner: "checkov",
    id: "CKV2_AWS_40",
    title: "AWS IAM policy does not allow full IAM privileges",
    rules: ["privilege-no-wildcard-admin-for-people", "privilege-no-admin-role-without-mfa"],
  },
  {
    scanner: "checkov",
    id: "CKV2_AWS_56",
    title: "AWS managed IAMFullAccess policy is not used",
    rules: ["privilege-no-wildcard-admin-for-people", "privilege-no-admin-role-without-mfa"],
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_286",
    title: "IAM policies do not allow privilege escalation",
    rules: ["privilege-no-wildcard-admin-for-people", "privilege-no-admin-role-without-mfa"],
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_110",
    title: "IAM policies do not allow privilege escalation (policy documents)",
    rules: ["privilege-no-wildcard-admin-for-people", "privilege-no-admin-role-without-mfa"],
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_287",
    title: "IAM policies do not allow credentials exposure",
    rules: ["privilege-no-wildcard-admin-for-people"],
    why: "minting access keys and login profiles is judged as escalation; reading secrets is the application's design",
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_288",
    title: "IAM policies do not allow data exfiltration",
    why: "reading data is the application's design, not a widening of control",
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_289",
    title: "IAM policies do not allow permissions management / resource exposure without constraints",
    rules: ["privilege-no-wildcard-admin-for-people"],
    why: "the IAM part (policy rewrites and attachments) is judged; other services' resource policies are judged where written",
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_290",
    title: "IAM policies do not allow write access without constraints",
    why: "least privilege within a service is the application's design",
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_40",
    title: "IAM policies are attached only to groups or roles",
    rules: ["privilege-no-wildcard-admin-for-people"],
    why: "a limited policy on a user grants nothing beyond itself; admin on a user is blocked",
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_273",
    title: "access is controlled through SSO and not AWS IAM defined users",
    why: "IAM users are allowed; what they hold is judged",
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_60",
    title: "IAM role allows only specific services or principals to assume it",
    rules: ["privilege-no-open-role-trust"],
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_61",
    title: "AWS IAM policy does not allow assume role permission across all services",
    rules: ["privilege-no-open-role-trust"],
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_358",
    title: "GitHub Actions OIDC trust policies have a sub condition (policy documents)",
    rules: ["privilege-no-open-role-trust"],
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_393",
    title: "GitHub Actions OIDC trust policies have a sub condition (roles)",
    rules: ["privilege-no-open-role-trust"],
  },
  // checkov: resource policies
  {
    scanner: "checkov",
    id: "CKV_AWS_70",
    title: "S3 bucket does not allow an action with any principal",
    rules: ["privilege-no-public-resource-policy"],
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_168",
    title: "SQS queue policy is not public",
    rules: ["privilege-no-public-resource-policy"],
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_169",
    title: "SNS topic policy is not public",
    rules: ["privilege-no-public-resource-policy"],
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_32",
    title: "ECR policy is not set to public",
    rules: ["privilege-no-public-resource-policy"],
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_33",
    title: "KMS key policy does not contain wildcard (*) principal",
    rules: ["privilege-no-public-resource-policy"],
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_301",
    title: "AWS Lambda function is not publicly accessible",
    rules: ["privilege-no-public-resource-policy"],
  },
  { scanner: "checkov", id: "CKV_AWS_167", title: "Glacier vault access policy is not public", why: NOT_READ },
  {
    scanner: "checkov",
    id: "CKV_AWS_72",
    title: "SQS policy does not allow ALL (*) actions",
    why: "all actions for named principals is theirs to have; for everyone it is blocked (CKV_AWS_168)",
  },
  {
    scanner: "checkov",
    id: "CKV_AWS_53",
    title: "S3 bucket has block public ACLs enabled",
    why: "bucket ACLs and public access blocks are not read: S3 disables ACLs by default, and public policies are judged",
  },
  // checkov: Azure RBAC
  {
    scanner: "checkov",
    id: "CKV_AZURE_39",
    title: "no custom subscription owner roles are created",
    rules: ["privilege-no-broad-azure-roles"],
    why: "judged where assigned at broad scope: a definition alone grants nothing",
  },

  // trivy
  {
    scanner: "trivy",
    id: "AVD-AWS-0107",
    title: "security groups should not allow unrestricted ingress to SSH or RDP from any IP address",
    rules: ["network-no-admin-ports-from-internet"],
  },
  {
    scanner: "trivy",
    id: "AVD-AWS-0104",
    title: "a security group rule should not allow unrestricted egress to any IP address",
    rules: ["network-restricted-egress"],
  },
  {
    scanner: "trivy",
    id: "AVD-AWS-0173",
    title: "default security group should restrict all traffic",
    rules: ["network-no-internet-ingress-beyond-edge", "network-no-any-port-rules"],
    why: "the default group is judged like any other",
  },
  { scanner: "trivy", id: "AVD-AWS-0099", title: "missing description for security group", why: HYGIENE },
  { scanner: "trivy", id: "AVD-AWS-0124", title: "missing description for security group rule", why: HYGIENE },
  {
    scanner: "trivy",
    id: "AVD-AWS-0102",
    title: "a network ACL rule allows ALL ports",
    rules: ["network-acl-no-admin-ports-from-internet"],
  },
  {
    scanner: "trivy",
    id: "AVD-AWS-0105",
    title: "network ACLs should not allow unrestricted ingress to SSH or RDP",
    rules: ["network-acl-no-admin-ports-from-internet"],
  },
  {
    scanner: "trivy",
    id: "AVD-AWS-0164",
    title: "instances in a subnet should not receive a public IP address by default",
    why: PUBLIC_IP,
  },
  {
    scanner: "trivy",
    id: "AVD-AWS-0057",
    title: "IAM policy should avoid use of wildcards",
    rules: ["privilege-no-wildcard-admin-for-people"],
    why: 'only wildcards that amount to admin ("*", "iam:*", escalation paths on every resource) are judged',
  },
  {
    scanner: "trivy",
    id: "AVD-AWS-0342",
    title: "IAM Pass Role filtering",
    rules: ["privilege-no-wildcard-admin-for-people", "privilege-no-admin-role-without-mfa"],
    why: "iam:PassRole on every role is judged with a way to launch code",
  },
  {
    scanner: "trivy",
    id: "AVD-AWS-0143",
    title: "IAM policies should not be granted directly to users",
    rules: ["privilege-no-wildcard-admin-for-people"],
    why: "a limited policy on a user grants nothing beyond itself; admin on a user is blocked",
  },
  {
    scanner: "trivy",
    id: "AVD-AWS-0032",
    title: "ECR repository policy must block public access",
    rules: ["privilege-no-public-resource-policy"],
  },
  {
    scanner: "trivy",
    id: "AVD-AWS-0097",
    title: "AWS SQS policy document has wildcard action statement",
    why: "all actions for named principals is theirs to have; for everyone it is blocked",
  },
  {
    scanner: "trivy",
    id: "AVD-AZU-0047",
    title: "a security group rule should not allow unrestricted ingress from any IP address",
    rules: ["network-no-internet-ingress-beyond-edge"],
  },
  {
    scanner: "trivy",
    id: "AVD-AZU-0048",
    title: "a security group should not allow unrestricted ingress to the RDP port",
    rules: ["network-no-admin-ports-from-internet"],
  },
  {
    scanner: "trivy",
    id: "AVD-AZU-0050",
    title: "security group should not allow unrestricted ingress to the SSH port",
    rules: ["network-no-admin-ports-from-internet"],
  },
  {
    scanner: "trivy",
    id: "AVD-AZU-0051",
    title: "a security rule should not allow unrestricted egress to any IP address",
    rules: ["network-restricted-egress"],
  },
  { scanner: "trivy", id: "AVD-AZU-0076", title: "network interfaces with public IP", why: PUBLIC_IP },
  {
    scanner: "trivy",
    id: "AVD-AZU-0029",
    title: "database firewalls do not permit public access",
    rules: ["network-no-paas-open-to-internet"],
  },
  {
    scanner: "trivy",
    id: "AVD-AZU-0012",
    title: "the default action on Storage account network rules should be deny",
    rules: ["network-no-paas-open-to-internet"],
  },
  {
    scanner: "trivy",
    id: "AVD-AZU-0013",
    title: "Key vault should have the network ACL block specified",
    rules: ["network-no-paas-open-to-internet"],
  },
  {
    scanner: "trivy",
    id: "AVD-AZU-0030",
    title: "roles limited to the required actions",
    rules: ["privilege-no-broad-azure-roles"],
    why: "a custom role with * or Microsoft.Authorization/* is Owner-like where assigned broadly; narrower wildcards are the role's design",
  },
  {
    scanner: "trivy",
    id: "AVD-AZU-0052",
    title: "role definition allows custom role creation",
    why: "defining roles grants nothing without roleAssignments/write, which is judged",
  },

  // Prowler
  {
    scanner: "Prowler",
    id: "ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22",
    title: "security group allows SSH from the internet",
    rules: ["network-no-admin-ports-from-internet"],
  },
  {
    scanner: "Prowler",
    id: "ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_3389",
    title: "security group allows RDP from the internet",
    rules: ["network-no-admin-ports-from-internet"],
  },
  {
    scanner: "Prowler",
    id: "ec2_instance_port_ssh_exposed_to_internet",
    title: "instance exposes SSH to the internet",
    rules: ["network-no-admin-ports-from-internet"],
  },
  {
    scanner: "Prowler",
    id: "ec2_instance_port_rdp_exposed_to_internet",
    title: "instance exposes RDP to the internet",
    rules: ["network-no-admin-ports-from-internet"],
  },
  {
    scanner: "Prowler",
    id: "ec2_securitygroup_allow_ingress_from_internet_to_all_ports",
    title: "security group allows all ports from the internet",
    rules: ["network-no-any-port-rules", "network-no-internet-ingress-beyond-edge"],
  },
  {
    scanner: "Prowler",
    id: "ec2_securitygroup_allow_ingress_from_internet_to_any_port",
    title: "security group allows any port from the internet",
    rules: ["network-no-internet-ingress-beyond-edge"],
  },
  {
    scanner: "Prowler",
    id: "ec2_securitygroup_allow_ingress_from_internet_to_high_risk_tcp_ports",
    title: "security group allows high-risk TCP ports from the internet",
    rules: ["network-no-internet-ingress-beyond-edge"],
  },
  {
    scanner: "Prowler",
    id: "ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_mysql_3306",
    title: "security group allows MySQL from the internet (and the other database-port checks)",
    rules: ["network-no-internet-ingress-beyond-edge"],
  },
  {
    scanner: "Prowler",
    id: "ec2_securitygroup_allow_wide_open_public_ipv4",
    title: "security group allows a wide-open public IPv4 range",
    rules: ["network-no-internet-ingress-beyond-edge"],
  },
  {
    scanner: "Prowler",
    id: "ec2_securitygroup_default_restrict_traffic",
    title: "default security group restricts all traffic",
    rules: ["network-no-internet-ingress-beyond-edge", "network-no-any-port-rules"],
    why: "the default group is judged like any other",
  },
  {
    scanner: "Prowler",
    id: "ec2_securitygroup_not_used",
    title: "security group is not used",
    why: "an unused group admits nothing",
  },
  {
    scanner: "Prowler",
    id: "ec2_securitygroup_with_many_ingress_egress_rules",
    title: "security group has many rules",
    why: HYGIENE,
  },
  {
    scanner: "Prowler",
    id: "ec2_networkacl_allow_ingress_tcp_port_22",
    title: "network ACL allows SSH from the internet",
    rules: ["network-acl-no-admin-ports-from-internet"],
  },
  {
    scanner: "Prowler",
    id: "ec2_networkacl_allow_ingress_tcp_port_3389",
    title: "network ACL allows RDP from the internet",
    rules: ["network-acl-no-admin-ports-from-internet"],
  },
  {
    scanner: "Prowler",
    id: "ec2_networkacl_allow_ingress_any_port",
    title: "network ACL allows any port from the internet",
    rules: ["network-acl-no-admin-ports-from-internet"],
  },
  { scanner: "Prowler", id: "ec2_instance_public_ip", title: "instance has a public IP", why: PUBLIC_IP },
  {
    scanner: "Prowler",
    id: "network_ssh_internet_access_restricted",
    title: "NSG restricts SSH from the internet",
    rules: ["network-no-admin-ports-from-internet"],
  },
  {
    scanner: "Prowler",
    id: "network_rdp_internet_access_restricted",
    title: "NSG restricts RDP from the internet",
    rules: ["network-no-admin-ports-from-internet"],
  },
  {
    scanner: "Prowler",
    id: "network_udp_internet_access_restricted",
    title: "NSG restricts UDP from the internet",
    rules: ["network-no-internet-ingress-beyond-edge"],
  },
  {
    scanner: "Prowler",
    id: "network_http_internet_access_restricted",
    title: "NSG restricts HTTP from the internet",
    rules: ["network-no-internet-ingress-beyond-edge"],
    why: "HTTP is allowed at the edge tier when declared a web port",
  },
  {
    scanner: "Prowler",
    id: "network_subnet_nsg_associated",
    title: "subnet has an NSG associated",
    why: "an NSG on the NIC segments as well; a missing NSG opens nothing the rules would show",
  },
  {
    scanner: "Prowler",
    id: "iam_policy_allows_privilege_escalation",
    title: "customer managed policy allows privilege escalation",
    rules: ["privilege-no-wildcard-admin-for-people", "privilege-no-admin-role-without-mfa"],
  },
  {
    scanner: "Prowler",
    id: "iam_inline_policy_allows_privilege_escalation",
    title: "inline policy allows privilege escalation",
    rules: ["privilege-no-wildcard-admin-for-people", "privilege-no-admin-role-without-mfa"],
  },
  {
    scanner: "Prowler",
    id: "iam_aws_attached_policy_no_administrative_privileges",
    title: "attached AWS managed policy has no administrative privileges",
    rules: ["privilege-no-wildcard-admin-for-people", "privilege-no-admin-role-without-mfa"],
  },
  {
    scanner: "Prowler",
    id: "iam_customer_attached_policy_no_administrative_privileges",
    title: "attached customer policy has no administrative privileges",
    rules: ["privilege-no-wildcard-admin-for-people", "privilege-no-admin-role-without-mfa"],
  },
  {
    scanner: "Prowler",
    id: "iam_inline_policy_no_administrative_privileges",
    title: "inline policy has no administrative privileges",
    rules: ["privilege-no-wildcard-admin-for-people", "privilege-no-admin-role-without-mfa"],
  },
  {
    scanner: "Prowler",
    id: "iam_customer_unattached_policy_no_administrative_privileges",
    title: "unattached customer policy has no administrative privileges",
    why: "a policy attached to nobody grants nothing; it is judged where attached",
  },
  {
    scanner: "Prowler",
    id: "iam_user_administrator_access_policy",
    title: "user has AdministratorAccess",
    rules: ["privilege-no-wildcard-admin-for-people"],
  },
  {
    scanner: "Prowler",
    id: "iam_group_administrator_access_policy",
    title: "group has AdministratorAccess",
    rules: ["privilege-no-wildcard-admin-for-people"],
  },
  {
    scanner: "Prowler",
    id: "iam_role_administratoraccess_policy",
    title: "role has AdministratorAccess",
    rules: ["privilege-no-admin-role-without-mfa"],
    why: "admin roles for people need MFA; for CI it is advice; for services it is the service's design",
  },
  {
    scanner: "Prowler",
    id: "iam_administrator_access_with_mfa",
    title: "administrator access requires MFA",
    rules: ["privilege-no-admin-role-without-mfa", "privilege-no-wildcard-admin-for-people"],
  },
  {
    scanner: "Prowler",
    id: "iam_no_custom_policy_permissive_role_assumption",
    title: "no custom policy allows sts:AssumeRole on *",
    rules: ["privilege-no-wildcard-admin-for-people", "privilege-no-admin-role-without-mfa"],
  },
  {
    scanner: "Prowler",
    id: "iam_role_cross_service_confused_deputy_prevention",
    title: "service trust has a confused-deputy condition",
    why: "not judged yet: a service principal's trust without aws:SourceAccount is read but not advised on",
  },
  {
    scanner: "Prowler",
    id: "iam_role_cross_account_readonlyaccess_policy",
    title: "cross-account role has ReadOnlyAccess",
    why: "read-only access widens no control",
  },
  {
    scanner: "Prowler",
    id: "iam_policy_attached_only_to_group_or_roles",
    title: "policies are attached only to groups or roles",
    rules: ["privilege-no-wildcard-admin-for-people"],
    why: "a limited policy on a user grants nothing beyond itself; admin on a user is blocked",
  },
  {
    scanner: "Prowler",
    id: "s3_bucket_policy_public_write_access",
    title: "bucket policy allows public write",
    rules: ["privilege-no-public-resource-policy"],
  },
  {
    scanner: "Prowler",
    id: "s3_bucket_public_access",
    title: "bucket is public",
    rules: ["privilege-no-public-resource-policy"],
    why: "public reads (a website) are advice",
  },
  {
    scanner: "Prowler",
    id: "sqs_queues_not_publicly_accessible",
    title: "SQS queue is not public",
    rules: ["privilege-no-public-resource-policy"],
  },
  {
    scanner: "Prowler",
    id: "sns_topics_not_publicly_accessible",
    title: "SNS topic is not public",
    rules: ["privilege-no-public-resource-policy"],
  },
  {
    scanner: "Prowler",
    id: "kms_key_not_publicly_accessible",
    title: "KMS key is not public",
    rules: ["privilege-no-public-resource-policy"],
  },
  {
    scanner: "Prowler",
    id: "secretsmanager_not_publicly_accessible",
    title: "secret is not public",
    rules: ["privilege-no-public-resource-policy"],
  },
  {
    scanner: "Prowler",
    id: "ecr_repositories_not_publicly_accessible",
    title: "ECR repository is not public",
    rules: ["privilege-no-public-resource-policy"],
    why: "public image pulls are advice",
  },
  {
    scanner: "Prowler",
    id: "awslambda_function_not_publicly_accessible",
    title: "Lambda function is not public",
    rules: ["privilege-no-public-resource-policy"],
  },
  {
    scanner: "Prowler",
    id: "awslambda_function_url_public",
    title: "Lambda function URL is public",
    rules: ["privilege-no-public-resource-policy"],
    why: "an unauthenticated function URL is advice, as a website is",
  },
  {
    scanner: "Prowler",
    id: "iam_subscription_roles_owner_custom_not_created",
    title: "no custom owner roles exist",
    rules: ["privilege-no-broad-azure-roles"],
    why: "judged where assigned at broad scope",
  },
  {
    scanner: "Prowler",
    id: "iam_role_user_access_admin_restricted",
    title: "User Access Administrator is restricted",
    rules: ["privilege-no-broad-azure-roles"],
  },
  {
    scanner: "Prowler",
    id: "entra_global_admin_in_less_than_five_users",
    title: "fewer than five Global Administrators",
    rules: ["privilege-no-permanent-global-admin"],
    why: "standing Global Administrators beyond break-glass are blocked; the tenant's count is not in a stack",
  },
  {
    scanner: "Prowler",
    id: "entra_trusted_named_locations_exists",
    title: "trusted named locations exist",
    rules: ["posture-within-lock"],
    why: "a new trusted location is a widening the lock catches",
  },

  // cdk-nag
  {
    scanner: "cdk-nag",
    id: "AwsSolutions-EC23",
    title: "the security group allows 0.0.0.0/0 or ::/0 inbound access",
    rules: ["network-no-internet-ingress-beyond-edge"],
    why: "the edge tier takes the internet on its web ports",
  },
  {
    scanner: "cdk-nag",
    id: "AwsSolutions-EC27",
    title: "the security group does not have a description",
    why: HYGIENE,
  },
  {
    scanner: "cdk-nag",
    id: "EC2RestrictedSSH",
    title: "security groups do not allow SSH from 0.0.0.0/0",
    rules: ["network-no-admin-ports-from-internet"],
  },
  {
    scanner: "cdk-nag",
    id: "EC2RestrictedCommonPorts",
    title: "security groups do not allow common ports from 0.0.0.0/0",
    rules: ["network-no-internet-ingress-beyond-edge", "network-no-admin-ports-from-internet"],
  },
  { scanner: "cdk-nag", id: "EC2InstanceNoPublicIp", title: "instances do not have a public IP", why: PUBLIC_IP },
  {
    scanner: "cdk-nag",
    id: "VPCDefaultSecurityGroupClosed",
    title: "the default security group is closed",
    rules: ["network-no-internet-ingress-beyond-edge", "network-no-any-port-rules"],
    why: "the default group is judged like any other",
  },
  {
    scanner: "cdk-nag",
    id: "AwsSolutions-VPC3",
    title: "a network ACL or entry has been implemented",
    why: "network ACLs are allowed; what they let in is judged",
  },
  {
    scanner: "cdk-nag",
    id: "AwsSolutions-IAM4",
    title: "the IAM user, role or group uses AWS managed policies",
    rules: ["privilege-no-wildcard-admin-for-people", "privilege-no-admin-role-without-mfa"],
    why: "managed policies are allowed; the admin-equivalent ones are judged",
  },
  {
    scanner: "cdk-nag",
    id: "AwsSolutions-IAM5",
    title: "the IAM entity contains wildcard permissions",
    rules: ["privilege-no-wildcard-admin-for-people"],
    why: "only wildcards that amount to admin are judged",
  },
  {
    scanner: "cdk-nag",
    id: "IAMPolicyNoStatementsWithAdminAccess",
    title: "IAM policies do not grant admin access",
    rules: ["privilege-no-wildcard-admin-for-people", "privilege-no-admin-role-without-mfa"],
  },
  {
    scanner: "cdk-nag",
    id: "IAMPolicyNoStatementsWithFullAccess",
    title: "IAM policies do not grant full access to a service",
    why: "full access to one service is not admin; IAM and escalation paths are judged",
  },
  { scanner: "cdk-nag", id: "IAMNoInlinePolicy", title: "no inline IAM policies", why: HYGIENE },
  {
    scanner: "cdk-nag",
    id: "IAMUserNoPolicies",
    title: "IAM users have no policies",
    rules: ["privilege-no-wildcard-admin-for-people"],
    why: "a limited policy on a user grants nothing beyond itself",
  },
  {
    scanner: "cdk-nag",
    id: "AwsSolutions-ECR1",
    title: "the ECR repository allows open access",
    rules: ["privilege-no-public-resource-policy"],
  },
  {
    scanner: "cdk-nag",
    id: "LambdaFunctionPublicAccessProhibited",
    title: "Lambda functions are not public",
    rules: ["privilege-no-public-resource-policy"],
  },
  {
    scanner: "cdk-nag",
    id: "S3BucketPublicWriteProhibited",
    title: "S3 buckets do not allow public write",
    rules: ["privilege-no-public-resource-policy"],
  },
  {
    scanner: "cdk-nag",
    id: "AwsSolutions-S5",
    title: "the static website bucket has an open world bucket policy",
    rules: ["privilege-no-public-resource-policy"],
    why: "public reads are advice",
  },
];

/** How a check is named in references and pack tags: `CKV_AWS_24`, `trivy AVD-AWS-0107`, `Prowler <id>`. */
export const checkLabel = (c: ScannerCheck): string => (c.scanner === "checkov" ? c.id : `${c.scanner} ${c.id}`);

/** The checks a policy judges, as its references name them. */
export const checksJudgedBy = (policy: string): string[] =>
  SCANNER_CHECKS.filter((c) => c.rules?.includes(policy as PolicyId)).map(checkLabel);
