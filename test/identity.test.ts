import { describe, expect, it } from "vitest";
import { CONTROLS } from "../catalog/controls";
import { PRIVILEGED_ROLE_IDS } from "../catalog/privileged-roles";
import { selectControls } from "../profile/select-controls";
import { parseProfile, ProfileError } from "../profile";
import type { PlannedResource } from "../posture/resource";
import { exampleProfile, minimalProfile } from "./fixtures";
import { byType, planProfile, TYPES } from "./harness";

type Json = Record<string, any>;
const inputs = (r: PlannedResource) => r.inputs as Json;
/** The controls the default preset declares (the strict preset adds its own). */
const SMB = CONTROLS.filter((c) => !c.presets || c.presets.includes("smb"));
const policyName = (r: PlannedResource) => r.name.replace(/^[a-z]+-identity-/, "");

describe("ConditionalAccessBaseline", () => {
  it("declares every P1 control for a minimal profile, report-only, country block left undeclared", async () => {
    const policies = byType(await planProfile(minimalProfile()), TYPES.caPolicy);
    const expected = SMB.filter((c) => c.licence === "P1" && c.id !== "block-non-allowed-countries");
    expect(policies.map(policyName).sort()).toEqual(expected.map((c) => c.id).sort());
    for (const p of policies) {
      const reportOnly = CONTROLS.find((c) => c.id === policyName(p))!.reportOnlyCapable;
      expect(inputs(p).state).toBe(reportOnly ? "enabledForReportingButNotEnforced" : "enabled");
    }
  });

  it("declares all 19 controls of the SMB preset, 2 named locations and 2 strengths for the example client", async () => {
    const resources = await planProfile(exampleProfile());
    expect(byType(resources, TYPES.caPolicy)).toHaveLength(SMB.length);
    expect(SMB).toHaveLength(19);
    expect(
      byType(resources, TYPES.namedLocation)
        .map((r) => inputs(r).displayName)
        .sort(),
    ).toEqual(["ZT-AllowedCountries", "ZT-TrustedNetworks"]);
    expect(
      byType(resources, TYPES.strength)
        .map((r) => inputs(r).displayName)
        .sort(),
    ).toEqual(["ZT-passwordless", "ZT-phishing-resistant"]);
  });

  it("excludes the break-glass group and accounts from every policy, and nobody else undeclared", async () => {
    const profile = exampleProfile();
    const { groupId, accounts } = profile.identity.breakGlass;
    const declared = profile.identity.exclusions[0];
    for (const p of byType(await planProfile(profile), TYPES.caPolicy)) {
      const users = inputs(p).conditions.users;
      const extra = policyName(p) === declared.control ? declared.groups : [];
      expect(users.excludedGroups, p.name).toEqual([groupId, ...extra]);
      expect(users.excludedUsers, p.name).toEqual(accounts);
      expect([...(users.includedGroups ?? []), ...(users.includedUsers ?? [])]).not.toContain(groupId);
    }
  });

  it("enforce rollout deploys every policy enabled", async () => {
    const profile = minimalProfile();
    profile.identity.rollout = "enforce";
    const states = byType(await planProfile(profile), TYPES.caPolicy).map((p) => inputs(p).state);
    expect(new Set(states)).toEqual(new Set(["enabled"]));
  });

  it("risk-based controls need P2: skipped with a reason on P1, declared on P2", async () => {
    const risk = CONTROLS.filter((c) => c.licence === "P2").map((c) => c.id);
    expect(risk).toEqual(["block-high-user-risk", "block-high-sign-in-risk", "mfa-medium-sign-in-risk"]);
    const p1 = selectControls(parseProfile(minimalProfile()).identity, CONTROLS).filter((d) => !d.declared);
    expect(p1.filter((d) => risk.includes(d.control.id)).map((d) => !d.declared && d.why)).toEqual(
      risk.map(() => "needs Entra ID P2 (identity.licence is P1)"),
    );
    const profile = minimalProfile();
    profile.identity.licence = "P2";
    const names = byType(await planProfile(profile), TYPES.caPolicy).map(policyName);
    expect(names).toEqual(expect.arrayContaining(risk));
  });

  it("an opt-out with a reason removes the control and the plan says why", async () => {
    const profile = minimalProfile();
    const reason = "Linux thin clients report as unknown platforms until the fleet is replaced.";
    profile.identity.optOuts = [{ control: "block-unknown-platforms", reason }];
    expect(byType(await planProfile(profile), TYPES.caPolicy).map(policyName)).not.toContain("block-unknown-platforms");
    const decision = selectControls(parseProfile(profile).identity, CONTROLS).find(
      (d) => d.control.id === "block-unknown-platforms",
    );
    expect(decision).toEqual(expect.objectContaining({ declared: false, why: `opted out: ${reason}` }));
  });

  it("an opt-out without a reason is refused before anything is registered", async () => {
    const profile = minimalProfile();
    profile.identity.optOuts = [{ control: "block-legacy-auth" }];
    await expect(planProfile(profile)).rejects.toThrow(ProfileError);
    await expect(planProfile(profile)).rejects.toThrow(/identity\.optOuts\[0\]\.reason: required/);
  });

  it("admins need phishing-resistant MFA whatever the users' strength", async () => {
    const resources = await planProfile(minimalProfile());
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const strengthOf = (id: string) => {
      const p = resources.find((r) => r.type === TYPES.caPolicy && policyName(r) === id)!;
      return p.propertyDependencies.grantControls!.map((u) => inputs(byUrn.get(u)!).displayName);
    };
    expect(strengthOf("admins-phishing-resistant-mfa")).toEqual(["ZT-phishing-resistant"]);
    expect(strengthOf("mfa-all-users")).toEqual(["ZT-mfa"]);
    const admin = resources.find(
      (r) => r.type === TYPES.caPolicy && policyName(r) === "admins-phishing-resistant-mfa",
    )!;
    expect(inputs(admin).conditions.users.includedRoles).toEqual(PRIVILEGED_ROLE_IDS);
  });

  it("phishing-resistant strength allows only FIDO2, Windows Hello and certificates", async () => {
    const strength = byType(await planProfile(minimalProfile()), TYPES.strength).find(
      (r) => inputs(r).displayName === "ZT-phishing-resistant",
    )!;
    expect(inputs(strength).allowedCombinations).toEqual([
      "windowsHelloForBusiness",
      "fido2",
      "x509CertificateMultiFactor",
    ]);
  });

  it("no strength allows SMS or voice", async () => {
    const profile = minimalProfile();
    for (const strength of ["mfa", "passwordless", "phishing-resistant"]) {
      profile.mfa = { strength };
      for (const r of byType(await planProfile(profile), TYPES.strength)) {
        expect((inputs(r).allowedCombinations as string[]).join(",")).not.toMatch(/sms|voice/);
      }
    }
  });

  it("block-non-allowed-countries excludes exactly the allowed-countries location", async () => {
    const resources = await planProfile(exampleProfile());
    const policy = resources.find((r) => policyName(r) === "block-non-allowed-countries")!;
    const [location] = policy.propertyDependencies.conditions!.map((u) => resources.find((r) => r.urn === u)!);
    expect(inputs(location!).country).toEqual({
      countriesAndRegions: ["NL", "BE", "DE", "GB"],
      includeUnknownCountriesAndRegions: false,
    });
    expect(inputs(policy).conditions.locations.includedLocations).toEqual(["All"]);
  });

  it("keeps stable logical names and declares no aliases (a rename would replace a client's policies)", async () => {
    const resources = await planProfile(exampleProfile(), "example");
    const identity = resources
      .filter((r) => r.parent?.endsWith("::contoso-identity"))
      .map((r) => r.name)
      .sort();
    expect(identity).toEqual(
      [
        ...SMB.map((c) => `contoso-identity-${c.id}`),
        "contoso-identity-allowed-countries",
        "contoso-identity-trusted-networks",
        "contoso-identity-strength-passwordless",
        "contoso-identity-strength-phishing-resistant",
      ].sort(),
    );
    // Old-type aliases come from provider SDKs (azure-native lists its API versions); renames would be ours.
    expect(resources.flatMap((r) => r.aliases ?? []).filter((a) => a.urn || a.name)).toEqual([]);
  });

  it("every catalog control has a persona-based name, a rationale and a reference", () => {
    const ids = new Set<string>();
    for (const c of CONTROLS) {
      expect(c.displayName).toMatch(/^CA\d{3}-(Global|Admins|Guests)-[A-Za-z]+-[A-Za-z]+-[A-Za-z]+-[A-Za-z0-9-]+$/);
      expect(c.id).toMatch(/^[a-z][a-z0-9-]+$/);
      expect(c.rationale.length).toBeGreaterThan(20);
      expect(c.references.length).toBeGreaterThan(0);
      expect(ids.has(c.id)).toBe(false);
      ids.add(c.id);
    }
  });
});
