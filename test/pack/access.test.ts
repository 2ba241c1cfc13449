import { describe, expect, it } from "vitest";
import { add, edit, handWritten, names, usePack } from "../pack-harness";

const { mandatory, unconfigured } = usePack();
const ACCOUNT = "0123456789abcdef0123456789abcdef";

describe("access-no-everyone-without-require", () => {
  const rule = "access-no-everyone-without-require";
  it("blocks opening an app to everyone with nothing required", async () => {
    const found = await mandatory(
      edit("contoso-app-intranet-allow", (i) => Object.assign(i, { includes: [{ everyone: {} }], requires: [] })),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        policyName: rule,
        urn: expect.stringMatching(/intranet-allow$/),
        message: expect.stringMatching(/allows everyone with nothing required/),
      }),
    );
  });
  it("blocks a legacy (v4-style) policy with everyone", async () => {
    const legacy = handWritten("cloudflare:index/accessPolicy:AccessPolicy", "old-wiki", {
      name: "wiki",
      decision: "allow",
      include: [{ everyone: true }],
    });
    expect(names(await mandatory(add(legacy)))).toContain(rule);
  });
  it.each([
    [
      "non_identity with everyone (no identity at all)",
      { decision: "non_identity", includes: [{ everyone: {} }], requires: [] },
      /without any identity/,
    ],
    ["an IP range covering the internet", { includes: [{ ip: { ip: "0.0.0.0/0" } }], requires: [] }, /allows everyone/],
    [
      "half the internet at a time",
      { includes: [{ ip: { ip: "0.0.0.0/1" } }, { ip: { ip: "128.0.0.0/1" } }], requires: [] },
      /allows everyone/,
    ],
    [
      "a public e-mail domain (anyone can open an account)",
      { includes: [{ emailDomain: { domain: "Gmail.com" } }], requires: [] },
      /allows everyone/,
    ],
    [
      "everyone beside a require anyone meets",
      { includes: [{ everyone: {} }], requires: [{ ip: { ip: "::/0" } }] },
      /allows everyone/,
    ],
  ])("blocks %s", async (_title, policy, message) => {
    const found = await mandatory(edit("contoso-app-intranet-allow", (i) => Object.assign(i, policy)));
    expect(found).toContainEqual(
      expect.objectContaining({ policyName: rule, message: expect.stringMatching(message) }),
    );
  });
  it("passes the company's own e-mail domain and an office range", async () => {
    const found = await mandatory(
      edit("contoso-app-intranet-allow", (i) =>
        Object.assign(i, {
          includes: [{ emailDomain: { domain: "contoso.com" } }, { ip: { ip: "203.0.113.0/24" } }],
          requires: [],
        }),
      ),
    );
    expect(names(found)).not.toContain(rule);
  });
  it("does not fire when everyone must still pass MFA", async () => {
    const found = await mandatory(edit("contoso-app-intranet-allow", (i) => (i.includes = [{ everyone: {} }])));
    expect(names(found)).not.toContain(rule);
  });
});

describe("access-no-bypass", () => {
  it("blocks a bypass decision", async () => {
    const found = await mandatory(edit("contoso-app-finance-allow", (i) => (i.decision = "bypass")));
    expect(found).toContainEqual(
      expect.objectContaining({ policyName: "access-no-bypass", message: expect.stringMatching(/bypasses Access/) }),
    );
  });
});

describe("access-no-bypass (narrowing)", () => {
  it("passes a deny policy added in front of an app", async () => {
    const deny = handWritten("cloudflare:index/zeroTrustAccessPolicy:ZeroTrustAccessPolicy", "deny-contractors", {
      accountId: ACCOUNT,
      name: "deny-contractors",
      decision: "deny",
      includes: [{ emailDomain: { domain: "contractors.example" } }],
    });
    expect(await mandatory(add(deny))).toEqual([]);
  });
});

describe("access-session-within-ceiling", () => {
  const rule = "access-session-within-ceiling";
  it("blocks an application session beyond the ceiling", async () => {
    const found = await mandatory(edit("contoso-app-intranet-application", (i) => (i.sessionDuration = "48h")));
    expect(found).toContainEqual(
      expect.objectContaining({ policyName: rule, message: expect.stringMatching(/48h, beyond the 24h ceiling/) }),
    );
  });
  it("blocks a policy session beyond the ceiling", async () => {
    expect(names(await mandatory(edit("contoso-app-finance-allow", (i) => (i.sessionDuration = "720h"))))).toContain(
      rule,
    );
  });
  // Cloudflare takes Go durations: decimals, combined units, sub-second units.
  it.each(["24.5h", "1440m30s", "86401s", "1470m0.5s"])("blocks a session of %s (beyond 24h)", async (d) => {
    expect(names(await mandatory(edit("contoso-app-intranet-application", (i) => (i.sessionDuration = d))))).toContain(
      rule,
    );
  });
  it.each(["1.5h", "90m0s", "300ms"])("passes a session of %s", async (d) => {
    expect(await mandatory(edit("contoso-app-intranet-application", (i) => (i.sessionDuration = d)))).toEqual([]);
  });
  it("passes a shorter session", async () => {
    expect(await mandatory(edit("contoso-app-intranet-application", (i) => (i.sessionDuration = "1h")))).toEqual([]);
  });
});

describe("access-require-mfa", () => {
  const rule = "access-require-mfa";
  it("blocks an app whose allow policy stops requiring MFA", async () => {
    const found = await mandatory(edit("contoso-app-bastion-ssh-allow", (i) => (i.requires = [])));
    expect(found).toContainEqual(
      expect.objectContaining({
        policyName: rule,
        message: expect.stringMatching(/lets people into 'ssh\.contoso\.example' without MFA/),
      }),
    );
  });
  it("passes an app that requires more (MFA and device posture)", async () => {
    const found = await mandatory(
      edit("contoso-app-intranet-allow", (i) =>
        i.requires.push({ devicePosture: { integrationUid: "f6a7b8c9-d0e1-4f2a-9b3c-4d5e6f7a8b92" } }),
      ),
    );
    expect(found).toEqual([]);
  });
});

describe("access-service-tokens-expire", () => {
  const rule = "access-service-tokens-expire";
  it("blocks a token that never expires", async () => {
    const found = await mandatory(edit("contoso-app-intranet-token-uptime-monitor", (i) => (i.duration = "forever")));
    expect(found).toContainEqual(
      expect.objectContaining({ policyName: rule, message: expect.stringMatching(/never expires/) }),
    );
  });
  it("blocks a token that lives longer than a year", async () => {
    const token = handWritten("cloudflare:index/zeroTrustAccessServiceToken:ZeroTrustAccessServiceToken", "ci", {
      accountId: ACCOUNT,
      name: "ci",
      duration: "17520h",
    });
    expect(names(await mandatory(add(token)))).toContain(rule);
  });
  it("passes a shorter-lived token", async () => {
    expect(await mandatory(edit("contoso-app-intranet-token-uptime-monitor", (i) => (i.duration = "720h")))).toEqual(
      [],
    );
  });
});

describe("access-tunnel-routes-behind-access", () => {
  const rule = "access-tunnel-routes-behind-access";
  const TUNNEL_CONFIG = "cloudflare:index/zeroTrustTunnelCloudflaredConfig:ZeroTrustTunnelCloudflaredConfig";
  const config = (name: string, ingresses: object[], type = TUNNEL_CONFIG) =>
    handWritten(type, name, { accountId: ACCOUNT, tunnelId: "t", config: { ingresses } });
  // An app covers a route only with a policy that checks people (here an inline allow for one person, with MFA).
  const allow = {
    decision: "allow",
    includes: [{ email: { email: "ops@contoso.com" } }],
    requires: [{ authMethod: { authMethod: "mfa" } }],
  };
  const app = (name: string, inputs: object) =>
    handWritten("cloudflare:index/zeroTrustAccessApplication:ZeroTrustAccessApplication", name, {
      accountId: ACCOUNT,
      name,
      type: "self_hosted",
      policies: [allow],
      ...inputs,
    });
  it("blocks SSH and RDP published with no Access app; passes them behind an app (domain, wildcard, destination) or cloudflared's own check; advises on a bare web origin", async () => {
    const v = await unconfigured([
      app("ssh", { domain: "ssh.contoso.com" }),
      app("wildcard", { destinations: [{ type: "public", uri: "*.ops.contoso.com" }] }),
      app("admin-path", { domain: "tools.contoso.com/admin" }),
      config("hosts", [
        { hostname: "ssh.contoso.com", service: "ssh://localhost:22" },
        { hostname: "jump.ops.contoso.com", service: "ssh://10.0.0.5:22" },
        { hostname: "rdp.contoso.com", service: "rdp://10.0.0.9:3389" },
        { hostname: "tools.contoso.com", service: "tcp://localhost:5432" },
        {
          hostname: "db.contoso.com",
          service: "tcp://localhost:5432",
          originRequest: { access: { required: true, teamName: "contoso", audTags: ["a"] } },
        },
        { hostname: "www.contoso.com", service: "http://localhost:8080" },
        { service: "http_status:404" },
      ]),
      config("legacy", [{ service: "ssh://localhost:22" }], "cloudflare:index/tunnelConfig:TunnelConfig"),
    ]);
    const found = v.mandatory.filter((d) => d.policyName === rule);
    expect(
      found.map((d) =>
        d.message
          .match(/publishes (\S+) at (\S+)/)!
          .slice(1)
          .join(" "),
      ),
    ).toEqual([
      "rdp://10.0.0.9:3389 rdp.contoso.com",
      "tcp://localhost:5432 tools.contoso.com",
      "ssh://localhost:22 every",
    ]);
    expect(v.notices).toMatch(
      /publishes http:\/\/localhost:8080 at www\.contoso\.com with no Access application: right for a public site/,
    );
  });
  it("the baseline's own tunnel passes: cloudflared checks the Access token", async () => {
    expect(names(await mandatory())).not.toContain(rule);
  });
});
