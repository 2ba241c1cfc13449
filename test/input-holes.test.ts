import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { parseProfile, ProfileError } from "../profile";
import { loadStackProfile } from "../sources/stack-profile";
import { exampleProfile } from "./fixtures";
import { ztHere } from "./zt-here";

// Input a profile must refuse, wherever it comes from: trusted ranges that trust strangers,
// text that rewrites the terminal or the report it is printed to, a profile that is no mapping.

function problemsOf(mutate: (p: Record<string, any>) => void) {
  const p = exampleProfile() as Record<string, any>;
  mutate(p);
  try {
    parseProfile(p, "Pulumi.test.yaml");
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
    return (e as ProfileError).problems;
  }
  return [];
}
const ranges = (r: string[]) => problemsOf((p) => (p.identity.trustedIpRanges = r));

describe("trusted IP ranges", () => {
  it("refuse every address, in either family and however it is spelled", () => {
    for (const r of ["0.0.0.0/0", "::/0", "0::/0", "128.0.0.0/1"]) {
      const [problem, ...more] = ranges(["203.0.113.0/24", r]);
      expect(problem?.path, r).toBe("identity.trustedIpRanges[1]");
      expect(problem?.message, r).toMatch(/every address|addresses: a trusted range is the organisation's own egress/);
      expect(more, r).toEqual([]);
    }
  });

  it("refuse public ranges the size of a provider's, and accept an organisation's", () => {
    for (const r of ["20.0.0.0/8", "52.0.0.0/11", "198.50.0.0/15", "2001:db8::/32", "2a01:111::/47"])
      expect(ranges([r])[0]?.message, r).toMatch(
        /a trusted range is the organisation's own egress \(at most a \/(16|48)/,
      );
    expect(ranges(["52.0.0.0/11"])[0]!.message).toContain("2,097,152 addresses");
    for (const r of ["203.0.113.0/24", "198.51.100.7/32", "51.140.0.0/16", "2001:db8:1::/48", "2001:db8:1:2::/64"])
      expect(ranges([r]), r).toEqual([]);
  });

  it("refuse host bits, naming the range meant", () => {
    expect(ranges(["10.0.0.1/8"])).toEqual([
      {
        path: "identity.trustedIpRanges[0]",
        message: "host bits are set: 10.0.0.1/8 is the range 10.0.0.0/8; write that",
      },
    ]);
    expect(ranges(["203.0.113.77/24"])[0]!.message).toContain("203.0.113.0/24");
    expect(ranges(["2001:db8:1::1/48"])[0]!.message).toContain("2001:db8:1::/48");
  });

  it("refuse ranges Entra never sees a sign-in from (it refuses private ranges)", () => {
    for (const r of [
      "10.1.0.0/16",
      "192.168.1.0/24",
      "172.16.0.0/16",
      "100.64.0.0/16",
      "127.0.0.1/32",
      "fd00::/48",
      "fe80::/64",
    ])
      expect(ranges([r])[0]?.message, r).toMatch(/not a public range/);
  });

  it("refuse what is no CIDR", () => {
    for (const r of [
      "203.0.113.0",
      "203.0.113.0/33",
      "10.1/16",
      "203.0.113.0/24/1",
      "2001:db8::/129",
      "example.com/24",
      " 203.0.113.0/24",
    ])
      expect(ranges([r])[0]?.message, r).toMatch(/expected a CIDR like/);
  });

  it("accept IPv6 beside IPv4, and plan it into the trusted named location", () => {
    const p = parseProfile({
      ...exampleProfile(),
      identity: { ...exampleProfile().identity, trustedIpRanges: ["203.0.113.0/24", "2001:db8:1::/48"] },
    });
    expect(p.identity.trustedIpRanges).toEqual(["203.0.113.0/24", "2001:db8:1::/48"]);
  });
});

describe("free text", () => {
  const ESC = "\u001b[2J\u001b[31mOK";
  const cases: [string, (p: Record<string, any>, bad: string) => void, string][] = [
    ["display name", (p, bad) => (p.client.displayName = `Contoso${bad}`), "client.displayName"],
    [
      "an opt-out's reason",
      (p, bad) =>
        (p.identity.optOuts = [{ control: "block-legacy-auth", reason: `The legacy mail gateway is retired in May.${bad}x` }]),
      "identity.optOuts[0].reason",
    ],
    [
      "a policy exception's approver",
      (p, bad) =>
        (p.exceptions = [
          {
            policy: "network-no-admin-ports-from-internet",
            resource: "*bastion*",
            reason: "The vendor's support needs SSH until the migration ends.",
            approvedBy: `ciso@contoso.com${bad}`,
            expires: "2030-01-01",
          },
        ]),
      "exceptions[0].approvedBy",
    ],
  ];

  it("refuses a newline, an ANSI escape, a tab, a C1 control and a bidirectional override, at its path", () => {
    for (const [what, set, path] of cases)
      for (const bad of ["\nCA999 disabled", ESC, "\t", "\u009b31m", "\u202e"]) {
        const found = problemsOf((p) => set(p, bad)).filter((x) => x.path === path);
        expect(
          found.map((x) => x.message),
          `${what} ${JSON.stringify(bad)}`,
        ).toEqual([expect.stringContaining("control characters")]);
      }
  });

  it("accepts the same text without them (accents and punctuation are text)", () => {
    for (const [what, set] of cases)
      expect(
        problemsOf((p) => set(p, " — Zürich, façade")),
        what,
      ).toEqual([]);
  });

  it("trims a trailing newline from a reason (a YAML block scalar ends with one)", () => {
    const p = exampleProfile() as Record<string, any>;
    p.identity.optOuts = [{ control: "block-legacy-auth", reason: "The legacy mail gateway is retired in May.\n" }];
    expect(parseProfile(p).identity.optOuts[0]!.reason).toBe("The legacy mail gateway is retired in May.");
  });
});

describe("from a stack file", () => {
  const dir = mkdtempSync(join(tmpdir(), "zt-holes-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const stack = (name: string, profile: unknown) =>
    writeFileSync(join(dir, `Pulumi.${name}.yaml`), stringify({ config: { "zt-baseline:profile": profile } }));
  const refusal = (name: string) => {
    try {
      loadStackProfile(dir, name);
    } catch (e) {
      expect(e).toBeInstanceOf(ProfileError);
      return (e as ProfileError).message;
    }
    throw new Error("accepted");
  };

  it("a display name with an escape names the file and the path", () => {
    const p = exampleProfile() as Record<string, any>;
    p.client.displayName = "Contoso\u001b[2K\rPASS";
    stack("escape", p);
    const message = refusal("escape");
    expect(message).toContain(join(dir, "Pulumi.escape.yaml"));
    expect(message).toContain("client.displayName: control characters");
    // The refusal itself prints no escape.
    expect(message).not.toContain("\u001b");
  });

  it("a 0.0.0.0/0 trusted range names the file and the path", () => {
    const p = exampleProfile() as Record<string, any>;
    p.identity.trustedIpRanges = ["0.0.0.0/0"];
    stack("open", p);
    expect(refusal("open")).toMatch(
      /Pulumi\.open\.yaml[\s\S]*identity\.trustedIpRanges\[0\]: 0\.0\.0\.0\/0 is every address/,
    );
  });

  it("a profile that is a bare string names the file and the key, not a JSON parser's complaint", () => {
    stack("bare", "contoso");
    const message = refusal("bare");
    expect(message).toContain(join(dir, "Pulumi.bare.yaml"));
    expect(message).toContain('zt-baseline:profile: is the string "contoso", not a profile');
    expect(message).not.toMatch(/JSON|Unexpected token/);
  });

  it("zt plan refuses it with exit 1, names the file, and plans nothing", async () => {
    stack("bare2", "contoso\u001b[31m");
    const r = await ztHere(["plan", "--stack", "bare2", "--stacks-dir", dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(join(dir, "Pulumi.bare2.yaml"));
    expect(r.stderr).not.toContain("\u001b");
    expect(r.stdout).toBe("");
    expect(readFileSync(join(dir, "Pulumi.bare2.yaml"), "utf8")).toContain("contoso");
  });
});
