import { describe, expect, it } from "vitest";
import { parseProfile, ProfileError } from "../profile";
import { defaultFlows } from "../profile/tier-model";
import { PRIVILEGED_ROLE_IDS } from "../catalog/privileged-roles";
import { exampleProfile, minimalProfile } from "./fixtures";

function problems(raw: unknown) {
  try {
    parseProfile(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
    return (e as ProfileError).problems;
  }
  throw new Error("profile was accepted");
}

describe("valid profiles", () => {
  it("a minimal profile gets the secure defaults", () => {
    const p = parseProfile(minimalProfile());
    expect(p.identity.rollout).toBe("reportOnly");
    expect(p.identity.licence).toBe("P1");
    expect(p.identity.adminRoles).toEqual(PRIVILEGED_ROLE_IDS);
    expect(p.mfa.strength).toBe("mfa");
    expect(p.network.tiers).toEqual(["edge", "web", "app", "data", "mgmt"]);
    expect(p.network.flows).toEqual(defaultFlows(p.network));
    expect(p.network.flows.filter((f) => f.from === "internet")).toEqual([
      { from: "internet", to: "edge", protocol: "tcp", ports: [{ from: 443, to: 443 }] },
    ]);
    expect(p.access).toBeUndefined();
  });

  it("default flows go one tier inwards at a time, management reaching every workload tier", () => {
    const flows = parseProfile(minimalProfile()).network.flows.map((f) => `${f.from}>${f.to}`);
    expect(flows).toEqual(["internet>edge", "edge>web", "web>app", "app>data", "mgmt>web", "mgmt>app", "mgmt>data"]);
  });

  it("a custom tier model derives its own default flows", () => {
    const raw = minimalProfile();
    raw.network = { tiers: ["lb", "api", "db", "ops"], edgeTier: "lb", managementTier: "ops" };
    const flows = parseProfile(raw).network.flows.map(
      (f) => `${f.from}>${f.to}:${f.ports.map((p) => p.from).join(",")}`,
    );
    expect(flows).toEqual(["internet>lb:443", "lb>api:443", "api>db:443", "ops>api:22", "ops>db:22"]);
  });

  it("the example client's full profile is valid", () => {
    const p = parseProfile(exampleProfile());
    expect(p.client.name).toBe("contoso");
    expect(p.access?.apps.map((a) => a.name)).toEqual(["intranet", "bastion-ssh", "finance"]);
    expect(p.network.flows.find((f) => f.from === "app" && f.to === "internet")?.reason).toMatch(/payment provider/);
  });

  it("port ranges parse to inclusive bounds", () => {
    const raw = minimalProfile();
    raw.network = {
      flows: [
        { from: "internet", to: "edge", ports: [443] },
        { from: "edge", to: "web", ports: ["8000-8080"] },
      ],
    };
    expect(parseProfile(raw).network.flows[1]!.ports).toEqual([{ from: 8000, to: 8080 }]);
  });
});

type Mutation = [title: string, mutate: (p: Record<string, any>) => void, path: string, message: RegExp];

const full = (): Record<string, any> => exampleProfile();
/** Index a flow pushed onto the example's flows lands at. */
const NEXT = exampleProfile().network.flows.length;
const invalid: Mutation[] = [
  ["missing client", (p) => delete p.client, "client", /required/],
  ["client name in capitals", (p) => (p.client.name = "Contoso"), "client.name", /kebab-case/],
  ["client name with spaces", (p) => (p.client.name = "con toso"), "client.name", /kebab-case/],
  [
    "unknown environment",
    (p) => (p.client.environment = "prod"),
    "client.environment",
    /"production", "staging" or "development"/,
  ],
  ["contact not an e-mail", (p) => (p.client.contacts = ["secops"]), "client.contacts[0]", /e-mail/],
  ["typo in a top-level key", (p) => (p.identitty = {}), "identitty", /unknown key/],
  ["typo in a nested key", (p) => (p.identity.rolout = "enforce"), "identity.rolout", /unknown key/],
  ["missing tenant", (p) => delete p.identity.tenantId, "identity.tenantId", /required/],
  ["tenant not a GUID", (p) => (p.identity.tenantId = "contoso.onmicrosoft.com"), "identity.tenantId", /GUID/],
  ["missing break-glass group", (p) => delete p.identity.breakGlass.groupId, "identity.breakGlass.groupId", /required/],
  [
    "break-glass account not a GUID",
    (p) => (p.identity.breakGlass.accounts = ["bg1@contoso.example"]),
    "identity.breakGlass.accounts[0]",
    /GUID/,
  ],
  ["unknown rollout", (p) => (p.identity.rollout = "audit"), "identity.rollout", /reportOnly|enforce/],
  ["unknown licence", (p) => (p.identity.licence = "E5"), "identity.licence", /P1|P2/],
  [
    "a reserved code that is no country (UK is GB)",
    (p) => (p.identity.allowedCountries = ["NL", "UK"]),
    "identity.allowedCountries[1]",
    /"UK" is not an ISO 3166-1 alpha-2 country code/,
  ],
  [
    "lower-case country",
    (p) => (p.identity.allowedCountries = ["nl"]),
    "identity.allowedCountries[0]",
    /ISO 3166-1 alpha-2/,
  ],
  [
    "trusted range not a CIDR",
    (p) => (p.identity.trustedIpRanges = ["203.0.113.0"]),
    "identity.trustedIpRanges[0]",
    /CIDR/,
  ],
  ["no admin roles", (p) => (p.identity.adminRoles = []), "identity.adminRoles", /at least one privileged role/],
  [
    "sign-in frequency not a duration",
    (p) => (p.identity.sessions.signInFrequency = "12 hours"),
    "identity.sessions.signInFrequency",
    /duration like "8h"/,
  ],
  [
    "sign-in frequency in minutes",
    (p) => (p.identity.sessions.adminSignInFrequency = "90m"),
    "identity.sessions.adminSignInFrequency",
    /whole hours/,
  ],
  [
    "opt-out of an unknown control",
    (p) =>
      (p.identity.optOuts = [{ control: "block-everything", reason: "We do not want this control at all, really." }]),
    "identity.optOuts[0].control",
    /catalog's controls/,
  ],
  [
    "opt-out without a reason",
    (p) => (p.identity.optOuts = [{ control: "block-unknown-platforms" }]),
    "identity.optOuts[0].reason",
    /required/,
  ],
  [
    "opt-out with a one-word reason",
    (p) => (p.identity.optOuts = [{ control: "block-unknown-platforms", reason: "legacy" }]),
    "identity.optOuts[0].reason",
    /a sentence/,
  ],
  [
    "same control opted out twice",
    (p) =>
      (p.identity.optOuts = [1, 2].map(() => ({
        control: "mfa-guests",
        reason: "Guests are handled by the partner tenant's own policies.",
      }))),
    "identity.optOuts[1].control",
    /opted out twice/,
  ],
  [
    "exclusion without a reason",
    (p) => delete p.identity.exclusions[0].reason,
    "identity.exclusions[0].reason",
    /required/,
  ],
  [
    "exclusion naming nobody",
    (p) => (p.identity.exclusions[0].groups = []),
    "identity.exclusions[0]",
    /at least one group or user/,
  ],
  [
    "exclusion of the break-glass group",
    (p) => (p.identity.exclusions[0].groups = [p.identity.breakGlass.groupId]),
    "identity.exclusions[0]",
    /break-glass principal/,
  ],
  [
    "unknown MFA strength",
    (p) => (p.mfa.strength = "sms"),
    "mfa.strength",
    /"mfa", "passwordless" or "phishing-resistant"/,
  ],
  [
    "internet straight to the data tier",
    (p) => p.network.flows.push({ from: "internet", to: "data", ports: [5432] }),
    `network.flows[${NEXT}].to`,
    /only the edge tier "edge" may accept internet traffic/,
  ],
  [
    "SSH from the internet to the edge",
    (p) => p.network.flows.push({ from: "internet", to: "edge", ports: [22] }),
    `network.flows[${NEXT}].ports`,
    /accepts only tcp 443, 80/,
  ],
  [
    "tier skipping without a reason",
    (p) => p.network.flows.push({ from: "web", to: "data", ports: [5432] }),
    `network.flows[${NEXT}].to`,
    /skips the app tier/,
  ],
  [
    "flow back towards the internet",
    (p) => p.network.flows.push({ from: "data", to: "web", ports: [443] }),
    `network.flows[${NEXT}].to`,
    /points back towards the internet/,
  ],
  [
    "any-port flow",
    (p) => p.network.flows.push({ from: "web", to: "app", ports: ["0-65535"] }),
    `network.flows[${NEXT}].ports[0]`,
    /opens every port/,
  ],
  [
    "any-protocol flow",
    (p) => p.network.flows.push({ from: "web", to: "app", protocol: "all", ports: [443] }),
    `network.flows[${NEXT}].protocol`,
    /any-protocol flows flatten segmentation/,
  ],
  [
    "port out of range",
    (p) => p.network.flows.push({ from: "web", to: "app", ports: [70000] }),
    `network.flows[${NEXT}].ports[0]`,
    /within 1-65535/,
  ],
  [
    "tcp flow without ports",
    (p) => p.network.flows.push({ from: "web", to: "app", ports: [] }),
    `network.flows[${NEXT}].ports`,
    /name the tcp ports/,
  ],
  [
    "flow to an undeclared tier",
    (p) => p.network.flows.push({ from: "app", to: "cache", ports: [6379] }),
    `network.flows[${NEXT}].to`,
    /"cache" is not a declared tier/,
  ],
  [
    "egress from data to the internet without a reason",
    (p) => p.network.flows.push({ from: "data", to: "internet", ports: [443] }),
    `network.flows[${NEXT}].reason`,
    /egress to the internet from an inner tier needs a reason/,
  ],
  [
    "workload tier reaching into management",
    (p) => p.network.flows.push({ from: "app", to: "mgmt", ports: [443] }),
    `network.flows[${NEXT}].to`,
    /management tier reaches others/,
  ],
  [
    "CIDRs on a tier-to-tier flow",
    (p) => (p.network.flows[1].cidrs = ["10.0.0.0/8"]),
    "network.flows[1].cidrs",
    /between tiers, not addresses/,
  ],
  [
    "duplicate flow",
    (p) => p.network.flows.push({ ...p.network.flows[1] }),
    `network.flows[${NEXT}]`,
    /declared twice/,
  ],
  [
    "edge tier not first",
    (p) => (p.network.tiers = ["web", "edge", "app", "data", "mgmt"]),
    "network.tiers",
    /must come first/,
  ],
  [
    "duplicate tier",
    (p) => (p.network.tiers = ["edge", "web", "web", "data", "mgmt"]),
    "network.tiers[2]",
    /declared twice/,
  ],
  [
    "management tier not declared",
    (p) => (p.network.managementTier = "ops"),
    "network.managementTier",
    /not one of the tiers/,
  ],
  ["bad AWS region", (p) => (p.network.aws.region = "Europe"), "network.aws.region", /AWS region/],
  ["bad VPC id", (p) => (p.network.aws.vpcId = "vpc-1"), "network.aws.vpcId", /VPC id/],
  [
    "AWS account id as a number",
    (p) => (p.network.aws.accountId = 123456789012),
    "network.aws.accountId",
    /expected string/,
  ],
  [
    "Azure subscription not a GUID",
    (p) => (p.network.azure.subscriptionId = "prod-sub"),
    "network.azure.subscriptionId",
    /GUID/,
  ],
  [
    "bad Cloudflare account id",
    (p) => (p.access.cloudflare.accountId = "contoso"),
    "access.cloudflare.accountId",
    /32-character/,
  ],
  [
    "app session not a duration",
    (p) => (p.access.apps[2].sessionDuration = "4 hours"),
    "access.apps[2].sessionDuration",
    /expected a duration like "8h"/,
  ],
  [
    "app session beyond the ceiling",
    (p) => (p.access.apps[0].sessionDuration = "72h"),
    "access.apps[0].sessionDuration",
    /longer than the session ceiling/,
  ],
  [
    "app open to everyone",
    (p) => (p.access.apps[0].audience.everyone = true),
    "access.apps[0].audience.everyone",
    /never an allow audience/,
  ],
  [
    "bypass decision",
    (p) => (p.access.apps[0].decision = "bypass"),
    "access.apps[0].decision",
    /"bypass".*never generated/,
  ],
  [
    "app without audience",
    (p) => (p.access.apps[0].audience = {}),
    "access.apps[0].audience",
    /at least one Entra group or e-mail domain/,
  ],
  [
    "app in an undeclared tier",
    (p) => (p.access.apps[0].tier = "dmz"),
    "access.apps[0].tier",
    /"dmz" is not a declared tier/,
  ],
  ["two apps with one name", (p) => (p.access.apps[1].name = "intranet"), "access.apps[1].name", /declared twice/],
  [
    "two apps on one domain",
    (p) => (p.access.apps[1].domain = "intranet.contoso.example"),
    "access.apps[1].domain",
    /already published/,
  ],
  [
    "app domain with a scheme",
    (p) => (p.access.apps[0].domain = "https://intranet.contoso.example"),
    "access.apps[0].domain",
    /DNS name/,
  ],
  ["unknown app kind", (p) => (p.access.apps[1].kind = "vnc"), "access.apps[1].kind", /"self_hosted", "ssh" or "rdp"/],
  [
    "approval without approvers",
    (p) => (p.access.apps[2].approval.approvers = []),
    "access.apps[2].approval.approvers",
    /at least one approver/,
  ],
  [
    "tunnel origin not a URL",
    (p) => (p.access.apps[1].tunnel.originUrl = "bastion"),
    "access.apps[1].tunnel.originUrl",
    /origin URL/,
  ],
  [
    "service token that never expires",
    (p) => (p.access.apps[0].serviceTokens[0].duration = "forever"),
    "access.apps[0].serviceTokens[0].duration",
    /"forever" is refused/,
  ],
  [
    "service token beyond a year",
    (p) => (p.access.apps[0].serviceTokens[0].duration = "400d"),
    "access.apps[0].serviceTokens[0].duration",
    /expire within 365d/,
  ],
  [
    "tunnel without a zone",
    (p) => delete p.access.cloudflare.zoneId,
    "access.apps[1].tunnel",
    /needs access\.cloudflare\.zoneId/,
  ],
  [
    "bad team name",
    (p) => (p.access.cloudflare.teamName = "Contoso Team"),
    "access.cloudflare.teamName",
    /Zero Trust team name/,
  ],
  [
    "default session beyond the ceiling",
    (p) => (p.access.defaultSessionDuration = "48h"),
    "access.defaultSessionDuration",
    /longer than the session ceiling/,
  ],
];

describe("invalid profiles name the path and the problem", () => {
  it.each(invalid)("%s", (_title, mutate, path, message) => {
    const raw = full();
    mutate(raw);
    const found = problems(raw);
    expect(found).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it("covers at least 30 distinct invalid profiles", () => {
    expect(new Set(invalid.map(([, , path]) => path)).size).toBeGreaterThanOrEqual(30);
  });

  it("reports every problem at once, not just the first", () => {
    const raw = full();
    raw.client.name = "Contoso";
    raw.identity.tenantId = "nope";
    raw.access.apps[0].audience.everyone = true;
    expect(problems(raw).map((p) => p.path)).toEqual([
      "client.name",
      "identity.tenantId",
      "access.apps[0].audience.everyone",
    ]);
  });

  it("reports the cross-field problems in the same round as the shape problems of other sections", () => {
    const raw = full();
    raw.client.name = "Contoso"; // a shape problem
    raw.identity.sessions.signInFrequency = "90m"; // cross-field: whole hours
    raw.identity.breakGlass.accounts = raw.identity.breakGlass.accounts.slice(0, 1); // with privilegedAccess
    raw.access.apps[0].sessionDuration = "999h"; // beyond the ceiling
    expect(problems(raw).map((p) => p.path)).toEqual([
      "client.name",
      "identity.sessions.signInFrequency",
      "identity.breakGlass.accounts",
      "access.apps[0].sessionDuration",
    ]);
    // A problem elsewhere in the same section does not hold them back either.
    raw.identity.tenantId = "nope";
    expect(problems(raw).map((p) => p.path)).toEqual([
      "client.name",
      "identity.tenantId",
      "identity.sessions.signInFrequency",
      "identity.breakGlass.accounts",
      "access.apps[0].sessionDuration",
    ]);
    // What a check reads must itself be valid: a malformed break-glass list is not counted.
    raw.identity.breakGlass.accounts = ["not-a-guid"];
    expect(problems(raw).map((p) => p.path)).toEqual([
      "client.name",
      "identity.tenantId",
      "identity.breakGlass.accounts[0]",
      "identity.sessions.signInFrequency",
      "access.apps[0].sessionDuration",
    ]);
  });

  it("the error message lists each problem on its own line with its path", () => {
    const raw = minimalProfile();
    raw.identity.rolout = "enforce";
    expect(() => parseProfile(raw, "stacks/Pulumi.fabrikam.yaml")).toThrow(
      /Invalid zero-trust profile \(stacks\/Pulumi\.fabrikam\.yaml\): 1 problem\n {2}- identity\.rolout: unknown key/,
    );
  });

  it("a missing profile is one problem at the root", () => {
    expect(problems(undefined)[0]?.path).toBe("(profile)");
  });
});
