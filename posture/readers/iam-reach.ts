import type { PrivilegeGrant } from "../model";
import { UNKNOWN_VALUE } from "../values";
import {
  allowNarrowing,
  denyApplies,
  readStatements,
  unreadableOf,
  type IamStatement,
  type Unreadable,
} from "./iam-document";
import {
  actionsOf,
  expandAction,
  isPermissionsManagement,
  awsAction,
  matchesAction,
  globOf,
  resourceArnsOf,
  resourceArnsOfService,
  type AwsAction,
} from "./iam-actions";
import { AWS_ADMIN_EQUIVALENT_POLICIES } from "../../catalog/well-known-ids";
import {
  AWS_ESCALATION_CAPABILITIES,
  AWS_LAUNCHING_ACTION_NAME,
  AWS_MANAGED_POLICY_STATEMENTS,
  AWS_PASS_ROLE,
  AWS_PASSROLE_LAUNCHERS,
  AWS_PERMISSIONS_BOUNDARY_KEY,
  AWS_PERMISSIONS_MANAGEMENT_WITHOUT_EFFECT,
  AWS_READ_VERBS,
  AWS_ROLE_PASSING_CONDITION_KEY,
  AWS_SERVICE_PRINCIPAL_PREFIXES,
} from "../../catalog/aws-iam";

/** What an IAM policy amounts to: `permission` says it for people, `reach` for the rules. */
export type IamReach = Pick<PrivilegeGrant, "permission" | "reach">;

/** What a document that cannot be read is taken for (posture/unknown.ts, "policy-document": privileged). */
export const unreadablePolicy = (why: Unreadable, property: string): IamReach => ({
  permission:
    why === "until apply"
      ? `a policy not known until apply (${property})`
      : why === "secret"
        ? `a policy held as a secret the pack cannot read (${property})`
        : `a policy the pack cannot read (${property}: not an IAM document it recognises)`,
  reach: "unknown",
});

/** A name no one gives a resource: what "any name" is tried as. */
const ANY_NAME = "zq7xw3k9-any";

/**
 * True when a resource pattern (an IAM glob) covers every resource of the type a catalog ARN format
 * describes (`arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}`): it matches that ARN with
 * a name no one would choose, in the partition, region and account the pattern names. So `role/*`
 * and `arn:aws:iam::123456789012:*` cover every role; `role/app-*`, `role/service-role/*` and
 * `arn:aws:s3:::site/*` (one bucket's objects) do not.
 */
function coversFormat(resource: string, format: string): boolean {
  const [, partition, , region, account] = resource.split(":");
  const literal = (v: string | undefined) => (v && !/[*?]/.test(v) ? v : undefined);
  const fill: Record<string, string> = {
    Partition: literal(partition) ?? "aws",
    Region: literal(region) ?? "eu-west-1",
    Account: literal(account) ?? "111122223333",
  };
  return globOf(resource).test(format.replace(/\$\{(\w+)\}/g, (_, name: string) => fill[name] ?? ANY_NAME));
}

const isArn = (resource: string) => /^arn:/i.test(resource) && resource.split(":").length >= 6;

/**
 * True when a resource pattern covers every resource of some type of its service: `*`, every role,
 * user or policy of an account (`arn:aws:iam::123456789012:role/*`), every bucket (`arn:aws:s3:::*`).
 */
export function everyResource(resource: string): boolean {
  if (resource === "*" || /^arn:\*$/i.test(resource)) return true;
  if (!isArn(resource)) return false;
  const parts = resource.split(":");
  const rest = parts.slice(5).join(":");
  const formats = /[*?]/.test(parts[2]!) ? [] : resourceArnsOfService(parts[2]!);
  // A service the catalog does not describe: a type word, then nothing but wildcards.
  if (!formats.length) return /^(?:[\w-]+[/:])?[*/]*\*[*/]*$/.test(rest);
  return formats.some((f) => coversFormat(resource, f));
}

/**
 * True when a resource pattern covers every resource of one of the types an action acts on (by the
 * action's ARN formats in the catalog: `sts:AssumeRole` every role, `ssm:SendCommand` every
 * instance). An action the catalog does not know: `*`, or a pattern that covers a type.
 */
function everyResourceFor(resource: string, action: string): boolean {
  if (resource === "*" || /^arn:\*$/i.test(resource)) return true;
  if (!isArn(resource)) return false;
  const known = awsAction(action);
  const formats = known ? resourceArnsOf(known) : [];
  if (formats.length === 0) return everyResource(resource);
  return formats.some((f) => coversFormat(resource, f));
}

/** True when a statement's resources reach every resource of some kind (`NotResource`: all but a few). */
const reachesEverything = (s: IamStatement) =>
  s.notResource ? !s.resources.some((r) => r === "*") : s.resources.some(everyResource);

const reach = new WeakMap<IamStatement, Map<string, boolean>>();
/** True when a statement's resources reach every resource of a type the action acts on. */
function reachesEverythingFor(s: IamStatement, action: string): boolean {
  if (s.notResource) return !s.resources.some((r) => r === "*");
  let cache = reach.get(s);
  if (cache === undefined) reach.set(s, (cache = new Map()));
  let hit = cache.get(action);
  if (hit === undefined) cache.set(action, (hit = s.resources.some((r) => everyResourceFor(r, action))));
  return hit;
}

/** True when a statement covers an action everywhere: names it (or leaves it out of NotAction), on every resource of its kind. */
const matches = (s: IamStatement, action: string) =>
  (s.notAction ? !s.actions.some((p) => matchesAction(p, action)) : s.actions.some((p) => matchesAction(p, action))) &&
  reachesEverythingFor(s, action);

/**
 * True when an Allow binds what it creates or changes to one fixed permissions boundary (delegated
 * admin): `iam:PermissionsBoundary` tested for an ARN with no wildcard. An action that cannot carry
 * the key is not allowed by such a statement at all; one that can, only within the boundary.
 */
const bounded = (s: IamStatement) =>
  s.conditions.some(
    (c) =>
      c.key.toLowerCase() === AWS_PERMISSIONS_BOUNDARY_KEY &&
      /^(string|arn)(equals|like)(ignorecase)?$/i.test(c.operator) &&
      c.unreadable === undefined &&
      c.values.length > 0 &&
      c.values.every((v) => /^arn:/i.test(v) && !/[*?]/.test(v)),
  );

/** The statements of all of a principal's policies, split as IAM evaluates them. */
export interface Statements {
  /** Allows that hold for every caller, on every resource of some kind (not narrowed, not bounded). */
  readonly standing: readonly IamStatement[];
  /** Denies the pack can count on: unconditional, or holding whenever MFA or the network is missing. */
  readonly denies: readonly IamStatement[];
  /** The principal's permissions boundary, when the stack declares it: nothing outside it is allowed. */
  readonly within?: Statements;
}

export function split(statements: readonly IamStatement[]): Statements {
  const standing: IamStatement[] = [];
  const denies: IamStatement[] = [];
  for (const s of statements) {
    if (s.allow) {
      const n = allowNarrowing(s.conditions);
      if (!n.mfa && !n.network && !bounded(s) && reachesEverything(s)) standing.push(s);
    } else if (s.unreadable.length === 0 && denyApplies(s.conditions) !== undefined && reachesEverything(s)) {
      denies.push(s);
    }
  }
  return { standing, denies };
}

/** True when an action is allowed on every resource of its kind, and no deny takes it back. */
const allowedEverywhere = (st: Statements, action: string): boolean =>
  st.standing.some((s) => matches(s, action)) &&
  !st.denies.some((d) => matches(d, action)) &&
  (st.within === undefined || allowedEverywhere(st.within, action));

/** The catalog's actions the standing allows name (every action for `NotAction` or a service wildcard). */
function candidates(st: Statements): readonly AwsAction[] {
  const seen = new Map<string, AwsAction>();
  for (const s of st.standing)
    for (const a of s.notAction ? expandAction("*") : s.actions.flatMap(expandAction)) seen.set(a.id, a);
  return [...seen.values()];
}

/** A launcher by AWS's catalog: it takes a role to run as (a condition key for it) and starts something. */
const launchesWithRole = (a: AwsAction) =>
  !/read|list/i.test(a.accessLevel) &&
  AWS_LAUNCHING_ACTION_NAME.test(a.name.split(":")[1]!) &&
  a.conditionKeys.some((k) => AWS_ROLE_PASSING_CONDITION_KEY.test(k) && !/^(iam|sts):/i.test(k));

/** The services `iam:PassRole` may hand roles to: from `iam:PassedToService`, else every one. */
function passTargets(st: Statements): ((service: string) => boolean) | undefined {
  const passing = st.standing.filter((s) => matches(s, AWS_PASS_ROLE));
  if (!passing.length || !allowedEverywhere(st, AWS_PASS_ROLE)) return undefined;
  const services: RegExp[] = [];
  for (const s of passing) {
    const to = s.conditions.find(
      (c) =>
        c.key.toLowerCase() === "iam:passedtoservice" &&
        /^(ForAnyValue:)?String(Equals|Like)$/i.test(c.operator) &&
        c.unreadable === undefined,
    );
    if (to === undefined) return () => true;
    for (const v of to.values) {
      const host = v.toLowerCase().split(".")[0]!;
      for (const prefix of AWS_SERVICE_PRINCIPAL_PREFIXES[host] ?? [host])
        services.push(/[*?]/.test(prefix) ? /^/ : new RegExp(`^${prefix.replace(/[^\w-]/g, "")}$`));
    }
  }
  return (service) => services.some((re) => re.test(service));
}

/** Lists actions as they read in a message: the first few, then how many more. */
const some = (actions: readonly string[], most = 6) =>
  actions.length > most ? `${actions.slice(0, most).join(", ")} and ${actions.length - most} more` : actions.join(", ");

/**
 * What a set of statements (one policy, or all of one principal's) amounts to: full admin (every IAM
 * action, from which the holder grants itself the rest), a way to make oneself admin (a capability
 * of catalog/aws-iam.ts, or any action AWS files under "Permissions management", on every resource
 * of its kind), `iam:PassRole` with a launcher, `sts:AssumeRole` on every role, or less. Allows with
 * an MFA or network condition (judged by value), or bound to a fixed permissions boundary, do not
 * count; denies that hold always (or whenever MFA or the network is missing) take actions back.
 */
export function judgeStatements(st: Statements): IamReach {
  if (!st.standing.length) return { permission: "limited", reach: "limited" };
  const iam = actionsOf("iam");
  // Written `*:*` as before, so that posture locks taken earlier read the same grant the same way.
  if (iam.length && iam.every((a) => allowedEverywhere(st, a.id))) return { permission: "*:*", reach: "admin" };
  const [rewrite, join, trust, mint, runCode, assume] = AWS_ESCALATION_CAPABILITIES.map((c) =>
    c.actions.filter((a) => allowedEverywhere(st, a)),
  );
  const known = AWS_ESCALATION_CAPABILITIES.flatMap((c) => c.actions);
  const named = candidates(st);
  const managed = named
    .filter(
      (a) =>
        isPermissionsManagement(a) &&
        !AWS_READ_VERBS.test(a.name.split(":")[1]!) &&
        !known.includes(a.id) &&
        !AWS_PERMISSIONS_MANAGEMENT_WITHOUT_EFFECT.includes(a.id) &&
        allowedEverywhere(st, a.id),
    )
    .map((a) => a.id)
    // The actions that say it best first: policies, permissions, grants, ACLs.
    .sort((a, b) => Number(!/polic|permission|grant|acl/.test(a)) - Number(!/polic|permission|grant|acl/.test(b)));
  const iamManaged = managed.filter((a) => a.startsWith("iam:"));
  const escalation = [...rewrite!, ...join!, ...trust!, ...mint!, ...iamManaged];
  if (escalation.length) return { permission: `self-escalation (${some(escalation, 16)})`, reach: "admin" };
  const to = passTargets(st);
  if (to) {
    const derived = named.filter(launchesWithRole).map((a) => a.id);
    const launchers = [...new Set([...AWS_PASSROLE_LAUNCHERS, ...derived])].filter(
      (a) => to(a.split(":")[0]!) && allowedEverywhere(st, a),
    );
    if (launchers.length) return { permission: `iam:passrole with ${some(launchers)}`, reach: "admin" };
  }
  if (assume!.length) return { permission: "sts:assumerole on every role", reach: "admin" };
  if (runCode!.length) return { permission: `runs code as others' roles (${some(runCode!)})`, reach: "admin" };
  if (managed.length) return { permission: `controls who may use every resource (${some(managed)})`, reach: "admin" };
  return { permission: "limited", reach: "limited" };
}

const documents = new Map<string, IamStatement[] | undefined>();
/** The statements of a document, read once per distinct text (many grants share one policy). */
export function statementsOf(document: unknown): IamStatement[] | undefined {
  if (typeof document !== "string") return readStatements(document);
  if (!documents.has(document)) {
    if (documents.size > 512) documents.clear();
    documents.set(document, readStatements(document));
  }
  return documents.get(document);
}

/**
 * What one IAM document allows, alone. `Statement` may be one object or a list, and the document a
 * JSON string or an object; a document that cannot be read is privileged until it can.
 */
export function iamReach(document: unknown, property = "policy"): IamReach {
  const statements = statementsOf(document);
  if (statements === undefined) return unreadablePolicy(unreadableOf(document) ?? "shape", property);
  return judgeStatements(split(statements));
}

/** The name of an AWS managed policy (`arn:aws[-partition]:iam::aws:policy/<name>`); undefined for any other ARN. */
export const awsManagedPolicyName = (arn: string | undefined): string | undefined =>
  /^arn:aws[\w-]*:iam::aws:policy\/(.+)$/.exec(arn ?? "")?.[1];

/** True for an AWS managed policy that amounts to full admin, in any partition. */
export function isAdminEquivalentPolicy(arn: string | undefined): boolean {
  const name = awsManagedPolicyName(arn);
  return name !== undefined && AWS_ADMIN_EQUIVALENT_POLICIES.includes(name);
}

/**
 * A policy attached by ARN that the stack does not declare: its statements where the catalog holds
 * AWS's document (so a boundary or a deny beside it counts), else what its name says: admin, an AWS
 * managed policy scoped to a service, or a policy the pack cannot read (not known until apply, or a
 * customer policy of another stack). One answer for every reader that attaches policies by ARN.
 */
export function policyByArn(
  arn: string,
  property: string,
): { readonly statements: IamStatement[] } | { readonly reach: IamReach } {
  const known = AWS_MANAGED_POLICY_STATEMENTS[awsManagedPolicyName(arn) ?? ""];
  if (known) return { statements: statementsOf({ Version: "2012-10-17", Statement: known })! };
  // Written `*:*` as before, so that posture locks taken earlier read the same grant the same way.
  if (isAdminEquivalentPolicy(arn)) return { reach: { permission: "*:*", reach: "admin" } };
  if (arn === UNKNOWN_VALUE) return { reach: unreadablePolicy("until apply", property) };
  // AWS managed policies other than the admin-equivalent ones are scoped to a service.
  if (awsManagedPolicyName(arn) !== undefined) return { reach: { permission: arn, reach: "limited" } };
  return { reach: { permission: `policy ${arn} (not in the stack)`, reach: "unlisted" } };
}
