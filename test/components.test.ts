import { describe, expect, it } from "vitest";
import { runProgramOffline } from "../engine/mock-engine";
import {
  AwsMfaEnforcement,
  AwsMonitoring,
  AwsTierSegmentation,
  AzureTierSegmentation,
  CloudflareLogpush,
  ConditionalAccessBaseline,
  EntraLogMonitoring,
  PrivilegedAccess,
  ZeroTrustApp,
  ZeroTrustBaseline,
} from "../index";
import { ComponentArgsError } from "../components/args";
import { parseProfile } from "../profile";
import type { PlannedResource } from "../posture/resource";
import { exampleProfile } from "./fixtures";

// Each component on its own, constructed from the package's root exports under Pulumi's mocks,
// outside any profile or ZeroTrustBaseline: what it registers (type, logical name, inputs), and
// args it refuses before registering anything.

const ACCOUNTS = ["7c9e6679-7425-40de-944b-e07fc1f90ae7", "9b2c1f4e-3d5a-4c6b-8e7f-0a1b2c3d4e5f"];

async function registered(construct: () => void): Promise<PlannedResource[]> {
  const { resources } = await runProgramOffline(construct, { project: "corp-infra", stack: "dev", config: {} });
  return resources.filter((r) => r.type !== "pulumi:pulumi:Stack");
}

const ofType = (rs: readonly PlannedResource[], type: string) => rs.filter((r) => r.type === type);

/** Throws the component's refusal, or fails when it registered anyway. */
function refusal(construct: () => void): string[] {
  try {
    construct();
  } catch (e) {
    expect(e).toBeInstanceOf(ComponentArgsError);
    return (e as ComponentArgsError).problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error("the component accepted its args");
}

const FLOWS = [
  { from: "internet", to: "web", protocol: "tcp" as const, ports: [{ from: 443, to: 443 }] },
  { from: "web", to: "app", protocol: "tcp" as const, ports: [{ from: 8443, to: 8443 }] },
];

describe("each component alone", () => {
  it("AwsTierSegmentation: a tagged group per tier, and each flow as an ingress rule with its mirror egress", async () => {
    const rs = await registered(
      () =>
        new AwsTierSegmentation("corp", { client: "corp", vpcId: "vpc-0a1b2c3d", tiers: ["web", "app"], flows: FLOWS }),
    );
    expect(rs[0]!.type).toBe("zt-baseline:network:AwsTierSegmentation");
    const groups = ofType(rs, "aws:ec2/securityGroup:SecurityGroup");
    expect(groups.map((g) => [g.name, (g.inputs.tags as Record<string, string>)["zt:tier"]])).toEqual([
      ["corp-web", "web"],
      ["corp-app", "app"],
    ]);
    const ingress = ofType(rs, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
    expect(ingress.map((r) => [r.name, r.inputs.fromPort, r.inputs.cidrIpv4 ?? "by reference"])).toEqual([
      ["corp-internet-to-web-tcp-443-in", 443, "0.0.0.0/0"],
      ["corp-web-to-app-tcp-8443-in", 8443, "by reference"],
    ]);
    expect(ofType(rs, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule")).toHaveLength(1);
    expect(rs.every((r) => r.parent === rs[0]!.urn || r === rs[0])).toBe(true);
  });

  it("AwsTierSegmentation refuses a flow to an undeclared tier, a tier named twice and a tcp flow without ports", () => {
    const flows = [...FLOWS, { from: "app", to: "db", protocol: "tcp" as const, ports: [] }];
    expect(
      refusal(
        () => new AwsTierSegmentation("x", { client: "corp", vpcId: "vpc-1", tiers: ["web", "app", "web"], flows }),
      ),
    ).toEqual([
      'tiers[2]: tier "web" is declared twice',
      'flows[2].to: "db" is not one of the tiers (web, app, web)',
      "flows[2].ports: a tcp flow names its ports",
    ]);
  });

  it("AzureTierSegmentation: an ASG and an NSG per tier, rules between ASGs, deny-all both ways", async () => {
    const rs = await registered(
      () =>
        new AzureTierSegmentation("corp", {
          client: "corp",
          resourceGroupName: "rg-net",
          location: "westeurope",
          tiers: ["web", "app"],
          edgeTier: "web",
          flows: FLOWS,
        }),
    );
    expect(ofType(rs, "azure-native:network:ApplicationSecurityGroup").map((r) => r.name)).toEqual([
      "corp-web-asg",
      "corp-app-asg",
    ]);
    const rules = ofType(rs, "azure-native:network:SecurityRule");
    expect(rules.filter((r) => r.inputs.access === "Deny" && r.inputs.priority === 4096)).toHaveLength(4);
    expect(rules.filter((r) => r.inputs.access === "Allow").every((r) => r.inputs.resourceGroupName === "rg-net")).toBe(
      true,
    );
  });

  it("AzureTierSegmentation refuses an edge tier that is not a tier", () => {
    expect(
      refusal(
        () =>
          new AzureTierSegmentation("x", {
            client: "corp",
            resourceGroupName: "rg",
            location: "westeurope",
            tiers: ["web", "app"],
            edgeTier: "dmz",
            flows: FLOWS,
          }),
      ),
    ).toEqual(['edgeTier: "dmz" is not one of the tiers (web, app)']);
  });

  it("ConditionalAccessBaseline: the catalog's policies, each excluding the break-glass group", async () => {
    const identity = parseProfile(exampleProfile()).identity;
    const rs = await registered(() => new ConditionalAccessBaseline("corp", { identity, mfaStrength: "mfa" }));
    const policies = ofType(rs, "azuread:index/conditionalAccessPolicy:ConditionalAccessPolicy");
    expect(policies).toHaveLength(19); // the SMB preset's controls
    expect(policies.map((p) => p.name)).toEqual(
      expect.arrayContaining(["corp-mfa-device-registration", "corp-guest-session-limits"]),
    );
    for (const p of policies) {
      const users = (p.inputs.conditions as { users: { excludedGroups: string[] } }).users;
      expect(users.excludedGroups, p.name).toContain(identity.breakGlass.groupId);
    }
  });

  it("ConditionalAccessBaseline refuses a break-glass group that is not an object id (everyone would be locked out)", () => {
    const identity = parseProfile(exampleProfile()).identity;
    const bad = { ...identity, breakGlass: { ...identity.breakGlass, groupId: "" } };
    expect(refusal(() => new ConditionalAccessBaseline("x", { identity: bad, mfaStrength: "mfa" }))).toEqual([
      'identity.breakGlass.groupId: "" is not an object id (a GUID)',
    ]);
  });

  it("PrivilegedAccess: the break-glass accounts as the only permanent Global Administrators", async () => {
    const settings = parseProfile(exampleProfile()).privilegedAccess!;
    const rs = await registered(() => new PrivilegedAccess("corp", { settings, breakGlassAccounts: ACCOUNTS }));
    const permanent = ofType(rs, "azuread:index/directoryRoleAssignment:DirectoryRoleAssignment");
    expect(permanent.map((r) => r.inputs.principalObjectId)).toEqual(ACCOUNTS);
    expect(ofType(rs, "aws:iam/role:Role")).toEqual([]); // no AWS account, no AWS role
  });

  it("PrivilegedAccess refuses a single break-glass account", () => {
    const settings = parseProfile(exampleProfile()).privilegedAccess!;
    expect(refusal(() => new PrivilegedAccess("x", { settings, breakGlassAccounts: [ACCOUNTS[0]!] }))[0]).toMatch(
      /^breakGlassAccounts: name at least 2 break-glass accounts/,
    );
  });

  it("AwsMfaEnforcement: a group whose policy denies everything without MFA; refuses a bad group name", async () => {
    const rs = await registered(() => new AwsMfaEnforcement("corp", { groupName: "mfa-required" }));
    expect(ofType(rs, "aws:iam/group:Group").map((r) => r.inputs.name)).toEqual(["mfa-required"]);
    const policy = JSON.parse(ofType(rs, "aws:iam/policy:Policy")[0]!.inputs.policy as string);
    expect(JSON.stringify(policy)).toContain("aws:MultiFactorAuthPresent");
    expect(refusal(() => new AwsMfaEnforcement("x", { groupName: "no spaces" }))).toHaveLength(1);
  });

  it("ZeroTrustApp: an Access app allowing only the tenant's IdP, with a Go duration; refuses a bad duration", async () => {
    const app = parseProfile(exampleProfile()).access!.apps[0]!;
    const args = { client: "corp", accountId: "acc", teamName: "corp", identityProviderId: "idp-1", app };
    const rs = await registered(() => new ZeroTrustApp("corp-app", { ...args, sessionDuration: "90m" }));
    const application = ofType(rs, "cloudflare:index/zeroTrustAccessApplication:ZeroTrustAccessApplication")[0]!;
    expect(application.inputs.allowedIdps).toEqual(["idp-1"]);
    expect(application.inputs.sessionDuration).toBe("90m");
    expect(refusal(() => new ZeroTrustApp("x", { ...args, sessionDuration: "forever" }))).toEqual([
      'sessionDuration: "forever" is not a duration like "8h" (minutes m, hours h, days d)',
    ]);
  });

  it("ZeroTrustBaseline refuses a profile whose Logpush destination is a secret it was not given", async () => {
    const raw = exampleProfile();
    raw.monitoring.cloudflareLogpush = { destinationFromSecret: "logpushDestination" };
    const profile = parseProfile(raw);
    expect(refusal(() => new ZeroTrustBaseline("corp", { profile }))).toEqual([
      'logpushDestination: the profile takes the Logpush destination from the secret "logpushDestination": pass it (declareBaseline reads it from stack config)',
    ]);
    const rs = await registered(() => new ZeroTrustBaseline("corp", { profile, logpushDestination: "s3://logs" }));
    expect(ofType(rs, "cloudflare:index/logpushJob:LogpushJob")).toHaveLength(1);
  });

  it("the monitoring components register their resources and refuse an account id that is not one", async () => {
    const rs = await registered(() => {
      new AwsMonitoring("corp", {
        client: "corp",
        accountId: "123456789012",
        contacts: ["soc@corp.example"],
        cloudtrail: true,
        guardduty: true,
      });
      new EntraLogMonitoring("corp", {
        client: "corp",
        resourceGroupName: "rg",
        location: "westeurope",
        retentionInDays: 90,
        contacts: ["soc@corp.example"],
        breakGlassAccounts: ACCOUNTS,
      });
      new CloudflareLogpush("corp", {
        client: "corp",
        accountId: "acc",
        destination: "s3://logs/access?region=eu-west-1",
      });
    });
    expect(ofType(rs, "aws:cloudtrail/trail:Trail")[0]!.inputs.isMultiRegionTrail).toBe(true);
    expect(ofType(rs, "aws:guardduty/detector:Detector")).toHaveLength(1);
    expect(ofType(rs, "cloudflare:index/logpushJob:LogpushJob")).toHaveLength(1);
    expect(
      refusal(
        () =>
          new AwsMonitoring("x", {
            client: "corp",
            accountId: "12345",
            contacts: [],
            cloudtrail: false,
            guardduty: true,
          }),
      ),
    ).toEqual(['accountId: "12345" is not an AWS account id (12 digits)']);
  });
});

describe("the offline run", () => {
  it("captures no stack frames while the program runs (the SDK takes a trace per promise and output), and restores the limit", async () => {
    const before = Error.stackTraceLimit;
    let during: number | undefined;
    let made: Error | undefined;
    await runProgramOffline(
      () => {
        during = Error.stackTraceLimit;
        made = new Error("in the program");
      },
      { project: "corp-infra", stack: "dev", config: {} },
    );
    expect(during).toBe(0);
    expect(made!.stack).toBe("Error: in the program");
    expect(Error.stackTraceLimit).toBe(before);
  });
});
