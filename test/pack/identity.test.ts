import { describe, expect, it } from "vitest";
import { add, edit, find, handWritten, names, remove, usePack } from "../pack-harness";

const { ctx, mandatory } = usePack();
const BREAK_GLASS = "9e4c2a7b-1f3d-4b6e-8a5c-2d7f0e1b3c94";
const STRANGER = "11111111-2222-4333-8444-555555555555";

describe("identity-baseline-coverage", () => {
  const rule = "identity-baseline-coverage";
  it("blocks disabling MFA for all users", async () => {
    expect(names(await mandatory(edit("contoso-identity-mfa-all-users", (i) => (i.state = "disabled"))))).toContain(
      rule,
    );
  });
  it("blocks removing the legacy-auth block", async () => {
    const found = await mandatory(remove("contoso-identity-block-legacy-auth"));
    expect(found).toContainEqual(
      expect.objectContaining({ policyName: rule, message: expect.stringMatching(/legacy authentication blocked/) }),
    );
  });
  it("blocks narrowing MFA to one platform", async () => {
    const found = await mandatory(
      edit("contoso-identity-mfa-all-users", (i) => (i.conditions.platforms = { includedPlatforms: ["android"] })),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ policyName: rule, message: expect.stringMatching(/MFA for all users on all apps/) }),
    );
  });
  it("blocks weakening admins' strength to passwordless", async () => {
    const found = await mandatory(
      edit("contoso-identity-admins-phishing-resistant-mfa", (_i, r) => {
        (r.propertyDependencies as Record<string, string[]>).grantControls = [
          find(ctx.plan.resources, "contoso-identity-strength-passwordless").urn,
        ];
      }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        policyName: rule,
        message: expect.stringMatching(/phishing-resistant MFA for privileged roles/),
      }),
    );
  });
  it("blocks turning off the device-code block", async () => {
    const found = await mandatory(
      edit("contoso-identity-block-device-code-flow", (i) => delete i.conditions.authenticationFlowTransferMethods),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ policyName: rule, message: expect.stringMatching(/device code flow blocked/) }),
    );
  });
  it("counts report-only policies only in a reportOnly rollout", async () => {
    expect(names(await mandatory(undefined, (c) => (c[rule].rollout = "enforce")))).toContain(rule);
  });
  it("passes a stronger baseline: MFA for everyone raised to phishing-resistant", async () => {
    const found = await mandatory(
      edit("contoso-identity-mfa-all-users", (_i, r) => {
        (r.propertyDependencies as Record<string, string[]>).grantControls = [
          find(ctx.plan.resources, "contoso-identity-strength-phishing-resistant").urn,
        ];
      }),
    );
    expect(found).toEqual([]);
  });
});

describe("identity-baseline-coverage binds only stacks that declare or own identity", () => {
  const rule = "identity-baseline-coverage";
  const CA = "azuread:index/conditionalAccessPolicy:ConditionalAccessPolicy";
  it("a plain AWS program (no Entra resource, no config) is not held to the Entra baseline", async () => {
    const web = handWritten("aws:ec2/securityGroup:SecurityGroup", "web-sg", {
      vpcId: "vpc-0123456789abcdef0",
      ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
    });
    const found = await mandatory(
      (rs) => [...rs.filter((r) => r.type === "pulumi:pulumi:Stack"), web],
      (config) => {
        for (const key of Object.keys(config)) config[key] = {};
      },
    );
    expect(names(found)).not.toContain(rule);
  });
  it("a stack whose config owns identity and has lost every Conditional Access policy is blocked", async () => {
    const found = await mandatory((rs) =>
      rs.filter(
        (r) =>
          r.type !== CA &&
          r.type !== "azuread:index/namedLocation:NamedLocation" &&
          r.type !== "azuread:index/authenticationStrengthPolicy:AuthenticationStrengthPolicy",
      ),
    );
    expect(found.filter((d) => d.policyName === rule)).toHaveLength(4);
  });
  it("a stack that declares one policy is judged on the whole baseline, config or not", async () => {
    const found = await mandatory(
      (rs) => rs.filter((r) => r.type !== CA || r.name === "contoso-identity-block-legacy-auth"),
      (config) => (config[rule] = {}),
    );
    expect(found.filter((d) => d.policyName === rule).length).toBeGreaterThanOrEqual(3);
  });
});

describe("identity-break-glass-excluded", () => {
  const rule = "identity-break-glass-excluded";
  it("blocks a policy that stops excluding the break-glass group", async () => {
    const found = await mandatory(
      edit("contoso-identity-block-legacy-auth", (i) => (i.conditions.users.excludedGroups = [])),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        policyName: rule,
        urn: expect.stringMatching(/block-legacy-auth$/),
        message: expect.stringMatching(/does not exclude break-glass group 9e4c2a7b/),
      }),
    );
  });
  it("compares object ids case-insensitively: the break-glass ids in upper case, in a policy or in the config, still pass", async () => {
    const upper = (xs: string[]) => xs.map((x) => x.toUpperCase());
    const inPolicy = await mandatory(
      edit("contoso-identity-block-legacy-auth", (i) => {
        i.conditions.users.excludedGroups = upper(i.conditions.users.excludedGroups);
        i.conditions.users.excludedUsers = upper(i.conditions.users.excludedUsers);
      }),
      // The lock names the ids as Entra compares them: the same policy, so nothing widens.
    );
    expect(inPolicy).toEqual([]);
    const inConfig = await mandatory(undefined, (config) => {
      for (const policy of Object.values(config) as any[]) {
        if (policy.breakGlass)
          policy.breakGlass = { groups: upper(policy.breakGlass.groups), users: upper(policy.breakGlass.users) };
      }
    });
    expect(inConfig).toEqual([]);
  });
  it("blocks a hand-written policy that targets the break-glass group", async () => {
    const policy = handWritten("azuread:index/conditionalAccessPolicy:ConditionalAccessPolicy", "block-bg", {
      displayName: "Block break glass",
      state: "enabled",
      conditions: {
        users: { includedGroups: [BREAK_GLASS], excludedGroups: [BREAK_GLASS] },
        applications: { includedApplications: ["All"] },
        clientAppTypes: ["all"],
      },
      grantControls: { operator: "OR", builtInControls: ["block"] },
    });
    expect(await mandatory(add(policy))).toContainEqual(
      expect.objectContaining({ policyName: rule, message: expect.stringMatching(/targets break-glass/) }),
    );
  });
  it("passes a new blocking policy that excludes the break-glass accounts", async () => {
    const policy = handWritten("azuread:index/conditionalAccessPolicy:ConditionalAccessPolicy", "block-legacy-app", {
      displayName: "Block the retired HR app",
      state: "enabled",
      conditions: {
        users: {
          includedUsers: ["All"],
          excludedGroups: [BREAK_GLASS],
          excludedUsers: ctx.plan.profile.identity.breakGlass.accounts,
        },
        applications: { includedApplications: ["00000000-aaaa-4bbb-8ccc-000000000001"] },
        clientAppTypes: ["all"],
      },
      grantControls: { operator: "OR", builtInControls: ["block"] },
    });
    expect(await mandatory(add(policy))).toEqual([]);
  });
});

describe("identity-no-undeclared-exclusions", () => {
  const rule = "identity-no-undeclared-exclusions";
  it("blocks a new exclusion nobody declared", async () => {
    const found = await mandatory(
      edit("contoso-identity-block-unknown-platforms", (i) => i.conditions.users.excludedGroups.push(STRANGER)),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        policyName: rule,
        message: expect.stringMatching(`excludes group ${STRANGER} without a recorded reason`),
      }),
    );
  });
  it("passes removing the declared kiosk exclusion", async () => {
    const found = await mandatory(
      edit("contoso-identity-require-compliant-device", (i) => (i.conditions.users.excludedGroups = [BREAK_GLASS])),
    );
    expect(found).toEqual([]);
  });
});

describe("identity-baseline-enforced", () => {
  const rule = "identity-baseline-enforced";
  it("blocks a disabled policy", async () => {
    expect(
      names(await mandatory(edit("contoso-identity-block-unknown-platforms", (i) => (i.state = "disabled")))),
    ).toContain(rule);
  });
  it("blocks report-only policies in an enforce rollout", async () => {
    expect(names(await mandatory(undefined, (c) => (c[rule].rollout = "enforce")))).toContain(rule);
  });
  it("passes a report-only policy switched to enabled", async () => {
    expect(await mandatory(edit("contoso-identity-block-unknown-platforms", (i) => (i.state = "enabled")))).toEqual([]);
  });
});

describe("identity-session-limits", () => {
  const rule = "identity-session-limits";
  it("blocks lengthening admins' sign-in frequency", async () => {
    const found = await mandatory(
      edit("contoso-identity-admins-session-limits", (i) => (i.sessionControls.signInFrequency = 24)),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        policyName: rule,
        message: expect.stringMatching(/admins stay signed in for 24h, beyond the 4h ceiling/),
      }),
    );
  });
  it("blocks a persistent browser session for admins", async () => {
    const found = await mandatory(
      edit("contoso-identity-admins-session-limits", (i) => (i.sessionControls.persistentBrowserMode = "always")),
    );
    expect(names(found)).toContain(rule);
  });
  it("passes a shorter sign-in frequency", async () => {
    expect(
      await mandatory(edit("contoso-identity-admins-session-limits", (i) => (i.sessionControls.signInFrequency = 1))),
    ).toEqual([]);
  });
});

describe("identity-grants-not-weakened", () => {
  const rule = "identity-grants-not-weakened";
  it("blocks turning the admins' MFA AND compliant device into OR", async () => {
    const found = await mandatory(
      edit("contoso-identity-admins-compliant-device-admin-portals", (i) => (i.grantControls.operator = "OR")),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ policyName: rule, message: expect.stringMatching(/its grant turned AND into OR/) }),
    );
  });
  it("blocks removing the compliant-device requirement", async () => {
    const found = await mandatory(
      edit(
        "contoso-identity-require-compliant-device",
        (i) => (i.grantControls.builtInControls = ["domainJoinedDevice"]),
      ),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ policyName: rule, message: expect.stringMatching(/its grant lost compliantDevice/) }),
    );
  });
  it("blocks dropping the authentication strength of guests' MFA", async () => {
    const found = await mandatory(
      edit("contoso-identity-mfa-guests", (i) => (i.grantControls = { operator: "OR", builtInControls: ["mfa"] })),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        policyName: rule,
        message: expect.stringMatching(/authentication strength was dropped/),
      }),
    );
  });
  it("passes a grant made stronger (MFA added to compliant device)", async () => {
    const found = await mandatory(
      edit(
        "contoso-identity-require-compliant-device",
        (i) =>
          (i.grantControls = { operator: "AND", builtInControls: ["mfa", "compliantDevice", "domainJoinedDevice"] }),
      ),
    );
    expect(found).toEqual([]);
  });
});

describe("identity-no-break-glass-members-added", () => {
  const rule = "identity-no-break-glass-members-added";
  const ACCOUNT = "0b7e5d3c-2a1f-4e8d-9c6b-4a3f2e1d0c5b";
  it("blocks a new user, or any other object, put into the break-glass group; passes a break-glass account and other groups", async () => {
    const user = handWritten("azuread:index/user:User", "contractor", { displayName: "Contractor" });
    const found = await mandatory(
      add(
        user,
        handWritten(
          "azuread:index/groupMember:GroupMember",
          "contractor-in-bg",
          { groupObjectId: BREAK_GLASS.toUpperCase(), memberObjectId: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" },
          { memberObjectId: [user.urn] },
        ),
        handWritten("azuread:index/groupMember:GroupMember", "sp-in-bg", {
          groupObjectId: BREAK_GLASS,
          memberObjectId: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee",
        }),
        handWritten("azuread:index/groupMember:GroupMember", "account-in-bg", {
          groupObjectId: BREAK_GLASS,
          memberObjectId: ACCOUNT,
        }),
        handWritten("azuread:index/groupMember:GroupMember", "elsewhere", {
          groupObjectId: "11111111-2222-4333-8444-555555555555",
          memberObjectId: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee",
        }),
      ),
    );
    const hits = found.filter((d) => d.policyName === rule);
    expect(hits.map((d) => d.urn!.split("::").pop())).toEqual(["contractor-in-bg", "sp-in-bg"]);
    expect(hits[0]!.message).toMatch(/puts user:contractor into break-glass group 9e4c2a7b/);
  });
  it("blocks a deployed Group, known by its id, that lists members beyond the break-glass accounts", async () => {
    // Deployed, AnalyzeStack sees the group's outputs: its object id among them.
    const group = handWritten("azuread:index/group:Group", "emergency", {
      displayName: "Emergency access",
      members: [ACCOUNT, "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"],
      objectId: BREAK_GLASS,
    });
    const hits = (await mandatory(add(group))).filter((d) => d.policyName === rule);
    expect(hits.map((d) => d.message)).toEqual([
      expect.stringMatching(/puts aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee into/),
    ]);
  });
});
