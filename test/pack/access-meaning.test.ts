import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { edit, handWritten, names, usePack } from "../pack-harness";
import { SECRET_SIG, SIG_KEY, UNKNOWN, type PlannedResource } from "../../posture/resource";

// Who can pass an Access policy, computed over every kind of rule and the login methods the app
// allows; the organisation's sessions; which apps cover a tunnel's route. Every case runs through
// the real pack server as a new stack's preview (references unknown, pinned by property
// dependencies) and as the deployed stack (ids and outputs known).

const { check, unconfigured } = usePack();

type Json = Record<string, any>;
const ACCOUNT = "0123456789abcdef0123456789abcdef";
const T = {
  app: "cloudflare:index/zeroTrustAccessApplication:ZeroTrustAccessApplication",
  policy: "cloudflare:index/zeroTrustAccessPolicy:ZeroTrustAccessPolicy",
  legacyPolicy: "cloudflare:index/accessPolicy:AccessPolicy",
  group: "cloudflare:index/zeroTrustAccessGroup:ZeroTrustAccessGroup",
  legacyGroup: "cloudflare:index/accessGroup:AccessGroup",
  idp: "cloudflare:index/zeroTrustAccessIdentityProvider:ZeroTrustAccessIdentityProvider",
  legacyIdp: "cloudflare:index/accessIdentityProvider:AccessIdentityProvider",
  list: "cloudflare:index/zeroTrustList:ZeroTrustList",
  org: "cloudflare:index/zeroTrustOrganization:ZeroTrustOrganization",
  legacyOrg: "cloudflare:index/accessOrganization:AccessOrganization",
  tunnelConfig: "cloudflare:index/zeroTrustTunnelCloudflaredConfig:ZeroTrustTunnelCloudflaredConfig",
  zone: "cloudflare:index/zone:Zone",
};

/** A reference to another resource of the stack, by its logical name: its id once deployed. */
const ref = (name: string) => ({ $ref: name });
interface Spec {
  readonly type: string;
  readonly name: string;
  readonly inputs: Json;
}
const spec = (type: string, name: string, inputs: Json): Spec => ({
  type,
  name,
  inputs: { accountId: ACCOUNT, ...inputs },
});
const idOf = (name: string) => createHash("sha256").update(name).digest("hex").slice(0, 32);

/**
 * The stack as the engine presents it: in a new stack's preview a reference is unknown and pinned
 * by the property's dependencies; deployed, it is the id, and each resource has its id and outputs.
 */
function stack(view: "new" | "deployed", specs: readonly Spec[]): PlannedResource[] {
  const urnOf = (s: Spec) => `urn:pulumi:example::zt-baseline::${s.type}::${s.name}`;
  const byName = new Map(specs.map((s) => [s.name, s]));
  return specs.map((s) => {
    const deps: Record<string, string[]> = {};
    const resolve = (v: unknown, top: string): unknown => {
      if (Array.isArray(v)) return v.map((x) => resolve(x, top));
      if (typeof v !== "object" || v === null) return v;
      if ("$ref" in v) {
        const target = byName.get((v as { $ref: string }).$ref)!;
        (deps[top] ??= []).push(urnOf(target));
        return view === "new" ? UNKNOWN : idOf(target.name);
      }
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x, top)]));
    };
    const inputs = Object.fromEntries(Object.entries(s.inputs).map(([k, v]) => [k, resolve(v, k)]));
    const r = handWritten(s.type, s.name, inputs, deps);
    return view === "new" ? r : { ...r, id: idOf(s.name), outputs: { ...inputs, id: idOf(s.name) } };
  });
}

const MFA = { authMethod: { authMethod: "mfa" } };
const policy = (name: string, inputs: Json) => spec(T.policy, name, { name, decision: "allow", ...inputs });
/** A self-hosted app at `<name>.contoso.com` with the policies given (by reference) and its own inputs. */
const app = (name: string, policies: string[], inputs: Json = {}) =>
  spec(T.app, `${name}-app`, {
    name,
    type: "self_hosted",
    domain: `${name}.contoso.com`,
    sessionDuration: "8h",
    policies: policies.map((p, i) => ({ id: ref(p), precedence: i + 1 })),
    ...inputs,
  });
const otp = spec(T.idp, "otp", { name: "One-time PIN", type: "onetimepin", config: {} });
const entra = spec(T.idp, "entra", {
  name: "Entra ID",
  type: "azureAD",
  config: { clientId: "c", directoryId: "d", clientSecret: "s" },
});
const github = spec(T.idp, "github", { name: "GitHub", type: "github", config: { clientId: "c", clientSecret: "s" } });

describe.each(["new", "deployed"] as const)("as a %s stack", (view) => {
  /** What blocks (mandatory) on these resources alone, with no config (a hand-written stack). */
  async function verdict(specs: readonly Spec[], rule = "access-no-everyone-without-require") {
    const v = await unconfigured(stack(view, specs));
    return {
      blocked: v.mandatory.filter((d) => d.policyName === rule).map((d) => d.message),
      all: v.mandatory.map((d) => `${d.policyName}: ${d.message}`),
      notices: v.notices,
    };
  }

  describe("who can pass: every kind of include, Access groups expanded", () => {
    it.each<[string, Spec[], RegExp]>([
      [
        "a country (non_identity)",
        [policy("eu", { decision: "non_identity", includes: [{ geo: { countryCode: "DE" } }] }), app("eu", ["eu"])],
        /without any identity \(non_identity: anyone in a country/,
      ],
      [
        "an Access group whose include is everyone",
        [
          spec(T.group, "all", { name: "all", includes: [{ everyone: {} }] }),
          policy("via-group", { includes: [{ group: { id: ref("all") } }] }),
          app("g", ["via-group"]),
        ],
        /allows everyone with nothing required: anyone with an account at an identity provider the stack does not declare/,
      ],
      [
        "an Access group of an internet-wide range, required by nothing (non_identity)",
        [
          spec(T.group, "wide", {
            name: "wide",
            includes: [{ ip: { ip: "0.0.0.0/1" } }, { ip: { ip: "128.0.0.0/1" } }],
          }),
          policy("svc", { decision: "non_identity", includes: [{ group: { id: ref("wide") } }] }),
          app("svc", ["svc"]),
        ],
        /anyone on the internet \(0\.0\.0\.0\/1 is as wide\)/,
      ],
      [
        "an IP list holding the internet",
        [
          spec(T.list, "office-ips", {
            name: "office",
            type: "IP",
            items: [{ value: "203.0.113.0/24" }, { value: "0.0.0.0/0" }],
          }),
          policy("by-list", { decision: "non_identity", includes: [{ ipList: { id: ref("office-ips") } }] }),
          app("l", ["by-list"]),
        ],
        /0\.0\.0\.0\/0 is as wide/,
      ],
      [
        "a range that only starts in private space (10.0.0.0/7 holds 11.0.0.0/8)",
        [policy("net", { decision: "non_identity", includes: [{ ip: { ip: "10.0.0.0/7" } }] }), app("n", ["net"])],
        /10\.0\.0\.0\/7 is as wide/,
      ],
      [
        "any GitHub user: everyone, required only to sign in with GitHub",
        [
          github,
          policy("gh", { includes: [{ everyone: {} }], requires: [{ loginMethod: { id: ref("github") } }] }),
          app("gh", ["gh"], { allowedIdps: [ref("github")] }),
        ],
        /allows everyone: anyone with a GitHub account, signing in with 'GitHub'/,
      ],
      [
        "a risk score every signed-in person has",
        [
          policy("risk", { includes: [{ userRiskScore: { userRiskScores: ["low", "unscored"] } }] }),
          app("r", ["risk"]),
        ],
        /allows everyone/,
      ],
      [
        "a rule of a kind the pack does not know (read as everyone)",
        [
          policy("future", { decision: "non_identity", includes: [{ quantumEntanglement: { on: true } }] }),
          app("f", ["future"]),
        ],
        /the rule 'quantumEntanglement' cannot be read: judged as everyone/,
      ],
      [
        "an include list unknown until apply (read as everyone)",
        [policy("later", { decision: "non_identity", includes: UNKNOWN }), app("later", ["later"])],
        /cannot be read: judged as everyone/,
      ],
      [
        "an IP list the stack does not declare (its ranges cannot be read)",
        [
          policy("outside-list", {
            decision: "non_identity",
            includes: [{ ipList: { id: "0123456789abcdef0123456789abcdef" } }],
          }),
          app("ol", ["outside-list"]),
        ],
        /IP list 0123456789abcdef0123456789abcdef is not declared in the stack/,
      ],
      [
        "everyone, required only to be in an Access group that is itself everyone",
        [
          spec(T.group, "anybody", {
            name: "anybody",
            includes: [{ everyone: {} }],
            excludes: [{ geo: { countryCode: "KP" } }],
          }),
          policy("nominal", { includes: [{ everyone: {} }], requires: [{ group: { id: ref("anybody") } }] }),
          app("nominal", ["nominal"]),
        ],
        /allows everyone: anyone with an account at an identity provider the stack does not declare, through everyone/,
      ],
      [
        "a legacy (v4) shape: several kinds in one include, one of them everyone",
        [
          spec(T.legacyPolicy, "v4", {
            name: "v4",
            decision: "allow",
            include: [{ emails: ["ana@contoso.com"], everyone: true }],
            require: [{ authMethod: "pwd" }],
          }),
        ],
        /AccessPolicy 'v4' allows everyone:/,
      ],
      [
        "an Access group the stack does not declare (its rules cannot be read)",
        [
          policy("outside", {
            decision: "non_identity",
            includes: [{ group: { id: "aa11bb22cc33dd44ee55ff6677889900" } }],
          }),
          app("o", ["outside"]),
        ],
        /Access group aa11bb22cc33dd44ee55ff6677889900 is not declared in the stack/,
      ],
    ])("blocks %s", async (_title, specs, message) => {
      const v = await verdict(specs);
      expect(v.blocked).toContainEqual(expect.stringMatching(message));
    });

    it.each<[string, Spec[]]>([
      [
        "everyone, requiring an Access group of named people and MFA (with a one-time PIN in the account)",
        [
          otp,
          spec(T.group, "admins", {
            name: "admins",
            includes: [{ email: { email: "ana@contoso.com" } }, { email: { email: "bo@contoso.com" } }],
          }),
          policy("admins-only", { includes: [{ everyone: {} }], requires: [{ group: { id: ref("admins") } }, MFA] }),
          app("admin", ["admins-only"]),
        ],
      ],
      [
        "an e-mail list of named people, with MFA",
        [
          spec(T.list, "people", { name: "people", type: "EMAIL", items: [{ value: "ana@contoso.com" }] }),
          policy("listed", { includes: [{ emailList: { id: ref("people") } }], requires: [MFA] }),
          app("listed", ["listed"]),
        ],
      ],
      [
        "the client's own domain, through its directory only (a one-time PIN exists but the app does not allow it)",
        [
          otp,
          entra,
          policy("staff", { includes: [{ emailDomain: { domain: "contoso.com" } }], requires: [MFA] }),
          app("staff", ["staff"], { allowedIdps: [ref("entra")] }),
        ],
      ],
      [
        "a partner's domain through the organisation's directory (guests it invited)",
        [
          entra,
          policy("partners", { includes: [{ emailDomain: { domain: "fabrikam.example" } }], requires: [MFA] }),
          app("partners", ["partners"], { allowedIdps: [ref("entra")] }),
        ],
      ],
      [
        "service auth by the account's mTLS certificates, devices and tokens",
        [
          policy("machines", {
            decision: "non_identity",
            includes: [{ certificate: {} }, { devicePosture: { integrationUid: "u-1" } }, { anyValidServiceToken: {} }],
          }),
          app("m", ["machines"]),
        ],
      ],
      [
        "a group that names itself (adds nobody) beside named people",
        [
          spec(T.group, "loop", {
            name: "loop",
            includes: [{ group: { id: ref("loop") } }, { email: { email: "ana@contoso.com" } }],
          }),
          policy("loop", { includes: [{ group: { id: ref("loop") } }], requires: [MFA] }),
          app("loop", ["loop"]),
        ],
      ],
      [
        "everyone with MFA when the only login is a one-time PIN (MFA is never met: nobody passes)",
        [
          otp,
          policy("pin", { includes: [{ everyone: {} }], requires: [MFA] }),
          app("pin", ["pin"], { allowedIdps: [ref("otp")] }),
        ],
      ],
    ])("passes %s", async (_title, specs) => {
      expect((await verdict(specs)).all).toEqual([]);
    });
  });

  describe("login methods: a one-time PIN admits anyone with an inbox", () => {
    const partners = (extra: Json = {}) =>
      policy("partners", {
        includes: [{ emailDomain: { domain: "fabrikam.example" } }],
        requires: [{ geo: { countryCode: "CH" } }],
        ...extra,
      });
    it("blocks a partner's domain when the account has a one-time PIN and the app allows every login method", async () => {
      const v = await verdict([otp, partners(), app("p", ["partners"])]);
      expect(v.blocked).toEqual([
        expect.stringMatching(
          /allows everyone: anyone who can get an inbox at fabrikam\.example \(anyone with an inbox \(one-time PIN\); the stack holds no zone, app or route there\)/,
        ),
      ]);
    });
    it("blocks it when the app names the one-time PIN, in its legacy type too", async () => {
      const legacyOtp = spec(T.legacyIdp, "otp-legacy", { name: "pin", type: "onetimepin" });
      const v = await verdict([legacyOtp, partners(), app("p", ["partners"], { allowedIdps: [ref("otp-legacy")] })]);
      expect(v.blocked).toHaveLength(1);
    });
    it("blocks a reusable policy when one of the apps it guards allows the one-time PIN, though another does not", async () => {
      const v = await verdict([
        otp,
        entra,
        partners(),
        app("directory-only", ["partners"], { allowedIdps: [ref("entra")] }),
        app("with-pin", ["partners"], { allowedIdps: [ref("entra"), ref("otp")] }),
      ]);
      expect(v.blocked).toEqual([expect.stringMatching(/signing in with 'One-time PIN'|one-time PIN/)]);
    });
    it("passes it when the app allows only the directory", async () => {
      expect(
        (await verdict([otp, entra, partners(), app("p", ["partners"], { allowedIdps: [ref("entra")] })])).blocked,
      ).toEqual([]);
    });
    it("passes the client's own domain through a one-time PIN (its own inboxes), a zone of the stack showing it holds it", async () => {
      const own = policy("own", {
        includes: [{ emailDomain: { domain: "Fabrikam.Example" } }],
        requires: [{ geo: { countryCode: "CH" } }],
      });
      const zone = spec(T.zone, "zone", { name: "fabrikam.example" });
      expect((await verdict([otp, zone, own, app("own", ["own"])])).blocked).toEqual([]);
    });
    it("blocks a public mail domain in any case, list or single, v6 or legacy", async () => {
      const legacy = spec(T.legacyPolicy, "old", {
        name: "old",
        decision: "allow",
        include: [{ emailDomains: ["Gmail.COM"] }],
      });
      const v6 = policy("new", {
        includes: [{ emailDomain: { domain: "OUTLOOK.com" } }],
        requires: [{ geo: { countryCode: "CH" } }],
      });
      const v = await verdict([otp, legacy, v6, app("mail", ["new"])]);
      expect(v.blocked).toHaveLength(2);
      expect(v.blocked.join("\n")).toMatch(/gmail\.com is a public mail provider/);
      expect(v.blocked.join("\n")).toMatch(/outlook\.com is a public mail provider/);
    });
    it("judges a login method the app names but that cannot be read as a one-time PIN", async () => {
      const v = await verdict([partners(), app("p", ["partners"], { allowedIdps: [UNKNOWN] })]);
      expect(v.blocked).toEqual([
        expect.stringMatching(/a login method that cannot be read is judged as a one-time PIN/),
      ]);
    });
  });

  describe("equivalent spellings read the same", () => {
    const geoSpellings: [string, Spec][] = [
      ["v6 one-key object", policy("x", { decision: "non_identity", includes: [{ geo: { countryCode: "US" } }] })],
      [
        "decision as the SDK docs spell it",
        policy("x", { decision: "nonIdentity", includes: [{ geo: { countryCode: "US" } }] }),
      ],
      [
        "legacy list per kind",
        spec(T.legacyPolicy, "x", { name: "x", decision: "non_identity", include: [{ geos: ["US"] }] }),
      ],
      [
        "v6 legacy type",
        spec(T.legacyPolicy, "x", { name: "x", decision: "non_identity", includes: [{ geo: { countryCode: "US" } }] }),
      ],
    ];
    it.each(geoSpellings)("a country as %s", async (_t, s) => {
      expect((await verdict([s, app("x", ["x"])])).blocked).toEqual([expect.stringMatching(/anyone in a country/)]);
    });
    it("an inline policy reads as its reusable twin", async () => {
      const rules = { decision: "non_identity", includes: [{ everyone: {} }] };
      const inline = await verdict([app("inline", [], { policies: [rules] })]);
      const reusable = await verdict([policy("open", rules), app("reused", ["open"])]);
      expect(inline.blocked).toHaveLength(1);
      expect(reusable.blocked).toHaveLength(1);
    });
    it("an Access group in its legacy type and shape, required beside everyone", async () => {
      const group = spec(T.legacyGroup, "ops", {
        name: "ops",
        include: [{ emails: ["ana@contoso.com", "bo@contoso.com"] }],
      });
      const p = policy("ops", { includes: [{ everyone: {} }], requires: [{ group: { id: ref("ops") } }, MFA] });
      expect((await verdict([group, p, app("ops", ["ops"])])).all).toEqual([]);
    });
    it("MFA required through an Access group counts as MFA", async () => {
      const group = spec(T.group, "mfa-staff", {
        name: "mfa-staff",
        includes: [{ emailDomain: { domain: "contoso.com" } }],
        requires: [MFA],
      });
      const p = policy("staff", { includes: [{ group: { id: ref("mfa-staff") } }] });
      const v = await verdict([group, p, app("staff", ["staff"])], "access-require-mfa");
      expect(v.all).toEqual([]);
    });
    it("a bypass in capitals is a bypass", async () => {
      const v = await verdict(
        [policy("b", { decision: "Bypass", includes: [{ everyone: {} }] }), app("b", ["b"])],
        "access-no-bypass",
      );
      expect(v.blocked).toHaveLength(1);
    });
  });

  describe("generated spellings of one policy keep its verdict", () => {
    /** A rule, said once; written below in each shape the provider has had. */
    type Rule =
      | { everyone: true }
      | { email: string }
      | { emailDomain: string }
      | { geo: string }
      | { ip: string[] }
      | { mfa: true }
      | { group: string };
    interface Case {
      readonly title: string;
      readonly decision: "allow" | "non_identity";
      readonly include: Rule[];
      readonly require: Rule[];
      readonly blocked: boolean;
    }
    const CASES: Case[] = [
      {
        title: "a partner's domain through a PIN",
        decision: "allow",
        include: [{ emailDomain: "fabrikam.example" }],
        require: [{ geo: "CH" }],
        blocked: true,
      },
      {
        title: "a public mail domain",
        decision: "allow",
        include: [{ emailDomain: "gmail.com" }],
        require: [{ geo: "CH" }],
        blocked: true,
      },
      {
        title: "a country, no identity",
        decision: "non_identity",
        include: [{ geo: "US" }],
        require: [],
        blocked: true,
      },
      {
        title: "the internet, no identity",
        decision: "non_identity",
        include: [{ ip: ["0.0.0.0/0"] }],
        require: [],
        blocked: true,
      },
      {
        title: "everyone through a group of everyone",
        decision: "allow",
        include: [{ group: "anybody" }],
        require: [{ geo: "CH" }],
        blocked: true,
      },
      {
        title: "the client's own domain with MFA",
        decision: "allow",
        include: [{ emailDomain: "contoso.com" }],
        require: [{ mfa: true }],
        blocked: false,
      },
      {
        title: "everyone, in a group of named people, with MFA",
        decision: "allow",
        include: [{ everyone: true }],
        require: [{ group: "named" }, { mfa: true }],
        blocked: false,
      },
      {
        title: "one person with MFA",
        decision: "allow",
        include: [{ email: "ana@contoso.com" }],
        require: [{ mfa: true }],
        blocked: false,
      },
      {
        title: "an office range, no identity",
        decision: "non_identity",
        include: [{ ip: ["203.0.113.0/24"] }],
        require: [],
        blocked: false,
      },
    ];
    const groups = [
      spec(T.group, "anybody", { name: "anybody", includes: [{ everyone: {} }] }),
      spec(T.group, "named", { name: "named", includes: [{ email: { email: "ana@contoso.com" } }] }),
    ];

    interface Spelling {
      readonly shape: "v6" | "legacy-type" | "v4" | "inline";
      readonly caseMask: number;
      readonly decisionStyle: 0 | 1 | 2;
      readonly secret: boolean;
      readonly splitIp: boolean;
    }
    /** Upper-cases the letters the mask picks: Cloudflare compares mail domains without case. */
    const recase = (text: string, mask: number) =>
      [...text].map((c, i) => ((mask >> (i % 30)) & 1 ? c.toUpperCase() : c)).join("");
    const decisionOf = (d: Case["decision"], style: number) =>
      d === "allow" ? ["allow", "Allow", "ALLOW"][style] : ["non_identity", "nonIdentity", "NON_IDENTITY"][style];
    const splitRanges = (ips: string[]) =>
      ips.flatMap((ip) => (ip === "0.0.0.0/0" ? ["0.0.0.0/1", "128.0.0.0/1"] : [ip]));

    /** v6: one-key objects, one rule per entry. */
    const v6 = (r: Rule, sp: Spelling): Json[] =>
      "everyone" in r
        ? [{ everyone: {} }]
        : "email" in r
          ? [{ email: { email: r.email } }]
          : "emailDomain" in r
            ? [{ emailDomain: { domain: recase(r.emailDomain, sp.caseMask) } }]
            : "geo" in r
              ? [{ geo: { countryCode: r.geo } }]
              : "ip" in r
                ? (sp.splitIp ? splitRanges(r.ip) : r.ip).map((ip) => ({ ip: { ip } }))
                : "mfa" in r
                  ? [MFA]
                  : [{ group: { id: ref(r.group) } }];
    /** v4: one object, a list per kind (the include's entries are OR'd, as separate rules are). */
    const v4 = (rules: Rule[], sp: Spelling, joinAll: boolean): Json[] => {
      const one = (r: Rule): Json =>
        "everyone" in r
          ? { everyone: true }
          : "email" in r
            ? { emails: [r.email] }
            : "emailDomain" in r
              ? { emailDomains: [recase(r.emailDomain, sp.caseMask)] }
              : "geo" in r
                ? { geos: [r.geo] }
                : "ip" in r
                  ? { ips: sp.splitIp ? splitRanges(r.ip) : r.ip }
                  : "mfa" in r
                    ? { authMethod: "mfa" }
                    : { groups: [ref(r.group)] };
      return joinAll ? [Object.assign({}, ...rules.map(one))] : rules.map(one);
    };
    const wrap = (v: unknown, sp: Spelling) => (sp.secret ? { [SIG_KEY]: SECRET_SIG, value: v } : v);

    function written(c: Case, sp: Spelling): Spec[] {
      const decision = decisionOf(c.decision, sp.decisionStyle)!;
      const includes = wrap(
        c.include.flatMap((r) => v6(r, sp)),
        sp,
      );
      const requires = wrap(
        c.require.flatMap((r) => v6(r, sp)),
        sp,
      );
      const host = spec(T.app, "host-app", {
        name: "host",
        type: "self_hosted",
        domain: "host.contoso.com",
        sessionDuration: "8h",
      });
      const linked = (type: string, inputs: Json) => [
        spec(type, "p", { name: "p", ...inputs }),
        { ...host, inputs: { ...host.inputs, policies: [{ id: ref("p"), precedence: 1 }] } },
      ];
      const stack = (): Spec[] => {
        switch (sp.shape) {
          case "v6":
            return linked(T.policy, { decision, includes, requires });
          case "legacy-type":
            return linked(T.legacyPolicy, { decision, includes, requires });
          case "v4":
            // Requires stay one object per rule: a legacy require block lists rules that must all hold.
            return linked(T.legacyPolicy, {
              decision,
              include: wrap(v4(c.include, sp, true), sp),
              require: wrap(v4(c.require, sp, false), sp),
            });
          case "inline":
            return [
              { ...host, inputs: { ...host.inputs, policies: [{ decision, includes, requires, precedence: 1 }] } },
            ];
        }
      };
      return [otp, ...groups, ...stack()];
    }

    const spellings: fc.Arbitrary<Spelling> = fc.record({
      shape: fc.constantFrom("v6", "legacy-type", "v4", "inline"),
      caseMask: fc.nat(),
      decisionStyle: fc.constantFrom(0, 1, 2),
      secret: fc.boolean(),
      splitIp: fc.boolean(),
    });

    it.each(CASES)("$title", async (c) => {
      await fc.assert(
        fc.asyncProperty(spellings, async (sp) => {
          const v = await verdict(written(c, sp));
          expect(v.blocked.length > 0, JSON.stringify(sp)).toBe(c.blocked);
        }),
        { numRuns: 8 },
      );
    });
  });

  describe("access-session-within-ceiling: the organisation's sessions", () => {
    const rule = "access-session-within-ceiling";
    it.each<[string, Spec, RegExp]>([
      [
        "a global session of a month",
        spec(T.org, "org", { name: "contoso", authDomain: "contoso.cloudflareaccess.com", sessionDuration: "720h" }),
        /ZeroTrustOrganization 'org' keeps the global session for 720h: every app's session is renewed without signing in again until it ends, beyond the 24h ceiling/,
      ],
      [
        "WARP sessions of two days",
        spec(T.org, "org", { name: "contoso", sessionDuration: "8h", warpAuthSessionDuration: "48h" }),
        /keeps WARP-authenticated sessions for 48h/,
      ],
      [
        "the legacy type",
        spec(T.legacyOrg, "org", { name: "contoso", sessionDuration: "30h" }),
        /AccessOrganization 'org' keeps the global session for 30h/,
      ],
      [
        "a global session unknown until apply",
        spec(T.org, "org", { name: "contoso", sessionDuration: UNKNOWN }),
        /sessionDuration cannot be read .* judged as longer than any ceiling/,
      ],
    ])("blocks %s", async (_t, org, message) => {
      expect((await verdict([org], rule)).blocked).toEqual([expect.stringMatching(message)]);
    });
    it("passes short sessions, and a seat expiry of a month (licensing, not a session)", async () => {
      const org = spec(T.org, "org", {
        name: "contoso",
        sessionDuration: "8h",
        warpAuthSessionDuration: "12h",
        userSeatExpirationInactiveTime: "730h",
      });
      expect((await verdict([org], rule)).all).toEqual([]);
    });
  });

  describe("access-tunnel-routes-behind-access: only an app that enforces on the hostname covers a route", () => {
    const rule = "access-tunnel-routes-behind-access";
    const staff = policy("staff", { includes: [{ email: { email: "ops@contoso.com" } }], requires: [MFA] });
    const route = spec(T.tunnelConfig, "routes", {
      tunnelId: "t",
      config: {
        ingresses: [{ hostname: "ssh.contoso.com", service: "ssh://localhost:22" }, { service: "http_status:404" }],
      },
    });
    const at = (inputs: Json) => spec(T.app, "ssh-app", { name: "ssh", domain: "ssh.contoso.com", ...inputs });
    it.each<[string, Spec[], RegExp]>([
      ["a bookmark", [at({ type: "bookmark" })], /'ssh' is a bookmark application, which does not guard the hostname/],
      ["a SaaS app", [staff, at({ type: "saas", policies: [{ id: ref("staff") }] })], /is a saas application/],
      [
        "a self-hosted app whose only policy bypasses",
        [at({ type: "self_hosted", policies: [{ decision: "bypass", includes: [{ everyone: {} }] }] })],
        /'ssh' has no allow policy \(only bypass\)/,
      ],
      ["a self-hosted app with no policy", [at({ type: "self_hosted" })], /'ssh' has no policy/],
      [
        "a self-hosted app whose policies are not in the stack",
        [at({ type: "self_hosted", policies: [{ id: "0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f" }] })],
        /its policies 0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f are not declared here/,
      ],
      [
        "a private destination of the same name (reached through WARP, not the tunnel's public hostname)",
        [
          staff,
          at({
            type: "self_hosted",
            domain: undefined,
            destinations: [{ type: "private", hostname: "ssh.contoso.com" }],
            policies: [{ id: ref("staff") }],
          }),
        ],
        /publishes ssh:\/\/localhost:22 at ssh\.contoso\.com with no Access application in front:/,
      ],
    ])("blocks SSH behind %s", async (_t, specs, message) => {
      expect((await verdict([...specs, route], rule)).blocked).toEqual([expect.stringMatching(message)]);
    });
    it.each<[string, Spec[]]>([
      [
        "a self-hosted app with a reusable allow policy",
        [staff, at({ type: "self_hosted", policies: [{ id: ref("staff") }] })],
      ],
      ["an SSH app (browser-rendered)", [staff, at({ type: "ssh", policies: [{ id: ref("staff") }] })]],
      ["an app with no type (self-hosted, Cloudflare's default)", [staff, at({ policies: [{ id: ref("staff") }] })]],
      [
        "a public destination with a wildcard",
        [
          staff,
          at({
            type: "self_hosted",
            domain: undefined,
            destinations: [{ type: "public", uri: "*.contoso.com" }],
            policies: [{ id: ref("staff") }],
          }),
        ],
      ],
      [
        "service tokens only (non_identity)",
        [
          at({
            type: "self_hosted",
            policies: [{ decision: "non_identity", includes: [{ anyValidServiceToken: {} }] }],
          }),
        ],
      ],
    ])("passes SSH behind %s", async (_t, specs) => {
      expect((await verdict([...specs, route], rule)).blocked).toEqual([]);
    });
  });
});

describe("an app with no session of its own gets Cloudflare's default (24h), judged against the profile's ceiling", () => {
  const rule = "access-session-within-ceiling";
  const ceiling = (hours: number) => (config: Json) => (config[rule].sessionCeilingHours = hours);
  it("blocks it under an 8h ceiling", async () => {
    const found = await check(
      edit("contoso-app-intranet-application", (i) => delete i.sessionDuration),
      ceiling(8),
    );
    expect(found.filter((d) => d.policyName === rule).map((d) => d.message)).toEqual([
      expect.stringMatching(
        /keeps sessions for 24h \(Cloudflare's default: it sets no sessionDuration\), beyond the 8h ceiling/,
      ),
    ]);
  });
  it("passes it under the 24h ceiling", async () => {
    const found = await check(edit("contoso-app-intranet-application", (i) => delete i.sessionDuration));
    expect(names(found)).not.toContain(rule);
  });
});
