import { describe, expect, it } from "vitest";
import { denyWithoutMfaDocument } from "../components/mfa/aws-mfa-enforcement";
import { exampleProfile, minimalProfile } from "./fixtures";
import { planProfile } from "./harness";

const POLICY = "aws:iam/policy:Policy";

describe("AwsMfaEnforcement", () => {
  it("declares a group whose policy denies every action without MFA", async () => {
    const resources = await planProfile(exampleProfile());
    const group = resources.find((r) => r.type === "aws:iam/group:Group")!;
    const policy = resources.find((r) => r.type === POLICY)!;
    const attachment = resources.find((r) => r.type === "aws:iam/groupPolicyAttachment:GroupPolicyAttachment")!;
    expect(group.inputs.name).toBe("zt-mfa-required");
    expect(attachment.propertyDependencies.group).toEqual([group.urn]);
    expect(attachment.propertyDependencies.policyArn).toEqual([policy.urn]);
    const doc = JSON.parse(policy.inputs.policy as string);
    expect(doc).toEqual(denyWithoutMfaDocument());
    const [statement] = doc.Statement;
    expect(statement).toMatchObject({
      Effect: "Deny",
      Resource: "*",
      Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
    });
    expect(statement.Action).toBeUndefined();
  });

  it("leaves only MFA self-enrolment reachable without MFA, nothing that grants access", () => {
    const [statement] = denyWithoutMfaDocument().Statement;
    for (const action of statement!.NotAction)
      expect(action).toMatch(/^(iam:(Create|Enable|Get|List|Resync|Change)\w*|sts:GetSessionToken)$/);
    expect(statement!.NotAction).not.toContain("iam:DeactivateMFADevice");
    expect(statement!.NotAction).not.toContain("iam:DeleteVirtualMFADevice");
  });

  it("is declared only where the profile has an AWS account, and can be switched off", async () => {
    expect((await planProfile(minimalProfile())).some((r) => r.type === POLICY)).toBe(false);
    const off = exampleProfile();
    off.mfa.aws = { enforce: false };
    expect((await planProfile(off)).some((r) => r.type === POLICY)).toBe(false);
  });

  it("one MFA strength drives every provider: Entra users' strength, Cloudflare requires MFA", async () => {
    const profile = exampleProfile();
    profile.mfa.strength = "phishing-resistant";
    const resources = await planProfile(profile);
    const strengths = resources.filter(
      (r) => r.type === "azuread:index/authenticationStrengthPolicy:AuthenticationStrengthPolicy",
    );
    expect(strengths.map((s) => s.inputs.displayName)).toEqual(["ZT-phishing-resistant"]);
    const policies = resources.filter(
      (r) => r.type === "cloudflare:index/zeroTrustAccessPolicy:ZeroTrustAccessPolicy" && r.name.endsWith("-allow"),
    );
    for (const p of policies) expect(p.inputs.requires).toContainEqual({ authMethod: { authMethod: "mfa" } });
  });
});
