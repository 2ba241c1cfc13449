/**
 * What can widen, as property names and declared types of the providers' inputs: the rules by which
 * scripts/inventory.ts lists every resource type that carries a network source or destination, a
 * principal or policy, a role, a membership or an access setting (catalog/inventory/types.json).
 * Each rule says why it is there; look-alikes it leaves out are in `unless`, and what no rule matches
 * on purpose is at the end of this file, with why.
 *
 * A rule matches one property of an input type (a resource's `*Args`, or a nested type of the
 * provider's `types/input.d.ts`) on:
 * - `name`: the property's own name (not its path);
 * - `types`: the kinds of value its declared type admits;
 * - `refs`: the input types or enumerations its declared type names (`ns.Name`, `Name` in providers
 *   without namespaces);
 * - `members`: a member of the input type it names (a route list is a list of things with a
 *   destination range);
 * - `within`: the type that declares it: `ns.Name` for a nested type, `<module>.<Class>Args` for a
 *   resource's own arguments (`ec2.SecurityGroupArgs`, `network.NetworkSecurityGroupArgs`,
 *   `index.ZeroTrustAccessPolicyArgs`); `outside`: declaring types where the name means something else.
 */

/** The classes of value that can widen a path or a right. */
export const WIDENING_CLASSES = [
  "network-peer",
  "security-group",
  "subnet",
  "public-access",
  "route",
  "principal-policy",
  "role",
  "membership",
  "access-session",
] as const;
export type WideningClass = (typeof WIDENING_CLASSES)[number];

/** A kind of value a property's declared type admits. */
export type DeclaredKind = "string" | "boolean" | "number" | "object" | "map";

export interface MatchRule {
  readonly class: WideningClass;
  readonly name?: RegExp;
  /** Names the rule leaves out: look-alikes that carry no such value. */
  readonly unless?: RegExp;
  /** The declared type admits one of these kinds (any kind when absent). */
  readonly types?: readonly DeclaredKind[];
  readonly refs?: RegExp;
  readonly members?: RegExp;
  readonly within?: RegExp;
  /** Declaring types the rule leaves out: the same name meaning something else there. */
  readonly outside?: RegExp;
  readonly why: string;
}

const TEXT: readonly DeclaredKind[] = ["string"];
const TEXT_OR_OBJECT: readonly DeclaredKind[] = ["string", "object"];
const FLAG: readonly DeclaredKind[] = ["boolean", "string"];

export const MATCH_RULES: readonly MatchRule[] = [
  // ── network-peer: ranges, prefix lists, service tags, firewall rules, allow lists ─────────────
  {
    class: "network-peer",
    name: /(^c|C)idr(s|Block|Blocks|Ip|Ipv4|Ipv6|List|Range)?($|[A-Z])/,
    unless: /Name$|CollectionId$|Subdomain$|NetworkBorderGroup$|SelectionType$|RoutingConfig$/,
    types: TEXT,
    why: "A CIDR is a range of addresses: as a source or destination it admits every address in it; as a network's own space it is what rules that name the network admit.",
  },
  {
    class: "network-peer",
    name: /(^a|A)ddressPrefix(es)?$|(^i|I)[pP](v4|v6)?Prefix(es|Values)?$|(^a|A)ddressSpace$|(^r|R)outeFilterPrefixes$/,
    types: TEXT_OR_OBJECT,
    why: "Address prefixes, IP prefixes and address spaces are ranges (or, in Azure, service tags).",
  },
  {
    class: "network-peer",
    name: /(^i|I)[pP](v4|v6)?(Address)?Ranges?$|(^a|A)ddressRanges?$|(^i|I)[pP]AddressOrRange$|(^t|T)rustedRanges$|(^i|I)[pP]Mask$/,
    types: TEXT_OR_OBJECT,
    why: "IP ranges (and an IP with its mask): who may connect to a service, or where traffic goes.",
  },
  {
    class: "network-peer",
    name: /(^i|I)[pP](Filter|Access)?Rules?$|(^i|I)[pP]Filters?$|(^i|I)[pP](Allow|Deny|White|Black)[lL]ists?$|(^i|I)[pP](Security)?Restrictions?$|(^c|C)idrAllowLists$/,
    why: "IP rules, IP filters and IP restrictions are a service's own firewall: the addresses it admits.",
  },
  {
    class: "network-peer",
    name: /(^f|F)irewallRules?$|(^v|V)irtualNetworkRules$|(^n|N)etworkRuleSets?$|(^n|N)etworkRules$|(^n|N)etworkAcls$/,
    types: ["object"],
    why: "A service's firewall or network rule set, declared inline: the addresses and networks it admits.",
  },
  {
    class: "network-peer",
    name: /^(start|end)(Ip|IP)(v4|v6)?(Address)?$|^(start|end)IPv6Address$|^(start|end)Address$/,
    types: TEXT,
    why: "A firewall rule's start and end addresses bound the range it admits (Azure SQL, PostgreSQL, MySQL, Redis, Synapse...).",
  },
  {
    class: "network-peer",
    name: /(^a|A)llowed(Source)?(Ips|IPs|IpAddresses|IPAddresses|Addresses|Networks|CallerIpAddresses)$|(^a|A)uthorized(Ip|IP)Ranges$|^clientLists$/,
    types: TEXT_OR_OBJECT,
    why: "An allow list of addresses: who may connect (NFS client lists included).",
  },
  {
    class: "network-peer",
    name: /^prefixLists?(Id|Ids|Arn|Arns)?$|^(source|destination)PrefixLists?(Id|Ids)?$/,
    types: TEXT,
    why: "A managed prefix list stands for the ranges it holds: as a source or destination it admits all of them.",
  },
  {
    class: "network-peer",
    name: /(^s|S)erviceTags?$/,
    types: TEXT,
    why: "A service tag stands for a provider's published ranges, some of them any customer's cloud address.",
  },
  {
    class: "network-peer",
    name: /^(source|destination|remote|peer)(Ip)?(Address|Addresses|Ips|IPs|IpAddress|IPAddress|IpAddresses|IPAddresses)$|^peerIp$/,
    // An email binding's destination address is a mailbox.
    outside: /Binding/,
    types: TEXT_OR_OBJECT,
    why: "A rule's source or destination addresses (Azure Firewall rules, VPN and BGP peers, flow selectors).",
  },
  {
    class: "network-peer",
    name: /^(ip|ips|ipAddresses)$/,
    within:
      /(Include|Exclude|Require)\w*$|(^|\.)(ListItem|List|ListItems?|AddressMap|TeamsProxyEndpoint|ZeroTrustGatewayProxyEndpoint|IpGroup)(Args)?$|Items?$/,
    types: TEXT_OR_OBJECT,
    why: "An address an access policy, a list or an IP group admits (Cloudflare Access `ip` includes, account lists, proxy endpoints' sources, Azure IP groups).",
  },
  {
    class: "network-peer",
    name: /(^s|S)ource(Ip|IP)?Groups?$|(^d|D)estination(Ip|IP)Groups?$|^ipGroups?(Ids)?$/,
    types: TEXT,
    why: "An IP group stands for the ranges it holds, as a firewall rule's source or destination.",
  },
  {
    class: "network-peer",
    name: /^(bypass|defaultAction)$/,
    within: /NetworkRuleSet|NetworkAcls?|NetworkRules|FirewallRule|IpRules|AccountNetworkRules|NetworkAcl(s)?Args/,
    why: "A service firewall's default action (Allow lets every address in) and bypass (trusted services pass the rules).",
  },
  {
    class: "network-peer",
    name: /^(stateless|statelessFragment|stateful)DefaultActions$/,
    why: "A network firewall policy's default action: pass lets through what no rule names.",
  },
  {
    class: "network-peer",
    name: /^privateLinkServiceConnectionState$/,
    why: "Approving a private endpoint connection admits the endpoint's network (possibly another tenant's) into the service.",
  },
  {
    class: "network-peer",
    name: /^(configuration|mode)$/,
    within: /^index\.AccessRuleArgs$/,
    why: "A Cloudflare IP access rule: an address, range, ASN or country and whether it is allowed.",
  },
  {
    class: "network-peer",
    name: /^(traffic)$/,
    within: /^index\.(ZeroTrustGatewayPolicy|TeamsRule)Args$/,
    why: "A Gateway network policy's traffic expression: which destinations (private ranges behind tunnels) WARP users may reach.",
  },
  {
    class: "network-peer",
    name: /^source$/,
    within: /IpGroupRule|TrustAnchorSource\b|^workspaces\./,
    types: TEXT,
    why: "A WorkSpaces IP group rule's source range.",
  },
  {
    class: "network-peer",
    name: /^ipAccessSettingsArn$/,
    why: "IP access settings (an allow list) associated with a portal.",
  },
  {
    class: "network-peer",
    name: /^network$/,
    within: /^index\.ZeroTrustDeviceSubnetArgs$/,
    why: "The range WARP devices are addressed from, which private routes and policies admit.",
  },

  // ── security-group: groups a workload or a rule's peer is in ────────────────────────────────
  {
    class: "security-group",
    name: /(^s|S)ecurityGroups?(Id|Ids|Arn|Arns|Name|Names|Memberships|sIds)?$/,
    types: ["string", "boolean", "object"],
    why: "The security groups (or NSGs, ASGs) a workload or a rule's peer is in: which tier's rules apply to it.",
  },
  {
    class: "security-group",
    name: /(^n|N)sg(Id|Ids|s)?$/,
    types: TEXT_OR_OBJECT,
    why: "An NSG by its short name.",
  },
  {
    class: "security-group",
    name: /^(networkGroupId|appliesToGroups)$/,
    why: "An Azure Virtual Network Manager network group: the virtual networks its admin rules (which can always-allow past NSGs) apply to.",
  },
  {
    class: "security-group",
    name: /^resourceId$/,
    within: /^network\.StaticMemberArgs$/,
    why: "A virtual network put in a Virtual Network Manager network group, under that group's admin rules.",
  },

  // ── subnet: where a workload, an endpoint, an NSG or an ACL is placed ───────────────────────
  {
    class: "subnet",
    name: /(^s|S)ubnets?(Id|Ids|ID|IDs|Arn|Arns|ResourceId|Mappings?|Names?|Group|GroupName|Groups|Configuration|Configurations)?$/,
    unless: /^subnetName$/,
    types: TEXT_OR_OBJECT,
    why: "The subnets a workload, an endpoint or a gateway is placed on: its network neighbours and the NSG or ACL that guards it.",
  },
  {
    class: "subnet",
    name: /(^v|V)(irtual)?[nN]et(work)?Subnet(Id|ID|ResourceId)?$|(^d|D)elegatedSubnet(Id|ResourceId)?$|(^i|I)nfrastructureSubnetId$|(^p|P)odSubnetI[dD]$|(^v|V)netSubnetI[dD]$|^vpcZoneIdentifiers?$/,
    types: TEXT,
    why: "A subnet by another spelling (Azure services injected into a VNet, an autoscaling group's VPC zone identifiers).",
  },
  {
    class: "subnet",
    name: /^(networkInterfaceId|instanceId)$/,
    within: /NetworkInterfaceAttachmentArgs$/,
    why: "Attaching a network interface puts the host on the interface's subnet, in its security groups.",
  },

  // ── public-access: public endpoints, public addresses, anonymous access ─────────────────────
  {
    class: "public-access",
    name: /[pP]ublic(Network)?(Access|Accessible|Endpoint|Endpoints|IpAccess|Connectivity)(Enabled|For\w+)?$|[pP]ubliclyAccessible$|[pP]ublicNetworkAccess\w*$/,
    types: FLAG,
    why: "Whether the service answers on a public endpoint at all.",
  },
  {
    class: "public-access",
    name: /(^a|A)ssign(Public)?(Ip|IP)$|(^a|A)ssociatePublicIp(Address)?$|(^m|M)apPublicIpOnLaunch$|(^e|E)nable(Node)?PublicI[pP]$|(^e|E)nableNoPublicIp$|(^a|A)llowPublicIp$/,
    types: FLAG,
    why: "A public address on a host, a node or a task: reachable from the internet as far as its groups allow.",
  },
  {
    class: "public-access",
    name: /[pP]ublicI[pP](v4|v6)?(Address|Addresses|s|Prefix|Prefixes|PrefixId|AddressId|Id|AddressResourceId|AddressConfiguration|Configuration)?$/,
    types: TEXT_OR_OBJECT,
    why: "A public IP address (or prefix) attached to a gateway, a load balancer, a host or a firewall.",
  },
  {
    class: "public-access",
    name: /(^b|B)lockPublic(Acls|Policy|SecurityGroupRules)$|(^i|I)gnorePublicAcls$|(^r|R)estrictPublicBuckets$|(^a|A)llowBlobPublicAccess$|(^a|A)llowPublicAccessWhenBehindVnet$|(^d|D)isallowPublicIpAddress$|^objectOwnership$/,
    types: FLAG,
    why: "Public-access blocks and ACL ownership: turned off, a bucket, a container or an ACL may be made public.",
  },
  {
    class: "public-access",
    name: /^(state|internetGatewayBlockMode)$/,
    within: /BlockPublicAccess\w*Args$/,
    why: "An account-wide block on public snapshots, images or internet gateways.",
  },
  {
    class: "public-access",
    name: /(^a|A)nonymous\w*(Access|Enabled|Allowed|Pull\w*)$|^allowAnonymous\w*$|(^a|A)llowUnauthenticated\w*$|^unauthenticatedClientAction$|^requireAuthentication$/,
    types: FLAG,
    why: "Anonymous or unauthenticated access: anyone, with no identity at all.",
  },
  {
    class: "public-access",
    name: /^(acl|cannedAcl|publicAccess|publicAccessType|networkAccessPolicy)$/,
    types: TEXT,
    why: "A canned ACL, a container's access level or a disk's network access policy can be public (anyone with the URL).",
  },
  {
    class: "public-access",
    name: /^(endpointPublicAccess|endpointPrivateAccess|publicAccessCidrs|apiServerAccessProfile|enablePrivateCluster)$/,
    why: "A managed cluster's API endpoint: public or private, and who may reach it.",
  },
  {
    class: "public-access",
    name: /^(accessMode|accessModeSettings|queryAccessMode|ingestionAccessMode)$/,
    within: /NetworkSecurityPerimeter|Nsp|PrivateLinkScope|AccessModeSettings/,
    why: "A network security perimeter's or private link scope's access mode: Learning or Open lets public traffic in.",
  },
  {
    class: "public-access",
    name: /^ingress(es|Rules)?$/,
    // A security group's or a network ACL's `ingress` is its rules (network-peer), not a publication.
    outside: /SecurityGroup|NetworkAcl/,
    types: ["object"],
    why: "Ingress: how a service is published (a tunnel's hostnames to private services, a container app's external ingress).",
  },
  {
    class: "public-access",
    name: /^(instance|networkInterface|allocationId|instanceName|staticIpName)$/,
    within: /^(ec2|lightsail)\.(Eip|EipAssociation|StaticIp|StaticIpAttachment)Args$/,
    why: "An elastic or static public IP, and the host it is attached to.",
  },
  {
    class: "public-access",
    name: /^targetId$/,
    within: /^(alb|lb|vpclattice)\.TargetGroupAttachmentArgs$/,
    why: "A host or address registered behind a load balancer or a Lattice service: reachable from wherever that is.",
  },
  {
    class: "public-access",
    name: /^endpointConfigurations$/,
    within: /^globalaccelerator\./,
    why: "Endpoints published through a Global Accelerator's anycast public addresses.",
  },
  {
    class: "public-access",
    name: /^(authorizationType|authType)$/,
    within: /^(lambda\.FunctionUrl|vpclattice\.\w+)Args$/,
    why: "A function URL's or a Lattice service network's auth type: NONE lets any caller in.",
  },
  {
    class: "public-access",
    name: /^frontendIPConfiguration$/,
    within: /^network\.InboundNatRuleArgs$/,
    why: "An inbound NAT rule publishes a host's port on a load balancer's frontend address.",
  },

  // ── route: where a network's traffic goes ───────────────────────────────────────────────────
  {
    class: "route",
    name: /(^r|R)outeTables?(Id|Ids|Arn|Name)?$/,
    unless: /^routeTableName$/,
    types: TEXT_OR_OBJECT,
    why: "A route table (or an association to one): where a subnet's traffic goes.",
  },
  {
    class: "route",
    name: /(^r|R)outes?$|(^s|S)taticRoutes?$|(^i|I)pv[46]Routes$|(^c|C)ustomRoutes$/,
    members: /[cC]idr|[aA]ddressPrefix|[pP]refix(es)?$|[nN]ext[hH]op|^destination$|^network$|^gateway/,
    // HTTP routes (to an application, by path or host) are not IP routes.
    outside: /Http|^servicefabricmesh\./,
    why: "Routes into ranges: VPN, tunnel, transit and peering routes decide what a network can reach (a list of entries with a destination range or a next hop).",
  },
  {
    class: "route",
    name: /(^n|N)ext[hH]op\w*$|(^t|T)ransitGatewayRouteTable\w*$|(^p|P)ropagat\w*RouteTables?(Id|Ids)?$/,
    types: TEXT_OR_OBJECT,
    why: "A route's next hop or a transit route table decides where a range's traffic goes.",
  },
  {
    class: "route",
    name: /^prefix$/,
    within: /Route(Args)?$/,
    types: TEXT,
    why: "The range a static route (Magic WAN, Cloudflare) sends somewhere.",
  },
  {
    class: "route",
    name: /^network$/,
    within: /^index\.(TunnelRoute|ZeroTrustTunnelCloudflaredRoute)Args$/,
    types: TEXT,
    why: "A private range routed through a Cloudflare tunnel: WARP users reach it as far as Gateway and Access allow.",
  },
  {
    class: "route",
    name: /^tunnelId$/,
    within: /Route(Args)?$/,
    why: "A route (a hostname or a range) into a tunnel.",
  },
  {
    class: "route",
    name: /^peer(Vpc|VirtualNetwork|Owner|Region|TransitGateway|Account)\w*$|^remoteVirtualNetwork$|^allow(ForwardedTraffic|GatewayTransit|VirtualNetworkAccess)$|^useRemoteGateways$/,
    why: "A peering joins two networks: each side's ranges become reachable from the other as far as routes and rules allow.",
  },
  {
    class: "route",
    name: /^(vpcPeeringConnectionId|transitGatewayAttachmentId|vpcEndpointServiceId|vpcEndpointId)$/,
    within: /Accepter\w*Args$/,
    why: "Accepting a peering, an attachment or an endpoint connection opens the path it asks for.",
  },
  {
    class: "route",
    name: /^address$/,
    within: /Profile(Exclude|Include)$|SplitTunnel/,
    types: TEXT,
    why: "A WARP split-tunnel entry: ranges that leave (or alone enter) the tunnel and its Gateway policies.",
  },
  {
    class: "route",
    name: /^(communities|access|rules)$/,
    within: /^network\.RouteFilter(Rule)?Args$|RouteFilterRuleArgs$/,
    why: "A route filter decides which Microsoft service prefixes an ExpressRoute peering advertises.",
  },

  // ── principal-policy: policies, principals, permissions ─────────────────────────────────────
  {
    class: "principal-policy",
    refs: /(^|\.)(PolicyDocument|AWSPrincipal|ServicePrincipal|FederatedPrincipal)$/,
    why: "An IAM policy document or principal, typed as one.",
  },
  {
    class: "principal-policy",
    name: /^(policy|policyDocument|policyJson|policyText|inlinePolicy|inlinePolicies|assumeRolePolicy|assumeRolePolicyDocument|accessPolicies|accessPolicy|resourcePolicy|trustPolicy|keyPolicy|bucketPolicy|permissionsBoundary|managedPolicyArns|policyArn|policyArns|managedPolicyArn|customerManagedPolicyReference|policyTemplate)$/,
    // A retry, lifecycle, steering, placement, inventory or data-protection policy grants nothing.
    outside:
      /^datafactory\.|OriginSteering|^providerhub\.|Placement|LifecyclePolicy|DataProtectionPolicy|BlobInventoryPolicy|ManagementPolicy|ResiliencyPolicy|CustomSsl/,
    types: TEXT_OR_OBJECT,
    why: "A policy document, a trust policy, a resource policy, or a managed policy attached by ARN.",
  },
  {
    class: "principal-policy",
    name: /^(content|policyId|targetId)$/,
    within: /^organizations\./,
    why: "An organization policy (a service control policy among them) and where it is attached: loosened or detached, every account under it may do more.",
  },
  {
    class: "principal-policy",
    name: /^(principal|principals|principalId|principalIds|principalArn|principalArns|principalType|granteePrincipal|grantee|grantees|allowedPrincipals|externalPrincipals|allowExternalPrincipals|consumerIdentifier)$/,
    // A resource's own managed identity, and the identity a connector or a command runs as, are
    // who the service is, not whom it grants (like a service role: see the end of this file).
    outside: /Identit(y|ies)\w*Args$|AuthInfoArgs$|ServicePrincipalInformation/,
    types: ["string", "object", "boolean"],
    why: "Who is granted: a principal or a grantee.",
  },
  {
    class: "principal-policy",
    name: /^objectId$/,
    within: /AccessPolic|Administrator|Principals?Args$|MainPrincipal|AssignedUser|ServerGroupRole/,
    why: "The Entra object an access policy or an administrator entry grants.",
  },
  {
    class: "principal-policy",
    name: /^(sourceAccount|sourceArn|sourceOwner)$/,
    within: /Permission\w*Args$/,
    why: "The account or ARN a permission is granted for (a Lambda or CA permission's caller).",
  },
  {
    class: "principal-policy",
    name: /^(permissions|permission|statement|statements|grants|rights|permissionIds|claimValues|accessRights|userAccessRights)$/,
    // File-mode permissions (devices, root directories) and WAF or application authorization
    // statements (Cedar, verified permissions) are not cloud grants.
    outside:
      /Device|RootDirectory|CreationInfo|CreationPermission|CasbIntegration|^wafv2\.|^verifiedpermissions\.|AgentcorePolicyDefinition/,
    types: TEXT_OR_OBJECT,
    why: "What is granted: permissions, statements, access rights, delegated scopes.",
  },
  {
    class: "principal-policy",
    name: /^(actions|notActions|dataActions|notDataActions)$/,
    within: /Permission|Privilege|Statement|RoleDefinition|ScopeMap|ResourceAccessRole/,
    types: TEXT_OR_OBJECT,
    why: "The actions a permission, privilege or role definition grants.",
  },
  {
    class: "principal-policy",
    name: /^(accountId|accountIds|userId|userIds|group|organizationArn|organizationalUnitArn|account)$/,
    within: /(Permission|Authorization|Sharing|Share)\w*Args$|^redshift\.|^opensearch\.Authorize/,
    why: "The account, organization or group a snapshot, image or endpoint is shared with (`all` is everyone).",
  },
  {
    class: "principal-policy",
    name: /^(issuer|subject|audiences|claimsMatchingExpression)$/,
    within: /FederatedIdentityCredential/,
    why: "A federated credential: tokens from this issuer for this subject act as the application or identity (CI pipelines, other clouds).",
  },
  {
    class: "principal-policy",
    name: /^(remoteDomainName|trustDirection|trustType|target|source|sourceData)$/,
    within: /^directoryservice\.(Trust|SharedDirectory)Args$|^rolesanywhere\.TrustAnchorArgs$/,
    why: "A directory trust or share, or a Roles Anywhere trust anchor: another domain's users or a CA's certificates act here.",
  },
  {
    class: "principal-policy",
    name: /^(validUserLists|adminUserLists|invalidUserLists)$/,
    why: "Who may use (or administer) a file share.",
  },

  // ── role: role definitions and what an assignment grants ────────────────────────────────────
  {
    class: "role",
    name: /(^r|R)oleDefinition(Id|Ids|Name)?$|(^r|R)oleTemplateId$|^(app|directory)?[rR]ole(Id|Ids)$|^roles$|^(assignableScopes|appRoles|roleAssignments|permissionSetArn|registrationDefinitionId)$/,
    // Cluster node roles (HDInsight head/worker), notification audiences and event sinks are not grants.
    outside: /^hdinsight\.|NotificationsByRole|ArmRoleReceiver|RoleSinkInfo/,
    types: TEXT_OR_OBJECT,
    why: "A role definition, or the role an assignment grants.",
  },
  {
    class: "role",
    name: /^(templateId|displayName)$/,
    within: /^index\.DirectoryRoleArgs$/,
    why: "An Entra directory role, activated in the tenant for assignments to name.",
  },
  {
    class: "role",
    name: /^authorizations$/,
    within: /^managedservices\./,
    why: "Azure Lighthouse: another tenant's principals with roles on this subscription.",
  },

  // ── membership: who is in a group or owns it ────────────────────────────────────────────────
  {
    class: "membership",
    name: /^(members|memberIds|memberId|memberObjectId|memberObjectIds|groupMembers|owners|ownerIds|ownerObjectId|ownerObjectIds|userNames|groupObjectId)$/,
    // Members of origin, monitor, protection, job-target and VM groups are servers, not principals;
    // a management lock's owners are the resources that placed it.
    outside:
      /OriginGroup|MonitorGroup|ProtectionGroup|JobTargetGroup|VMGroup|VirtualEndpoint|V2modelsBot|ManagementLock|UpdateStage|RecoveryPlan|Collaboration/,
    types: TEXT_OR_OBJECT,
    why: "Who is in a group or owns it: a member or owner gets every role and exemption the group holds.",
  },
  {
    class: "membership",
    name: /^(groups|groupId|groupIds|group|users|user|userId|userIds|groupName)$/,
    // These names mean a principal only where the declaring type is about principals: a private
    // endpoint's `groupIds` are sub-resources, an ECS target's `group` a task group, a connector's `user` a login.
    within:
      /Member|Membership|Identit|Principal|Grant|PolicyAttachment|^iam\.(GroupPolicy|GroupPolicyAttachment)Args|(Include|Exclude|Require)$|Administrat|GroupUser|PrivilegedAccessGroup|GroupRoleManagement|IamActionDefinition|BrokerUser|UserGroup|AccessPolicyAssignment|PermissionProfile|UserInGroup|AccessPackage/,
    outside: /Permission\w*Args$|^identitystore\.UserArgs$|Exclusive/,
    types: TEXT_OR_OBJECT,
    why: "A user or group named where a membership or a grant is declared: who gets in.",
  },
  {
    class: "membership",
    name: /^username$/,
    within: /UserInGroupArgs$/,
    why: "A user put in a Cognito group (whose role its members get through an identity pool).",
  },
  {
    class: "membership",
    name: /^accessType$/,
    within: /AccessPackageResourcePackageAssociationArgs$/,
    why: "A group's membership or ownership given through an access package.",
  },

  // ── access-session: access policies, sign-in, sessions, identity providers ──────────────────
  {
    class: "access-session",
    refs: /Access(Policy|Group|Application|Rule)\w*(Include|Exclude|Require)$|ConditionalAccess/,
    why: "Who may pass an access policy or group (Cloudflare Access includes, excludes, requires; Conditional Access).",
  },
  {
    class: "access-session",
    name: /^(includes?|excludes?|requires?|conditions|grantControls|sessionControls|decision)$/,
    within: /Access|Conditional/,
    why: "An access policy's audience, conditions and decision.",
  },
  {
    class: "access-session",
    name: /(^s|S)ession(Duration|Timeout|Lifetime|Length)\w*$|(^m|M)axSession(Duration|Length)\w*$|(^s|S)ignInFrequency\w*$|(^p|P)ersistentBrowser\w*$/,
    unless: /^idle/,
    // A database replica's session timeout is a failover setting, an agent runtime's or an MCP
    // gateway's an idle timeout of its own sessions, a waiting room's a queue cookie: not a sign-in.
    outside: /AvailabilityGroup|Replica|Lifecycle|Trigger|Mcp|EvaluationConfig|^bedrock\.|WaitingRoom/,
    types: ["string", "number", "object"],
    why: "How long a session lasts before the user signs in again.",
  },
  {
    class: "access-session",
    name: /^duration$/,
    within: /ServiceToken/,
    why: "How long an Access service token is valid.",
  },
  {
    class: "access-session",
    name: /(^a|A)llowedIdps$|(^i|I)dentityProviders?(Id|Ids)?$|^idProvider$|(^a|A)utoRedirectToIdentity$|(^l|L)oginMethods?$|(^s|S)ignInAudience$|(^a|A)ppRoleAssignmentRequired$|^assignmentRequired$|(^a|A)uthenticationStrength\w*$|^allowedCombinations$|(^m|M)fa(Config|Configuration|Required\w*)?$|^vpnAuthenticationTypes$/,
    types: ["string", "boolean", "object"],
    why: "Sign-in: which identity providers and methods are accepted, MFA, and whether an app is limited to assigned users.",
  },
  {
    class: "access-session",
    name: /^(config|providerDetails|oidc|type|providerType|issuer|issuerUrl|clientId|metadataUrl|metadataXml|attributeMapping|idpIdentifiers|scimConfig)$/,
    within: /IdentityProvider(Config)?Args$|TrustProviderArgs$|TrustedTokenIssuerArgs$/,
    why: "An identity provider or trust provider: whose sign-ins (and devices) are accepted.",
  },
  {
    class: "access-session",
    name: /(^d|D)isableLocalAuth$|(^a|A)zureADOnlyAuthentication$|(^a|A)llowSharedKeyAccess$/,
    types: FLAG,
    why: "Local (key, password) authentication beside Entra: a key or login holder passes without Conditional Access or MFA.",
  },
  {
    class: "access-session",
    name: /^(identity|devicePosture)$/,
    within: /^index\.(ZeroTrustGatewayPolicy|TeamsRule)Args$/,
    why: "A Gateway policy's identity and device-posture conditions: who its allow applies to.",
  },
  {
    class: "access-session",
    name: /^(input|match|type)$/,
    within: /DevicePostureRuleArgs$/,
    why: "A device posture check that Access policies require: loosened, more devices pass.",
  },
  {
    class: "access-session",
    name: /^items$/,
    within: /^index\.(ZeroTrustList|TeamsList)Args$/,
    why: "A Zero Trust list (addresses, emails) that Access and Gateway policies include by reference.",
  },
  {
    class: "access-session",
    name: /^associatedHostnames$/,
    within: /MutualTls|MtlsCertificate/,
    why: "A client-certificate CA trusted by Access for these hostnames: its certificates pass `certificate` includes.",
  },
  {
    class: "access-session",
    name: /^rules$/,
    within: /^authorization\.RoleManagementPolicyArgs$/,
    why: "PIM activation rules: MFA, approval, justification and how long an activated role lasts.",
  },
  {
    class: "access-session",
    name: /^(enabled)$/,
    within: /^(ec2\.SerialConsoleAccess|index\.ApplicationFallbackPublicClient)Args$/,
    why: "Serial console access to every instance of the account; public client (device code, password) flows of an app.",
  },
  {
    class: "access-session",
    within: /^iam\.AccountPasswordPolicyArgs$/,
    why: "The account's IAM password policy: how strong and how long-lived a console password is.",
  },
];

/**
 * Azure's network schema types a reference to another resource with that resource's whole body
 * (a NIC's `subnet` is a `SubnetArgs`, of which the API reads the `id`). A single property of these
 * types is matched as a reference and not walked into: its nested rules belong to the referenced
 * resource, which the inventory lists on its own. Lists of them are walked: a virtual network's
 * `subnets` and an NSG's `securityRules` are declared inline.
 */
export const REFERENCE_TYPES: ReadonlySet<string> = new Set([
  "network.SubnetArgs",
  "network.NetworkSecurityGroupArgs",
  "network.PublicIPAddressArgs",
  "network.RouteTableArgs",
  "network.NatGatewayArgs",
  "network.VirtualNetworkArgs",
  "network.VirtualNetworkGatewayArgs",
  "network.LocalNetworkGatewayArgs",
  "network.VirtualNetworkTapArgs",
  "network.PrivateLinkServiceArgs",
]);

/*
 * What no rule matches, on purpose (each is outside "who may reach what, who may do what, who may
 * sign in" as DESIGN.md frames the guard):
 * - A service's own role (`roleArn`, `executionRoleArn`, `serviceRole`, instance profiles): what the
 *   service may do is the role's policies and who may assume it its trust policy, both read.
 * - Web application firewalls and API authorizers (`aws:waf*`, `aws:wafv2/*`, API Gateway authorizers,
 *   Front Door and CDN rules, APIM policies): they filter requests to an endpoint whose exposure is
 *   decided by its network (read); a WAF can only block.
 * - Azure Policy and AWS Config rules: they decide what may be deployed or reported, not who may reach
 *   or do what; the pack itself is the deployment guard.
 * - Credentials (access keys, service principal passwords and certificates, SAS keys): they let an
 *   existing principal sign in and carry no new right.
 * - Names and tags (`name`, `tags`, `description`...), key prefixes, log groups: no access.
 */

/** One resource type in the inventory: the classes its inputs carry, each with the property paths. */
export type InventoryEntry = Readonly<Partial<Record<WideningClass, readonly string[]>>>;

/** The inventory (catalog/inventory/types.json): per provider package, its version and listed types. */
export type Inventory = Readonly<
  Record<string, { readonly version: string; readonly types: Readonly<Record<string, InventoryEntry>> }>
>;
