import { describe, expect, it } from "vitest";
import { planConfig } from "../engine/plan-stack";
import { DEFAULT_PROJECT, profileKey } from "../sources/project";
import { ResourceIndex } from "../posture/index-resources";
import { readCloudflareAccess, CLOUDFLARE } from "../posture/readers/cloudflare-access";
import type { PlannedResource } from "../posture/resource";
import { isSecretValue, UNKNOWN } from "../posture/resource";
import { exampleProfile, minimalProfile } from "./fixtures";
import { planProfile } from "./harness";

type Json = Record<string, any>;
const IDP = "1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d";
const GROUP = "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f";

function withOneApp(app: Json = {}): Json {
  return {
    ...minimalProfile(),
    access: {
      cloudflare: { accountId: "0123456789abcdef0123456789abcdef", teamName: "fabrikam", identityProviderId: IDP },
      apps: [{ name: "wiki", domain: "wiki.fabrikam.example", audience: { groups: [GROUP] }, ...app }],
    },
  };
}

const accessOf = (resources: readonly PlannedResource[]) => readCloudflareAccess(new ResourceIndex(resources));
const one = (resources: readonly PlannedResource[], type: string, suffix: string) =>
  resources.find((r) => r.type === type && r.name.endsWith(suffix))!.inputs as Json;

describe("ZeroTrustApp", () => {
  it("a minimal app: Entra group AND MFA, only the tenant's IdP, the default 8h session", async () => {
    const { apps } = accessOf(await planProfile(withOneApp()));
    expect(apps).toHaveLength(1);
    const [app] = apps;
    expect(app).toMatchObject({
      name: "zt-fabrikam-wiki",
      domain: "wiki.fabrikam.example",
      type: "self_hosted",
      sessionMinutes: 480,
      allowedIdps: [IDP],
    });
    expect(app!.policies).toEqual([
      expect.objectContaining({
        decision: "allow",
        include: [`azureAd:${GROUP}`],
        require: ["authMethod:mfa"],
        exclude: [],
        sessionMinutes: 480,
      }),
    ]);
  });

  it("the example declares three bounded apps: web, SSH management, and a sensitive one with posture and approval", async () => {
    const profile = exampleProfile();
    const { apps } = accessOf(await planProfile(profile));
    expect(apps.map((a) => `${a.name} ${a.type}`).sort()).toEqual([
      "zt-contoso-bastion-ssh ssh",
      "zt-contoso-finance self_hosted",
      "zt-contoso-intranet self_hosted",
    ]);
    for (const app of apps) {
      expect(app.sessionMinutes!).toBeLessThanOrEqual(24 * 60);
      expect(app.allowedIdps).toEqual([profile.access.cloudflare.identityProviderId]);
      for (const p of app.policies) {
        expect(p.decision).not.toBe("bypass");
        expect(p.include).not.toContain("everyone");
        if (p.decision === "allow") expect(p.require).toContain("authMethod:mfa");
      }
    }
    const finance = apps.find((a) => a.name.endsWith("finance"))!.policies[0]!;
    expect(finance.require).toEqual(["authMethod:mfa", "devicePosture:f6a7b8c9-d0e1-4f2a-9b3c-4d5e6f7a8b92"]);
    expect(finance).toMatchObject({ approvalRequired: true, purposeJustificationRequired: true, sessionMinutes: 240 });
  });

  it("approvals name the approvers; sensitive apps get a binding cookie", async () => {
    const resources = await planProfile(exampleProfile());
    expect(one(resources, CLOUDFLARE.policy, "finance-allow").approvalGroups).toEqual([
      { approvalsNeeded: 1, emailAddresses: ["cfo@contoso.example"] },
    ]);
    expect(one(resources, CLOUDFLARE.application, "app-finance-application").enableBindingCookie).toBe(true);
    expect(one(resources, CLOUDFLARE.application, "app-intranet-application").enableBindingCookie).toBe(false);
  });

  it("a tunnel publishes the origin with no public ingress, checks the Access token at the origin, and routes DNS", async () => {
    const resources = await planProfile(exampleProfile());
    const config = resources.find((r) => r.name === "contoso-app-finance-tunnel-config")!;
    const tunnel = resources.find((r) => r.name === "contoso-app-finance-tunnel")!;
    expect(config.propertyDependencies.tunnelId).toEqual([tunnel.urn]);
    const [route, fallback] = (config.inputs as Json).config.ingresses;
    expect(route).toMatchObject({
      hostname: "finance.contoso.example",
      service: "https://finance.internal.contoso.example:8443",
      originRequest: { access: { required: true, teamName: "contoso" } },
    });
    expect(fallback).toEqual({ service: "http_status:404" });
    expect(tunnel.inputs).toMatchObject({ configSrc: "cloudflare" });
    expect(tunnel.inputs.tunnelSecret).toBeUndefined();
    const dns = one(resources, "cloudflare:index/dnsRecord:DnsRecord", "finance-dns");
    expect(dns).toMatchObject({
      name: "finance.contoso.example",
      type: "CNAME",
      proxied: true,
      zoneId: "fedcba9876543210fedcba9876543210",
    });
  });

  it("service tokens expire, and are admitted by a separate non-identity policy", async () => {
    const { apps, serviceTokens } = accessOf(await planProfile(exampleProfile()));
    expect(serviceTokens).toEqual([
      expect.objectContaining({ name: "zt-contoso-intranet-uptime-monitor", duration: 90 * 24 * 60 }),
    ]);
    const intranet = apps.find((a) => a.name.endsWith("intranet"))!;
    expect(intranet.policies.map((p) => p.decision)).toEqual(["allow", "non_identity"]);
    expect(intranet.policies[1]!.include).toHaveLength(1);
    expect(intranet.policies[1]!.include[0]).toMatch(/^serviceToken/);
  });

  it("tunnel tokens and service token secrets are stack outputs only as secrets", async () => {
    const config = { [profileKey(DEFAULT_PROJECT)]: JSON.stringify(exampleProfile()) };
    const { outputs } = await planConfig("example", config, "example");
    expect(isSecretValue(outputs.tunnelTokens)).toBe(true);
    expect(isSecretValue(outputs.serviceTokenSecrets)).toBe(true);
    const plain = Object.entries(outputs).filter(([, v]) => !isSecretValue(v));
    expect(JSON.stringify(plain)).not.toMatch(/secret|token/i);
    expect(plain.map(([k]) => k).sort()).toEqual([
      "accessApplicationIds",
      "awsSecurityGroupIds",
      "azureApplicationSecurityGroupIds",
      "azureNetworkSecurityGroupIds",
      "client",
      "conditionalAccessPolicyIds",
      "rollout",
    ]);
    expect(UNKNOWN).toHaveLength(36);
  });

  it("logical names are stable per app", async () => {
    const resources = await planProfile(exampleProfile(), "example");
    const names = resources
      .filter((r) => r.parent?.includes("ZeroTrustApp"))
      .map((r) => r.name)
      .sort();
    expect(names).toEqual(
      [
        "contoso-app-intranet-application",
        "contoso-app-intranet-allow",
        "contoso-app-intranet-service-tokens",
        "contoso-app-intranet-token-uptime-monitor",
        "contoso-app-bastion-ssh-application",
        "contoso-app-bastion-ssh-allow",
        "contoso-app-bastion-ssh-tunnel",
        "contoso-app-bastion-ssh-tunnel-config",
        "contoso-app-bastion-ssh-dns",
        "contoso-app-finance-application",
        "contoso-app-finance-allow",
        "contoso-app-finance-tunnel",
        "contoso-app-finance-tunnel-config",
        "contoso-app-finance-dns",
      ].sort(),
    );
  });
});
