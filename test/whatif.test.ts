import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PRIVILEGED_ROLE_IDS } from "../catalog/privileged-roles";
import { postureOf } from "../posture/build";
import { requiredStrengths, whatIf, type SignIn } from "../posture/whatif";
import { exampleProfile, minimalProfile } from "./fixtures";
import { planProfile } from "./harness";

const BREAK_GLASS_GROUP = "2c4e6a8b-0d1f-4a3c-8e5b-7d9f1a3c5e7b";
const BREAK_GLASS_ACCOUNTS = ["0b7e5d3c-2a1f-4e8d-9c6b-4a3f2e1d0c5b", "6d1c9b8a-7e5f-4d3c-2b1a-0f9e8d7c6b5a"];
const PHISHING_RESISTANT = new Set(["windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor"]);
const REASON = "Generated for a property test: the control is not part of the core coverage.";
const OPTIONAL_CONTROLS = [
  "block-unknown-platforms",
  "block-non-allowed-countries",
  "mfa-azure-management",
  "admins-session-limits",
  "admins-compliant-device-admin-portals",
  "mfa-medium-sign-in-risk",
  "require-compliant-device",
  "secure-security-info-registration",
  "unmanaged-device-session-limits",
  "mfa-guests",
  "mfa-device-registration",
  "guest-session-limits",
];

/** Profiles as clients write them: any licence, rollout, strength, countries, optional opt-outs. */
const profiles = fc
  .record({
    licence: fc.constantFrom("P1", "P2"),
    rollout: fc.constantFrom("reportOnly", "enforce"),
    strength: fc.constantFrom("mfa", "passwordless", "phishing-resistant"),
    countries: fc.subarray(["NL", "BE", "DE", "GB", "US", "FR"]),
    optOuts: fc.subarray(OPTIONAL_CONTROLS),
    accounts: fc.subarray(BREAK_GLASS_ACCOUNTS, { minLength: 1 }),
  })
  .map((k) => {
    const p = minimalProfile();
    Object.assign(p.identity, {
      licence: k.licence,
      rollout: k.rollout,
      allowedCountries: k.countries,
      optOuts: k.optOuts.map((control) => ({ control, reason: REASON })),
      breakGlass: { groupId: BREAK_GLASS_GROUP, accounts: k.accounts },
    });
    p.mfa = { strength: k.strength };
    return p;
  });

type Who = "break-glass-account" | "break-glass-member" | "admin" | "member" | "guest";
const signIns = fc.record({
  who: fc.constantFrom<Who>("break-glass-account", "break-glass-member", "admin", "member", "guest"),
  role: fc.constantFrom(...PRIVILEGED_ROLE_IDS),
  app: fc.constantFrom(
    "All",
    "797f4846-ba00-4fd7-ba43-dac1f8f63013",
    "00000003-0000-0ff1-ce00-000000000000",
    "MicrosoftAdminPortals",
  ),
  clientApp: fc.constantFrom<SignIn["clientApp"]>(
    "browser",
    "mobileAppsAndDesktopClients",
    "exchangeActiveSync",
    "other",
  ),
  platform: fc.constantFrom<SignIn["platform"]>("windows", "macOS", "linux", "iOS", "android", "unknown"),
  country: fc.constantFrom("NL", "DE", "US", "KP", "unknown"),
  trustedNetwork: fc.boolean(),
  deviceCompliant: fc.boolean(),
  hybridJoined: fc.boolean(),
  signInRisk: fc.constantFrom<SignIn["signInRisk"]>("none", "low", "medium", "high"),
  userRisk: fc.constantFrom<SignIn["userRisk"]>("none", "low", "medium", "high"),
  authenticationFlow: fc.option(
    fc.constantFrom<"deviceCodeFlow" | "authenticationTransfer">("deviceCodeFlow", "authenticationTransfer"),
    { nil: undefined },
  ),
});

type Generated = typeof signIns extends fc.Arbitrary<infer T> ? T : never;

function signIn(g: Generated, accounts: readonly string[]): SignIn {
  const user = g.who === "break-glass-account" ? accounts[0]! : "user-" + g.who;
  return {
    user,
    groups: g.who === "break-glass-member" ? [BREAK_GLASS_GROUP] : [],
    roles: g.who === "admin" || g.who.startsWith("break-glass") ? [g.role] : [],
    guest: g.who === "guest",
    app: g.app,
    clientApp: g.clientApp,
    platform: g.platform,
    country: g.country,
    trustedNetwork: g.trustedNetwork,
    deviceCompliant: g.deviceCompliant,
    hybridJoined: g.hybridJoined,
    signInRisk: g.signInRisk,
    userRisk: g.userRisk,
    authenticationFlow: g.authenticationFlow,
  };
}

const isLegacy = (s: SignIn) => s.clientApp === "exchangeActiveSync" || s.clientApp === "other";

describe("zt whatif over generated profiles (the baseline as enforced)", () => {
  it("holds the four promises for every generated profile and sign-in", async () => {
    await fc.assert(
      fc.asyncProperty(profiles, async (profile) => {
        const identity = postureOf(await planProfile(profile)).identity;
        for (const g of fc.sample(signIns, 150)) {
          const s = signIn(g, profile.identity.breakGlass.accounts);
          const r = whatIf(identity, s, { includeReportOnly: true });
          if (g.who.startsWith("break-glass")) {
            // Never blocked, never asked for anything: they are the way back in.
            expect(r.decision, JSON.stringify(s)).not.toBe("block");
            expect(r.requirements).toEqual([]);
            continue;
          }
          if (isLegacy(s)) {
            expect(r.decision, JSON.stringify(s)).toBe("block");
            continue;
          }
          if (r.decision === "block") continue;
          expect(r.decision, JSON.stringify(s)).toBe("grant");
          if (g.who === "admin") {
            const strengths = requiredStrengths(r, identity);
            expect(
              strengths.some(
                (st) => st.combinations.length > 0 && st.combinations.every((c) => PHISHING_RESISTANT.has(c)),
              ),
              JSON.stringify(s),
            ).toBe(true);
          }
          if (g.who === "member" || g.who === "admin") {
            const mfa = r.requirements.some((q) =>
              [...q.anyOf, ...q.allOf].some((c) => c === "mfa" || c.startsWith("strength:")),
            );
            expect(mfa, JSON.stringify(s)).toBe(true);
          }
        }
      }),
      { numRuns: 12 },
    );
  });
});

describe("zt whatif on the example", () => {
  it("an admin on the Azure portal from a compliant device needs phishing-resistant MFA and MFA + compliant device", async () => {
    const identity = postureOf(await planProfile(exampleProfile())).identity;
    const r = whatIf(
      identity,
      {
        user: "alice",
        groups: [],
        roles: ["62e90394-69f5-4237-9190-012177145e10"],
        guest: false,
        app: "797f4846-ba00-4fd7-ba43-dac1f8f63013",
        clientApp: "browser",
        platform: "windows",
        country: "NL",
        trustedNetwork: false,
        deviceCompliant: true,
        hybridJoined: false,
        signInRisk: "none",
        userRisk: "none",
      },
      { includeReportOnly: true },
    );
    expect(r.decision).toBe("grant");
    expect(r.requirements).toContainEqual({
      policy: "CA100-Admins-IdentityProtection-AllApps-AnyPlatform-PhishingResistantMFA",
      anyOf: ["strength:ZT-phishing-resistant"],
      allOf: [],
    });
    expect(r.requirements).toContainEqual(expect.objectContaining({ allOf: ["mfa", "compliantDevice"] }));
  });

  it("a sign-in from a country outside the allowed list is blocked", async () => {
    const identity = postureOf(await planProfile(exampleProfile())).identity;
    const base = {
      user: "bob",
      groups: [],
      roles: [],
      guest: false,
      app: "All",
      clientApp: "browser",
      platform: "windows",
      trustedNetwork: false,
      deviceCompliant: true,
      hybridJoined: false,
      signInRisk: "none",
      userRisk: "none",
    } as const;
    expect(whatIf(identity, { ...base, country: "KP" }, { includeReportOnly: true }).decision).toBe("block");
    expect(whatIf(identity, { ...base, country: "NL" }, { includeReportOnly: true }).decision).toBe("grant");
    // Report-only policies decide nothing until enforced.
    expect(whatIf(identity, { ...base, country: "KP" }).decision).not.toBe("block");
  });

  const guestOrMember = {
    user: "carol",
    groups: [],
    roles: [],
    app: "All",
    clientApp: "browser",
    platform: "windows",
    country: "NL",
    trustedNetwork: false,
    deviceCompliant: false,
    hybridJoined: false,
    signInRisk: "none",
    userRisk: "none",
  } as const;

  it("a guest's session is re-authenticated and never persisted; a member on a compliant device keeps theirs", async () => {
    const identity = postureOf(await planProfile(exampleProfile())).identity;
    const guest = whatIf(identity, { ...guestOrMember, guest: true }, { includeReportOnly: true });
    expect(guest.decidedBy).toContain(
      "CA501-Guests-SessionManagement-AllApps-AnyPlatform-SignInFrequency-NonPersistentBrowser",
    );
    const ca501 = "CA501-Guests-SessionManagement-AllApps-AnyPlatform-SignInFrequency-NonPersistentBrowser";
    expect(guest.sessions).toEqual(
      expect.arrayContaining([`re-authenticate every 12h (${ca501})`, `no persistent browser session (${ca501})`]),
    );
    const member = whatIf(
      identity,
      { ...guestOrMember, guest: false, deviceCompliant: true },
      { includeReportOnly: true },
    );
    expect(member.decidedBy).not.toContain(
      "CA501-Guests-SessionManagement-AllApps-AnyPlatform-SignInFrequency-NonPersistentBrowser",
    );
  });

  it("registering a device asks MFA, enforced even in the example's report-only rollout", async () => {
    const identity = postureOf(await planProfile(exampleProfile())).identity;
    const r = whatIf(identity, { ...guestOrMember, guest: false, userAction: "urn:user:registerdevice" });
    expect(r.decision).toBe("grant");
    expect(r.decidedBy).toEqual(["CA302-Global-IdentityProtection-RegisterOrJoinDevices-AnyPlatform-RequireMFA"]);
    expect(r.requirements).toEqual([
      {
        policy: "CA302-Global-IdentityProtection-RegisterOrJoinDevices-AnyPlatform-RequireMFA",
        anyOf: ["mfa"],
        allOf: [],
      },
    ]);
  });
});
