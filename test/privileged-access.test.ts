import { describe, expect, it } from "vitest";
import { assumeWithMfa, GLOBAL_ADMINISTRATOR } from "../components/identity/privileged-access";
import { parseProfile, ProfileError } from "../profile";
import { postureOf } from "../posture/build";
import { exampleProfile, minimalProfile } from "./fixtures";
import { planProfile } from "./harness";

const byType = (rs: readonly { type: string }[], t: string) => rs.filter((r) => r.type === t);

describe("PrivilegedAccess", () => {
  it("the example: break-glass are the only permanent Global Administrators, admins are eligible, AWS admin needs MFA", async () => {
    const profile = exampleProfile();
    const resources = await planProfile(profile, "example");
    const permanent = byType(resources, "azuread:index/directoryRoleAssignment:DirectoryRoleAssignment");
    expect(permanent.map((r: any) => [r.inputs.roleId, r.inputs.principalObjectId])).toEqual(
      profile.identity.breakGlass.accounts.map((a: string) => [GLOBAL_ADMINISTRATOR, a]),
    );
    const eligible = byType(
      resources,
      "azuread:index/directoryRoleEligibilityScheduleRequest:DirectoryRoleEligibilityScheduleRequest",
    );
    expect(eligible.map((r: any) => r.inputs.roleDefinitionId)).toEqual(
      profile.privilegedAccess.eligible.map((e: { role: string }) => e.role),
    );
    const role: any = byType(resources, "aws:iam/role:Role")[0];
    expect(role.inputs.maxSessionDuration).toBe(3600);
    expect(JSON.parse(role.inputs.assumeRolePolicy)).toEqual(assumeWithMfa("123456789012", 3600));
    const grants = postureOf(resources).privilege.grants;
    expect(grants.filter((g) => g.kind === "entra-role" && g.permanent).length).toBe(2);
    expect(grants.filter((g) => g.kind === "entra-role" && !g.permanent).length).toBe(2);
  });

  it("the admin role can be assumed only with a fresh MFA", () => {
    const [statement] = assumeWithMfa("123456789012", 3600).Statement;
    expect(statement!.Condition).toEqual({
      Bool: { "aws:MultiFactorAuthPresent": "true" },
      NumericLessThan: { "aws:MultiFactorAuthAge": "3600" },
    });
    expect(statement!.Principal).toEqual({ AWS: "arn:aws:iam::123456789012:root" });
  });

  it("is not declared unless the profile asks for it", async () => {
    const resources = await planProfile(minimalProfile());
    expect(byType(resources, "azuread:index/directoryRoleAssignment:DirectoryRoleAssignment")).toEqual([]);
  });

  it.each([
    [
      "fewer than 2 break-glass accounts",
      (p: any) => (p.identity.breakGlass.accounts = [p.identity.breakGlass.accounts[0]]),
      "identity.breakGlass.accounts",
      /at least 2 break-glass accounts/,
    ],
    [
      "more break-glass accounts than allowed",
      (p: any) => {
        p.identity.breakGlass.accounts.push("7e6d5c4b-3a2f-4e1d-8c0b-9a8f7e6d5c4b");
        p.privilegedAccess.maxGlobalAdmins = 2;
      },
      "identity.breakGlass.accounts",
      /3 break-glass accounts exceed privilegedAccess\.maxGlobalAdmins \(2\)/,
    ],
    [
      "a break-glass account made eligible",
      (p: any) => (p.privilegedAccess.eligible[0].principal = p.identity.breakGlass.accounts[0]),
      "privilegedAccess.eligible[0].principal",
      /need no eligibility/,
    ],
    [
      "an eligibility without a reason",
      (p: any) => delete p.privilegedAccess.eligible[0].justification,
      "privilegedAccess.eligible[0].justification",
      /required/,
    ],
    [
      "an AWS admin session of 13h",
      (p: any) => (p.privilegedAccess.aws.maxSession = "13h"),
      "privilegedAccess.aws.maxSession",
      /from 1h to 12h/,
    ],
  ])("refuses %s", (_t, mutate, path, message) => {
    const raw = exampleProfile();
    mutate(raw);
    try {
      parseProfile(raw);
      throw new Error("accepted");
    } catch (e) {
      expect(e).toBeInstanceOf(ProfileError);
      expect((e as ProfileError).problems).toContainEqual({ path, message: expect.stringMatching(message) });
    }
  });
});
