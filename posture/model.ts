import type { IcmpMessages, PortRange, Protocol } from "./ports";
import { serviceTagKind } from "../catalog/azure-service-tags";
import type { PlannedResource } from "./resource";
import type { UnknownKind } from "./unknown";
import { OPAQUE_SECRET } from "./values";
import type { AccessReach } from "../catalog/access";

/**
 * The posture: one provider-neutral model of who may reach what, built by the readers from
 * resources as the engine presents them. Everything after the readers (rules, diffs, reports)
 * reads only this.
 */

/** A resource a posture item came from, so findings can name it. */
export interface Origin {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
}

export type Cloud = "aws" | "azure";

/** One end of a network flow. `unknown` means a reference the reader could not resolve. */
export type Endpoint =
  | { readonly kind: "tier"; readonly tier: string }
  | { readonly kind: "internet" }
  | { readonly kind: "cidr"; readonly cidr: string }
  | { readonly kind: "vnet" }
  | { readonly kind: "any" }
  | { readonly kind: "untagged"; readonly group: string }
  /** An Azure service tag whose addresses are every tenant's (AzureCloud): as wide as the internet. */
  | { readonly kind: "service-tag"; readonly tag: string }
  /** A managed prefix list whose addresses the stack does not hold (AWS-managed, or outside it). */
  | { readonly kind: "prefix-list"; readonly id: string }
  | { readonly kind: "unknown"; readonly ref: string };

/** A rule that allows or denies traffic, normalised: from -> to, protocol, ports. */
export interface NetworkRule {
  readonly cloud: Cloud;
  /** The side of the traffic the rule is attached to (AWS ingress/egress, Azure Inbound/Outbound). */
  readonly direction: "ingress" | "egress";
  readonly access: "allow" | "deny";
  readonly from: Endpoint;
  readonly to: Endpoint;
  readonly protocol: Protocol;
  /** Undefined for every port (any-port, or a protocol without ports). */
  readonly ports?: PortRange;
  /** For ICMP, the messages the rule is limited to (undefined: every ICMP message). */
  readonly icmp?: IcmpMessages;
  /** Azure priority; lower wins. */
  readonly priority?: number;
  /** Inline rules live in their group's resource; standalone ones are resources of their own. */
  readonly inline: boolean;
  /** The peer is the rule's own group (AWS `self`, or the same group named on both sides). */
  readonly self?: boolean;
  /** Properties that could not be read and count as their worst case (posture/unknown.ts), for the verdict to name. */
  readonly unread?: readonly UnreadProperty[];
  /** URN of the security group or NSG the rule belongs to, when it could be resolved. */
  readonly group?: string;
  readonly origin: Origin;
}

/** A property of a rule that could not be read, and the kind of value it is (its meaning: posture/unknown.ts). */
export interface UnreadProperty {
  readonly property: string;
  readonly kind: UnknownKind;
}

/** A security group, NSG or ASG, and the tier its `zt:tier` tag names. */
export interface TierGroup {
  readonly cloud: Cloud;
  readonly kind: "security-group" | "nsg" | "asg";
  readonly tier?: string;
  readonly origin: Origin;
}

/**
 * What a PaaS service's own network firewall admits (an Azure SQL server, a storage account…):
 * a range of addresses, every address, or every Azure tenant's services (the 0.0.0.0 rule).
 */
export interface ServiceOpening {
  readonly service: string;
  readonly admits:
    | { readonly kind: "range"; readonly first: string; readonly last: string }
    | { readonly kind: "every-address"; readonly why: string }
    | { readonly kind: "azure-services" }
    /** A private endpoint's network, through an approved connection (the endpoint may be another tenant's). */
    | { readonly kind: "private-endpoint"; readonly connection: string };
  /** False where nothing is written and the provider's default admits it. */
  readonly explicit: boolean;
  readonly origin: Origin;
}

/** A host (an instance, an interface, a launch template's hosts) and the tiers its groups place it in. */
export interface HostPlacement {
  readonly tiers: readonly string[];
  readonly origin: Origin;
}

/**
 * One entry of an AWS network ACL: stateless, on a subnet, evaluated by rule number (lowest first)
 * within its ACL and direction. `peer` is the CIDR the entry names, on the far side of the subnet.
 */
export interface AclEntry {
  /** URN of the network ACL (or its id, when outside the stack). */
  readonly acl: string;
  readonly direction: "ingress" | "egress";
  readonly access: "allow" | "deny";
  readonly peer: Endpoint;
  readonly protocol: Protocol;
  readonly ports?: PortRange;
  readonly icmp?: IcmpMessages;
  readonly ruleNumber: number;
  readonly origin: Origin;
}

/**
 * A private range remote users reach through a VPN or a tunnel, and who among them may: every
 * user of it, or a group (a directory group, an access group). Security groups may still stand
 * behind it; this is the door, not the room.
 */
export interface RemoteRoute {
  /** What people call the way in: `Client VPN`, `Cloudflare Tunnel`. */
  readonly via: string;
  /** The range reached, as written; undefined when it cannot be read (posture/unknown.ts: network-peer). */
  readonly cidr?: string;
  readonly who:
    { readonly kind: "everyone"; readonly unless?: string } | { readonly kind: "group"; readonly group: string };
  readonly origin: Origin;
}

/** A VPC or VNet: the address space its subnets, and so its tiers, are carved from. */
export interface NetworkSpace {
  readonly cloud: Cloud;
  /** The network as its subnets name it: its resource's URN. */
  readonly network: string;
  readonly prefixes: readonly string[];
  readonly origin: Origin;
}

/** An NSG that a resource puts a subnet or an interface under. */
export interface GroupAssociation {
  /** The NSG as a tier, an untagged group, or unknown (outside the stack, or not pinned to one NSG). */
  readonly group: Endpoint;
  /** When the reference could be any of several NSGs of the stack (a new stack's ids): each of them. */
  readonly candidates?: readonly Endpoint[];
  readonly origin: Origin;
}

/**
 * A subnet, or a network interface (an Azure NSG can filter either): its addresses, its network,
 * the tiers the stack says it holds, and the NSGs that resources put it under.
 */
export interface SubnetPlacement {
  readonly cloud: Cloud;
  readonly kind: "subnet" | "interface";
  /** How the stack names it: its resource's URN, `<network URN>/<name>` when declared inline, or its id. */
  readonly subnet: string;
  readonly name: string;
  /** The VPC or VNet it belongs to (a NetworkSpace's `network`), when known. */
  readonly network?: string;
  readonly prefixes: readonly string[];
  /** Tiers its own zt:tier tag (AWS subnets) or the hosts in it (through their groups or ASGs) place it in. */
  readonly tiers: readonly string[];
  readonly associations: readonly GroupAssociation[];
  readonly origin: Origin;
}

export interface NetworkPosture {
  readonly groups: readonly TierGroup[];
  /** Hosts and the tiers they sit in: one host in two tiers joins them. */
  readonly hosts: readonly HostPlacement[];
  readonly rules: readonly NetworkRule[];
  /** PaaS firewalls: who may reach a managed service by address, beside any security group. */
  readonly services: readonly ServiceOpening[];
  /** Network ACL entries: a subnet's stateless filter, in front of its security groups. */
  readonly acls: readonly AclEntry[];
  /** Private ranges remote users reach through a VPN or a tunnel. */
  readonly remote: readonly RemoteRoute[];
  /** VPCs and VNets of the stack and their address spaces. */
  readonly spaces: readonly NetworkSpace[];
  /** Subnets and interfaces: where tiers sit in the address space, and the NSGs put over them. */
  readonly subnets: readonly SubnetPlacement[];
}

export function describeEndpoint(e: Endpoint): string {
  switch (e.kind) {
    case "tier":
      return e.tier;
    case "cidr":
      return e.cidr;
    case "untagged":
      return `untagged group ${e.group}`;
    case "service-tag":
      return serviceTagKind(e.tag) === undefined
        ? `service tag ${e.tag} (not in the pack's catalog, so judged as the internet)`
        : `service tag ${e.tag} (every Azure tenant's addresses)`;
    case "prefix-list":
      return `prefix list ${e.id} (its addresses are not in the stack, so judged as anywhere)`;
    case "unknown":
      return e.ref === OPAQUE_SECRET
        ? "a secret address (not decrypted, so judged as anywhere)"
        : `unresolved ${e.ref}`;
    default:
      return e.kind;
  }
}

/** One Access rule, as `kind` or `kind:value` (`azureAd:<group>`, `authMethod:mfa`, `everyone`). */
export type AccessRule = string;

/** Who can pass an Access policy, computed by the reader over every rule (catalog/access.ts). */
export interface AccessAudience {
  readonly reach: AccessReach;
  /** Who, and through what, as a phrase: "anyone with an inbox (one-time PIN 'otp') through everyone". */
  readonly because: string;
}

export interface AccessPolicyPosture {
  readonly decision: string;
  readonly include: readonly AccessRule[];
  readonly require: readonly AccessRule[];
  readonly exclude: readonly AccessRule[];
  /** Session length the policy sets, in minutes (undefined: the app's). */
  readonly sessionMinutes?: number;
  /** Its session is set but cannot be read (posture/unknown.ts "session": longer than any ceiling). */
  readonly sessionUnreadable?: boolean;
  readonly approvalRequired: boolean;
  readonly purposeJustificationRequired: boolean;
  /** Who can pass it through the login methods of the apps it guards (all of the account's, unattached). */
  readonly audience: AccessAudience;
  /** Everyone it lets through has signed in with MFA (`authMethod: mfa`, here or in an Access group it names). */
  readonly mfaEnforced: boolean;
  readonly origin: Origin;
}

/** A login method (identity provider) of an Access account. */
export interface AccessLoginMethod {
  /** Its name, or the id it is named by when the stack does not declare it. */
  readonly name: string;
  /** Cloudflare's type (`onetimepin`, `azureAD`, `github`...); undefined when the stack does not declare it. */
  readonly type?: string;
  /** Who can sign in with it. */
  readonly who: string;
  readonly origin?: Origin;
}

/** The account's Zero Trust organisation: settings every app inherits. */
export interface AccessOrganizationPosture {
  readonly name: string;
  /** The global session: users sign in again only when it ends; every app's session is renewed within it. */
  readonly sessionMinutes?: number;
  /** The session of tokens issued through WARP authentication. */
  readonly warpSessionMinutes?: number;
  /** Seat expiry after inactivity: licensing, not a session (Cloudflare's minimum is 730h). */
  readonly seatExpiryMinutes?: number;
  /** Session properties set but unreadable (posture/unknown.ts "session"). */
  readonly unreadable: readonly string[];
  readonly origin: Origin;
}

export interface AccessAppPosture {
  readonly name: string;
  readonly domain?: string;
  /** Every public hostname (and path) the app secures: its domain, self-hosted domains, destinations. */
  readonly domains: readonly string[];
  readonly type?: string;
  readonly sessionMinutes?: number;
  /** Its session is set but cannot be read (posture/unknown.ts "session"). */
  readonly sessionUnreadable?: boolean;
  readonly allowedIdps: readonly string[];
  /** The login methods it allows: its allowedIdps, or every one of the account's when none is given. */
  readonly loginMethods: readonly AccessLoginMethod[];
  /** Its type puts Access in front of its hostnames (self-hosted, SSH, VNC, RDP; catalog/access.ts). */
  readonly guardsHostnames: boolean;
  readonly policies: readonly AccessPolicyPosture[];
  /** Policies it names that the stack does not declare (their ids): what they admit is not known. */
  readonly policiesOutside: readonly string[];
  readonly origin: Origin;
}

export interface ServiceTokenPosture {
  readonly name: string;
  /** Minutes until expiry; `forever` when it never expires. */
  readonly duration: number | "forever" | undefined;
  readonly origin: Origin;
}

/** One ingress rule of a Cloudflare Tunnel: a public hostname (none: every other) and the origin it reaches. */
export interface TunnelRoute {
  readonly hostname?: string;
  readonly path?: string;
  /** `https://localhost:8443`, `ssh://localhost:22`, `http_status:404`... */
  readonly service: string;
  /** cloudflared itself demands an Access token (`originRequest.access.required`). */
  readonly accessRequired: boolean;
  readonly origin: Origin;
}

export interface AccessPosture {
  readonly apps: readonly AccessAppPosture[];
  /** Every policy: reusable ones (attached or not), legacy ones, and those inline in apps. */
  readonly policies: readonly AccessPolicyPosture[];
  readonly serviceTokens: readonly ServiceTokenPosture[];
  readonly tunnels: readonly Origin[];
  readonly routes: readonly TunnelRoute[];
  /** Zero Trust organisations (one per account): global and WARP sessions. */
  readonly organizations: readonly AccessOrganizationPosture[];
}

export type CaState = "enabled" | "disabled" | "enabledForReportingButNotEnforced";

/** A Conditional Access policy, normalised. Lists hold ids or Entra keywords (`All`, `GuestsOrExternalUsers`). */
export interface CaPolicyPosture {
  readonly displayName: string;
  /** Undefined when unknown (never treat unknown as enabled). */
  readonly state?: CaState;
  readonly users: {
    readonly include: readonly string[];
    readonly includeGroups: readonly string[];
    readonly includeRoles: readonly string[];
    readonly exclude: readonly string[];
    readonly excludeGroups: readonly string[];
    readonly excludeRoles: readonly string[];
    readonly excludesGuests: boolean;
    /** The guest and external user kinds excluded (`internalGuest`, `b2bCollaborationGuest`…). */
    readonly excludedGuestTypes: readonly string[];
  };
  readonly apps: {
    readonly include: readonly string[];
    readonly exclude: readonly string[];
    readonly userActions: readonly string[];
  };
  readonly clientAppTypes: readonly string[];
  readonly platforms?: { readonly include: readonly string[]; readonly exclude: readonly string[] };
  readonly locations?: { readonly include: readonly string[]; readonly exclude: readonly string[] };
  readonly userRiskLevels: readonly string[];
  readonly signInRiskLevels: readonly string[];
  readonly deviceFilter?: string;
  readonly authenticationFlows: readonly string[];
  readonly grant?: {
    readonly operator: "AND" | "OR";
    readonly builtIn: readonly string[];
    /** The authentication strength required, when one is: its allowed combinations if known. */
    readonly strength?: { readonly name: string; readonly combinations?: readonly string[] };
  };
  readonly session?: {
    readonly signInFrequencyHours?: number;
    readonly everyTime: boolean;
    readonly persistentBrowser?: string;
  };
  readonly origin: Origin;
}

/** A named location: countries or IP ranges, possibly marked trusted. */
export interface NamedLocationPosture {
  readonly name: string;
  readonly countries: readonly string[];
  readonly ipRanges: readonly string[];
  readonly trusted: boolean;
  readonly origin: Origin;
}

/** One principal put into one Entra group. */
export interface GroupMembership {
  /** The group's object id (lower case), or unknown when the group is new in this stack. */
  readonly group: string;
  /** The member's object id (lower case), or the stack's own principal as `<type>:<name>`. */
  readonly member: string;
  /** The member's object id (lower case), when known: the stack's own principal once deployed. */
  readonly memberId?: string;
  /** An owner, who can add anyone, the owner included (absent: a member). */
  readonly relation?: "member" | "owner";
  /** Only eligible (PIM for Groups): the principal activates it when needed. */
  readonly eligible?: boolean;
  readonly origin: Origin;
}

export interface IdentityPosture {
  readonly policies: readonly CaPolicyPosture[];
  readonly namedLocations: readonly NamedLocationPosture[];
  readonly memberships: readonly GroupMembership[];
  readonly strengths: readonly {
    readonly name: string;
    readonly combinations: readonly string[];
    readonly origin: Origin;
  }[];
}

/**
 * What a grant amounts to: control (admin, or a way to make oneself admin), less, every tenant's data
 * (a Graph app role on all mail or files), a role the pack's catalogs do not classify, or a grant
 * that cannot be read (not known until apply, or outside the stack): privileged until proven otherwise.
 */
export type GrantReach = "admin" | "limited" | "data" | "unlisted" | "unknown";

/** A standing grant of privilege to a principal. */
export interface PrivilegeGrant {
  readonly kind:
    "aws-iam" | "aws-sso" | "azure-rbac" | "azure-data-plane" | "entra-role" | "graph-app-role" | "graph-delegated";
  /** Who holds it: `user:<name>`, `group:<name>`, `role:<name>`, `principal:<id>`, or unknown. */
  readonly principal: string;
  readonly principalType: "user" | "group" | "role" | "principal" | "unknown";
  /** What it grants, as people read it: `*:*`, an escalation path, a role name or id, an app role. */
  readonly permission: string;
  readonly reach: GrantReach;
  readonly scope?: string;
  /** False for eligible or time-bound assignments (PIM). */
  readonly permanent: boolean;
  /** How the principal comes to hold it when not granted directly: `membership of group <name>`. */
  readonly via?: string;
  readonly origin: Origin;
}

/** Who may assume an IAM role: one principal of its trust policy, and the conditions beside it. */
export interface RoleTrust {
  /** The role, as grants name it: `role:<name>`. */
  readonly role: string;
  readonly principal:
    | { readonly kind: "anyone" }
    | { readonly kind: "federated" | "service" | "aws"; readonly id: string }
    /**
     * The trust policy (or this principal) cannot be read: not known until apply, a secret, or a
     * shape the pack does not recognise (posture/unknown.ts, "trusted-principal": anyone).
     */
    | { readonly kind: "unknown"; readonly why?: "until apply" | "secret" | "shape" };
  /** Condition keys and their values, from the tests that match the values they name (no negation, Null or ForAllValues). */
  readonly conditions: Readonly<Record<string, readonly string[]>>;
  /** A condition keeps the statement to one organisation, account, caller, source or network (judged by value). */
  readonly pinned: boolean;
  /** A condition asks for MFA (Bool aws:MultiFactorAuthPresent true, or an MFA age; not IfExists, not false). */
  readonly mfa?: boolean;
  readonly origin: Origin;
}

/** What a resource policy allows everyone (`Principal "*"`, nothing pinning who). */
export interface PublicGrant {
  /** What people call the resource: `S3 bucket`, `SQS queue`, `Lambda function`. */
  readonly resource: string;
  readonly actions: readonly string[];
  /** Every action only reads what is meant to be public (a website's objects, a public image, a function URL). */
  readonly readOnly: boolean;
  /**
   * Set when the grant is the worst case of what cannot be read (posture/unknown.ts): the policy,
   * its principal or a pinning condition is not known until apply, a secret, or an unknown shape.
   */
  readonly unreadable?: { readonly property: string; readonly why: "until apply" | "secret" | "shape" };
  /**
   * Set when the policy is read by its shape on a type the pack knows nothing else of: which of its
   * actions only read public content is not known, so every one is judged as control.
   */
  readonly byShape?: boolean;
  readonly origin: Origin;
}

export interface PrivilegePosture {
  readonly grants: readonly PrivilegeGrant[];
  readonly trusts: readonly RoleTrust[];
  readonly publicGrants: readonly PublicGrant[];
}

/**
 * The parts of the posture a resource rule reads. The pack runs a resource rule only on the types
 * whose readers produce what it reads (posture/readers/read-from.ts), so no rule names a provider.
 */
export type PostureElement =
  | "identity.policies"
  | "identity.memberships"
  | "network.groups"
  | "network.rules"
  | "network.services"
  | "network.acls"
  | "network.hosts"
  | "network.remote"
  | "network.subnets"
  | "access.apps"
  | "access.policies"
  | "access.serviceTokens"
  | "access.tunnels"
  | "access.routes"
  | "access.organizations"
  | "privilege.grants"
  | "privilege.trusts"
  | "privilege.publicGrants";

/**
 * A resource of a type that can widen (the inventory of the providers' types) and that no reader
 * reads: named, with the properties that can widen, so that no verdict passes it in silence.
 */
export interface UnreadResource {
  readonly properties: readonly string[];
  readonly origin: Origin;
}

/** The whole posture of one stack. Layers are built on first use: a rule pays only for what it reads. */
export interface Posture {
  /** The resources themselves, for rules about how they are deployed (providers), not what they grant. */
  readonly resources: readonly PlannedResource[];
  readonly identity: IdentityPosture;
  readonly network: NetworkPosture;
  readonly access: AccessPosture;
  readonly privilege: PrivilegePosture;
  /** What the readers could not read: resources of types that can widen and that no reader reads. */
  readonly unread: readonly UnreadResource[];
}
