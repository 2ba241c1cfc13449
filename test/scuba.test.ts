import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SCUBA_ITEMS, SCUBA_PRIVILEGED_ROLE_IDS, type ScubaCaItemId } from "../catalog/scuba";
import { frameworkCoverage, scubaAssessments } from "../compliance/coverage";
import { scubaGearConfig } from "../compliance/scuba/config";
import { scubaGearPasses, type CapExclusions } from "../compliance/scuba/match";
import { ConditionalAccessBaseline } from "../components/identity/conditional-access-baseline";
import { AwsMfaEnforcement } from "../components/mfa/aws-mfa-enforcement";
import { planConfig } from "../engine/plan-stack";
import { examplePlan } from "./shared-plans";
import { postureOf } from "../posture/build";
import { UNKNOWN, type PlannedResource } from "../posture/resource";
import { parseProfile } from "../profile";
import { renderCompliance } from "../reports/plan/compliance";
import { DEFAULT_PROJECT, profileKey } from "../sources/project";
import { exampleProfile } from "./fixtures";
import { handWritten } from "./pack-harness";
import { ztHere } from "./zt-here";

type Json = Record<string, any>;

const BREAK_GLASS_GROUP = "9e4c2a7b-1f3d-4b6e-8a5c-2d7f0e1b3c94";
const BREAK_GLASS_USER = "0b7e5d3c-2a1f-4e8d-9c6b-4a3f2e1d0c5b";
const OTHER_GROUP = "5a8e3f1d-6c2b-4d9a-8e7f-1b3c5d7e9f20";
const STRENGTH = "azuread:index/authenticationStrengthPolicy:AuthenticationStrengthPolicy";
const POLICY = "azuread:index/conditionalAccessPolicy:ConditionalAccessPolicy";

/** A config that exempts only the break-glass principals, as `zt scuba-config` writes for a clean policy. */
const BREAK_GLASS_ONLY: CapExclusions = {
  Users: [BREAK_GLASS_USER],
  Groups: [BREAK_GLASS_GROUP],
  Applications: [],
  GuestUserTypes: [],
};

/** A Conditional Access policy written as hand-written programs write it, excluding break-glass. */
function caPolicy(name: string, conditions: Json, grantControls: Json, extra: Json = {}): PlannedResource {
  const { users = {}, ...rest } = conditions;
  return handWritten(POLICY, name, {
    displayName: name,
    state: "enabled",
    conditions: {
      clientAppTypes: ["all"],
      applications: { includedApplications: ["All"] },
      ...rest,
      users: {
        includedUsers: ["All"],
        excludedGroups: [BREAK_GLASS_GROUP],
        excludedUsers: [BREAK_GLASS_USER],
        ...users,
      },
    },
    grantControls,
    ...extra,
  });
}

function strength(name: string, combinations: string[]): PlannedResource {
  return handWritten(STRENGTH, name, { displayName: name, allowedCombinations: combinations });
}

/** A policy requiring a strength declared beside it (the reader resolves the reference). */
function withStrength(name: string, combinations: string[], conditions: Json = {}): PlannedResource[] {
  const s = strength(`${name}-strength`, combinations);
  const p = caPolicy(name, conditions, { operator: "OR", authenticationStrengthPolicyId: UNKNOWN });
  return [s, { ...p, propertyDependencies: { grantControls: [s.urn] }, dependencies: [s.urn] }];
}

const PR = ["windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor"];
const block = { operator: "OR", builtInControls: ["block"] };

/** A policy ScubaGear passes for each item: our own fixtures, shaped after AADConfig.rego's checks. */
const PASSING: Record<ScubaCaItemId, () => PlannedResource[]> = {
  "scuba-aad-1.1": () => [caPolicy("legacy", { clientAppTypes: ["exchangeActiveSync", "other"] }, block)],
  "scuba-aad-2.1": () => [caPolicy("user-risk", { userRiskLevels: ["high"] }, block)],
  "scuba-aad-2.3": () => [caPolicy("sign-in-risk", { signInRiskLevels: ["high"] }, block)],
  "scuba-aad-3.1": () => withStrength("pr-all", PR),
  "scuba-aad-3.2": () => [caPolicy("mfa-all", {}, { operator: "OR", builtInControls: ["mfa"] })],
  "scuba-aad-3.6": () =>
    withStrength("pr-admins", PR, { users: { includedUsers: [], includedRoles: [...SCUBA_PRIVILEGED_ROLE_IDS] } }),
  "scuba-aad-3.7": () => [
    caPolicy("managed", {}, { operator: "OR", builtInControls: ["compliantDevice", "domainJoinedDevice"] }),
  ],
  "scuba-aad-3.8": () => [
    caPolicy(
      "register",
      { applications: { includedUserActions: ["urn:user:registersecurityinfo"] } },
      { operator: "OR", builtInControls: ["compliantDevice"] },
    ),
  ],
  "scuba-aad-3.9": () => [caPolicy("device-code", { authenticationFlowTransferMethods: ["deviceCodeFlow"] }, block)],
};

const ITEMS = Object.keys(SCUBA_ITEMS) as ScubaCaItemId[];

const passes = (
  item: ScubaCaItemId,
  resources: PlannedResource[],
  config = BREAK_GLASS_ONLY,
  licence: "P1" | "P2" = "P2",
) => scubaGearPasses(item, postureOf(resources).identity.policies, config, licence);

/** Changes the inputs of every policy among the resources. */
const mutate = (resources: PlannedResource[], change: (inputs: Json) => void) =>
  resources.map((r) => {
    if (r.type !== POLICY) return r;
    const copy = structuredClone(r) as PlannedResource & { inputs: Json };
    change(copy.inputs);
    return copy;
  });

describe("ScubaGear's Conditional Access matching, item by item", () => {
  it.each(ITEMS)("%s: the fixture passes with break-glass exempted", (item) => {
    expect(passes(item, PASSING[item]())).toBe(true);
  });

  it.each(ITEMS)("%s: report-only does not count; nor does a disabled policy", (item) => {
    expect(
      passes(
        item,
        mutate(PASSING[item](), (i) => (i.state = "enabledForReportingButNotEnforced")),
      ),
    ).toBe(false);
    expect(
      passes(
        item,
        mutate(PASSING[item](), (i) => (i.state = "disabled")),
      ),
    ).toBe(false);
  });

  it.each(ITEMS)("%s: an excluded role fails it, whatever the config", (item) => {
    const r = mutate(PASSING[item](), (i) => (i.conditions.users.excludedRoles = [SCUBA_PRIVILEGED_ROLE_IDS[0]]));
    expect(passes(item, r)).toBe(false);
  });

  it.each(ITEMS)("%s: a group or guest exclusion passes only when the config lists it", (item) => {
    const group = mutate(PASSING[item](), (i) => i.conditions.users.excludedGroups.push(OTHER_GROUP));
    expect(passes(item, group)).toBe(false);
    expect(passes(item, group, { ...BREAK_GLASS_ONLY, Groups: [BREAK_GLASS_GROUP, OTHER_GROUP] })).toBe(true);
    const guests = mutate(PASSING[item](), (i) => {
      i.conditions.users.excludedGuestsOrExternalUsers = [
        { guestOrExternalUserTypes: ["b2bCollaborationGuest"], externalTenants: [{ membershipKind: "all" }] },
      ];
    });
    expect(passes(item, guests)).toBe(false);
    expect(passes(item, guests, { ...BREAK_GLASS_ONLY, GuestUserTypes: ["b2bCollaborationGuest"] })).toBe(true);
    // Break-glass excluded without a config entry for it: ScubaGear fails that too.
    expect(passes(item, PASSING[item](), { Users: [], Groups: [], Applications: [], GuestUserTypes: [] })).toBe(false);
  });

  it.each(ITEMS.filter((i) => SCUBA_ITEMS[i].allUsers))("%s: a policy for some users only does not count", (item) => {
    const r = mutate(PASSING[item](), (i) => (i.conditions.users.includedUsers = [BREAK_GLASS_USER]));
    expect(passes(item, r)).toBe(false);
  });

  it.each(ITEMS.filter((i) => SCUBA_ITEMS[i].allApps))("%s: a policy for some apps only does not count", (item) => {
    const r = mutate(PASSING[item](), (i) => (i.conditions.applications.includedApplications = ["Office365"]));
    expect(passes(item, r)).toBe(false);
  });

  it("1.1 needs `other` and `exchangeActiveSync` listed: `all` client types do not count", () => {
    expect(
      passes(
        "scuba-aad-1.1",
        mutate(PASSING["scuba-aad-1.1"](), (i) => (i.conditions.clientAppTypes = ["all"])),
      ),
    ).toBe(false);
  });

  it("2.1 and 2.3 need `high` risk and block, and a P2 tenant", () => {
    expect(
      passes(
        "scuba-aad-2.1",
        mutate(PASSING["scuba-aad-2.1"](), (i) => (i.conditions.userRiskLevels = ["medium"])),
      ),
    ).toBe(false);
    expect(
      passes(
        "scuba-aad-2.3",
        mutate(PASSING["scuba-aad-2.3"](), (i) => (i.grantControls.builtInControls = ["mfa"])),
      ),
    ).toBe(false);
    expect(passes("scuba-aad-2.1", PASSING["scuba-aad-2.1"](), BREAK_GLASS_ONLY, "P1")).toBe(false);
  });

  it("3.1 wants phishing-resistant methods only; 3.2 wants MFA that is not only phishing-resistant", () => {
    const push = withStrength("passwordless", [...PR, "deviceBasedPush"]);
    expect(passes("scuba-aad-3.1", push)).toBe(false);
    expect(passes("scuba-aad-3.2", push)).toBe(true);
    // ScubaGear counts a phishing-resistant-only strength for 3.1, never for 3.2.
    expect(passes("scuba-aad-3.2", withStrength("pr", PR))).toBe(false);
    expect(passes("scuba-aad-3.2", withStrength("sms", ["password,sms"]))).toBe(true);
    expect(passes("scuba-aad-3.2", withStrength("with-email", ["password,sms", "email"]))).toBe(false);
    // Microsoft's built-in MFA strength, by its well-known id: its combinations are all MFA.
    const builtIn = mutate([caPolicy("builtin", {}, {})], (i) => {
      i.grantControls = { operator: "OR", authenticationStrengthPolicyId: "00000000-0000-0000-0000-000000000002" };
    });
    expect(passes("scuba-aad-3.2", builtIn)).toBe(true);
    expect(passes("scuba-aad-3.1", builtIn)).toBe(false);
  });

  it("3.6 needs every highly privileged role included (in any case) and a phishing-resistant strength", () => {
    const upper = mutate(PASSING["scuba-aad-3.6"](), (i) => {
      i.conditions.users.includedRoles = SCUBA_PRIVILEGED_ROLE_IDS.map((r) => r.toUpperCase());
    });
    expect(passes("scuba-aad-3.6", upper)).toBe(true);
    const short = mutate(PASSING["scuba-aad-3.6"](), (i) => i.conditions.users.includedRoles.pop());
    expect(passes("scuba-aad-3.6", short)).toBe(false);
    expect(
      passes(
        "scuba-aad-3.6",
        withStrength("admins-push", [...PR, "deviceBasedPush"], {
          users: { includedUsers: [], includedRoles: [...SCUBA_PRIVILEGED_ROLE_IDS] },
        }),
      ),
    ).toBe(false);
  });

  it("3.7 wants exactly compliant OR domain-joined; 3.8 either, on registering security info", () => {
    const only = mutate(PASSING["scuba-aad-3.7"](), (i) => (i.grantControls.builtInControls = ["compliantDevice"]));
    expect(passes("scuba-aad-3.7", only)).toBe(false);
    const and = mutate(PASSING["scuba-aad-3.7"](), (i) => (i.grantControls.operator = "AND"));
    expect(passes("scuba-aad-3.7", and)).toBe(false);
    const withMfa = mutate(PASSING["scuba-aad-3.7"](), (i) => i.grantControls.builtInControls.push("mfa"));
    expect(passes("scuba-aad-3.7", withMfa)).toBe(false);
    const mfaOnly = mutate(PASSING["scuba-aad-3.8"](), (i) => (i.grantControls.builtInControls = ["mfa"]));
    expect(passes("scuba-aad-3.8", mfaOnly)).toBe(false);
    const allApps = mutate(
      PASSING["scuba-aad-3.8"](),
      (i) => (i.conditions.applications = { includedApplications: ["All"] }),
    );
    expect(passes("scuba-aad-3.8", allApps)).toBe(false);
  });

  it("3.9 wants the device code flow alone: a policy that also blocks authentication transfer does not count", () => {
    const both = mutate(PASSING["scuba-aad-3.9"](), (i) => {
      i.conditions.authenticationFlowTransferMethods = ["deviceCodeFlow", "authenticationTransfer"];
    });
    expect(passes("scuba-aad-3.9", both)).toBe(false);
  });
});

const plan = (raw: Json, program?: () => unknown) =>
  planConfig("scuba", { [profileKey(DEFAULT_PROJECT)]: JSON.stringify(raw) }, "scuba", {
    ...(program ? { program } : {}),
  });

const scubaOf = (p: { profile: any; resources: readonly PlannedResource[] }) =>
  new Map(scubaAssessments(p.profile, p.resources).map((a) => [a.policyId, a]));

describe("SCuBA claims on the planned baseline", () => {
  it("the example's claims are what ScubaGear decides with the file zt scuba-config writes", async () => {
    const example = await examplePlan();
    const assessed = scubaAssessments(example.profile, example.resources);
    const file = parse(scubaGearConfig(example.profile, assessed, "example")) as Json;
    expect(file).toMatchObject({ OrgName: "Contoso Ltd", ProductNames: ["aad"] });
    const policies = postureOf(example.resources).identity.policies;
    for (const a of assessed.filter((x) => x.item !== "scuba-aad-7.4" && x.item !== "scuba-aad-7.5")) {
      const config = {
        Users: [],
        Groups: [],
        Applications: [],
        GuestUserTypes: [],
        ...file.Aad[a.policyId].CapExclusions,
      };
      const ruling = scubaGearPasses(a.item as ScubaCaItemId, policies, config, example.profile.identity.licence);
      expect(a.scubaGear, a.policyId).toBe(ruling ? "pass" : "fail");
    }
    // Report-only rollout: ScubaGear counts none of the Conditional Access policies but the
    // registration one, which Entra cannot run report-only and the baseline therefore enforces.
    const byId = new Map(assessed.map((a) => [a.policyId, a]));
    expect(byId.get("MS.AAD.1.1v1")).toMatchObject({ status: "not-met", scubaGear: "fail" });
    expect(byId.get("MS.AAD.1.1v1")!.reasons[0]).toContain("report-only");
    expect(byId.get("MS.AAD.3.8v1")).toMatchObject({ status: "partial", scubaGear: "pass" });
    expect(byId.get("MS.AAD.3.8v1")!.reasons.join()).toContain("AllTrusted");
    expect(byId.get("MS.AAD.3.1v1")!.reasons.join()).toContain("only in preset strict");
    // The kiosk group and the guests are in the file for 3.7, each with its reason.
    const text = scubaGearConfig(example.profile, assessed, "example");
    expect(file.Aad["MS.AAD.3.7v1"].CapExclusions.Groups).toContain(OTHER_GROUP);
    expect(file.Aad["MS.AAD.3.7v1"].CapExclusions.GuestUserTypes).toContain("b2bCollaborationGuest");
    expect(text).toContain(`${OTHER_GROUP} # identity.exclusions (require-compliant-device): Kiosk devices`);
    expect(file.Aad["MS.AAD.7.4v1"]).toEqual({
      RoleExclusions: { Users: example.profile.identity.breakGlass.accounts },
    });
    // What the plan prints agrees, line by line.
    const lines = renderCompliance(example.profile, example.resources);
    for (const a of assessed) {
      const line = lines.find((l) => l.includes(a.policyId))!;
      expect(line, a.policyId).toContain(`ScubaGear: ${a.scubaGear}`);
      expect(line.trim()[0], a.policyId).toBe({ met: "✓", partial: "◐", "not-met": "○" }[a.status]);
    }
  });

  it("enforced, the SMB preset meets some items only partially, and says which exclusion and why", async () => {
    const raw = exampleProfile();
    raw.identity.rollout = "enforce";
    const smb = scubaOf(await plan(raw));
    expect(smb.get("MS.AAD.1.1v1")).toMatchObject({ status: "met", scubaGear: "pass" });
    expect(smb.get("MS.AAD.3.7v1")).toMatchObject({ status: "partial", scubaGear: "pass" });
    expect(smb.get("MS.AAD.3.7v1")!.reasons.join()).toMatch(/guests and external users.*|Kiosk devices/);
    expect(smb.get("MS.AAD.3.7v1")!.reasons.join()).toContain("Kiosk devices");
    expect(smb.get("MS.AAD.3.1v1")).toMatchObject({ status: "not-met", scubaGear: "fail" });
  });

  it("the strict preset, enforced, passes every item ScubaGear decides on Conditional Access and PIM eligibility, and the plan says it is stricter", async () => {
    const raw = exampleProfile();
    raw.identity.rollout = "enforce";
    raw.identity.preset = "strict";
    raw.identity.exclusions = [];
    const strict = await plan(raw);
    const assessed = scubaOf(strict);
    for (const a of assessed.values())
      if (a.policyId !== "MS.AAD.7.5v1")
        expect({ item: a.policyId, status: a.status, scubaGear: a.scubaGear }).toEqual({
          item: a.policyId,
          status: "met",
          scubaGear: "pass",
        });
    // 7.5 no Pulumi program can meet: the break-glass Global Administrators are direct assignments,
    // and @pulumi/azuread has no PIM active assignment. The plan says so rather than claim it.
    expect(assessed.get("MS.AAD.7.5v1")).toMatchObject({ status: "not-met", scubaGear: "fail" });
    expect(assessed.get("MS.AAD.7.5v1")!.reasons.join()).toMatch(
      /Global Administrator assigned to .* directly, outside PIM/,
    );
    expect(renderCompliance(strict.profile, strict.resources).join("\n")).toContain(
      "preset strict: stricter than the SMB default",
    );
  });

  it("a deployed stack (ids and outputs known) is judged as its preview was", async () => {
    const raw = exampleProfile();
    raw.identity.rollout = "enforce";
    const config = { [profileKey(DEFAULT_PROJECT)]: JSON.stringify(raw) };
    const [preview, deployed] = await Promise.all([
      planConfig("scuba", config, "scuba"),
      planConfig("scuba", config, "scuba", { mode: "deployed" }),
    ]);
    expect(deployed.resources.find((r) => r.type === POLICY)!.outputs).toBeDefined();
    const verdicts = (p: typeof preview) =>
      scubaAssessments(p.profile, p.resources).map((a) => [a.policyId, a.status, a.scubaGear, a.reasons]);
    expect(verdicts(deployed)).toEqual(verdicts(preview));
  });

  it("zt scuba-config writes the file, whole, where --out says", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zt-scuba-"));
    const out = join(dir, "scuba.yaml");
    const r = await ztHere(["scuba-config", "--stack", "example", "--out", out]);
    expect(r).toMatchObject({ status: 0, stdout: "" });
    const example = await examplePlan();
    expect(readFileSync(out, "utf8")).toBe(
      scubaGearConfig(example.profile, scubaAssessments(example.profile, example.resources), "example"),
    );
    const printed = await ztHere(["scuba-config", "--stack", "example"]);
    expect(printed.stdout).toBe(readFileSync(out, "utf8"));
    const bad = await ztHere(["scuba-config", "--stack", "example", "--out", join(dir, "no", "such", "scuba.yaml")]);
    expect(bad.status).not.toBe(0);
    expect(readdirSync(dir)).toEqual(["scuba.yaml"]);
  });

  it("a P1 tenant is not credited with the risk items, and says why", async () => {
    const raw = exampleProfile();
    raw.identity.licence = "P1";
    const p1 = scubaOf(await plan(raw));
    expect(p1.get("MS.AAD.2.1v1")).toMatchObject({ status: "not-met", scubaGear: "fail" });
    expect(p1.get("MS.AAD.2.1v1")!.reasons[0]).toContain("P2");
  });
});

describe("claims come from what the program declares", () => {
  it("a program with two components is not credited with what the others provide", async () => {
    const profile = parseProfile(exampleProfile());
    const twoComponents = () => {
      new ConditionalAccessBaseline("identity", { identity: profile.identity, mfaStrength: profile.mfa.strength });
      new AwsMfaEnforcement("aws-mfa", { groupName: "humans" });
    };
    const partial = await plan(exampleProfile(), twoComponents);
    const coverage = new Map(frameworkCoverage(partial.profile, partial.resources).map((c) => [c.item.id, c]));
    for (const id of ["cis-aws-3.1", "cis-aws-3.2", "ztmm-apps-accessible", "ztmm-networks-segmentation"] as const) {
      expect(coverage.get(id)?.status, id).toBe("not-met");
    }
    expect(coverage.get("cis-aws-3.1")!.gaps.join()).toContain("the stack declares none");
    expect(coverage.get("scuba-aad-7.4")!.status).toBe("not-met");
    // What the two components do declare is still credited.
    expect(coverage.get("nis2-21-2-j")!.status).toBe("met");
    // The whole baseline with the same profile is credited with all of it.
    const full = await plan(exampleProfile());
    const all = new Map(frameworkCoverage(full.profile, full.resources).map((c) => [c.item.id, c]));
    for (const id of ["cis-aws-3.1", "cis-aws-3.2", "ztmm-apps-accessible", "ztmm-networks-segmentation"] as const) {
      expect(all.get(id)?.status, id).toBe("met");
    }
  });
});
