/**
 * What a value the pack cannot read means: one answer per kind of value, set here once and applied
 * by every reader. "Cannot read" is any of: unknown until apply (a new stack's preview of a value
 * computed from another resource), a secret held only as ciphertext (a state file), a property of a
 * type the readers read only in part, or a value in a shape the reader does not recognise. The
 * answer is always the worst case the value could be, so a guard never passes what it could not see;
 * the verdict names the resource and the property, so the author can make it readable (a literal, a
 * reference to a resource of the stack, or the deployed view, where ids and outputs are known).
 */
export interface UnknownMeaning {
  /** The kind of value, as people say it. */
  readonly value: string;
  /** What it counts as while it cannot be read. */
  readonly means: string;
  /** Why that is the worst case. */
  readonly why: string;
}

export type UnknownKind =
  | "network-peer"
  | "group-reference"
  | "ports"
  | "protocol"
  | "rule-access"
  | "rule-direction"
  | "public-flag"
  | "policy-document"
  | "role"
  | "role-scope"
  | "trusted-principal"
  | "group-target"
  | "ca-state"
  | "ca-exclusion"
  | "ca-grant"
  | "access-include"
  | "access-login-method"
  | "session";

export const UNKNOWN_MEANS: Readonly<Record<UnknownKind, UnknownMeaning>> = {
  "network-peer": {
    value: "a network source or destination (CIDR, address range, prefix list, service tag)",
    means: "the internet (every address)",
    why: "any narrower guess could hide an opening to everyone",
  },
  "group-reference": {
    value: "a security group, ASG or NSG a rule or host names",
    means: "an unresolved group: no declared flow matches it, and a host placed in it is in an unknown tier",
    why: "the reference could be any tier's group, including one a flow must not reach",
  },
  ports: {
    value: "a port or port range",
    means: "every port",
    why: "the widest range is the only one no port can escape",
  },
  protocol: {
    value: "a protocol",
    means: "every protocol",
    why: "as for ports",
  },
  "rule-access": {
    value: "whether a rule allows or denies",
    means: "allow",
    why: "a deny the pack cannot see must not be counted on to close anything",
  },
  "rule-direction": {
    value: "a rule's direction",
    means: "inbound",
    why: "inbound is where an opening widens a tier",
  },
  "public-flag": {
    value: "a public-access flag, a public endpoint, or a firewall's default action",
    means: "public",
    why: "the providers' defaults for these are mostly open",
  },
  "policy-document": {
    value: "an IAM policy document or a managed policy outside the stack",
    means: "privileged (judged as admin where admin matters)",
    why: "a document nobody can read could grant everything",
  },
  role: {
    value: "an Azure or Entra role, or a Graph app role",
    means: "privileged",
    why: "as for policy documents",
  },
  "role-scope": {
    value: "the scope of an Azure role assignment",
    means: "the root (every management group and subscription)",
    why: "the widest scope is the only one no resource escapes",
  },
  "trusted-principal": {
    value: "who may assume a role or pass an Access policy",
    means: "anyone",
    why: 'an unreadable principal could be Principal "*"',
  },
  "group-target": {
    value: "the group a membership or ownership is into",
    means: "any group, the break-glass and role-holding groups included",
    why: "the membership could be the one that grants a role or dodges every policy",
  },
  "ca-state": {
    value: "a Conditional Access policy's state",
    means: "not enforcing: never counted as coverage",
    why: "coverage claimed from a policy that may be off is coverage lost",
  },
  "ca-exclusion": {
    value: "an entry of a policy's excluded users, groups or roles",
    means: "an undeclared exclusion",
    why: "the entry could exclude anyone",
  },
  "ca-grant": {
    value: "a policy's grant or authentication strength",
    means: "weaker than the control declares",
    why: "an unreadable grant cannot be shown to require MFA",
  },
  "access-include": {
    value: "an Access policy's include (who may pass)",
    means: "everyone",
    why: "as for trusted principals",
  },
  "access-login-method": {
    value: "a login method (identity provider) an Access app allows",
    means: "a one-time PIN: anyone with an inbox signs in",
    why: "the weakest login method Access has, and the id could name it",
  },
  session: {
    value: "a session or sign-in frequency",
    means: "longer than any ceiling",
    why: "an unreadable lifetime cannot be shown to end",
  },
};
