import { describe, expect, it } from "vitest";
import { diffLocks } from "../posture/lock-diff";
import type { PostureLock } from "../posture/lock";
import { readLock } from "../sources/lockfile";

// diffLocks on the example's committed lockfile, one policy changed at a time: every way a
// grant lets more sign-ins through is a widening, and losing the break-glass exclusion is a lockout.

const BREAK_GLASS = "group:9e4c2a7b-1f3d-4b6e-8a5c-2d7f0e1b3c94";
const CA002 = "CA002-Global-BaseProtection-AllApps-AnyPlatform-RequireMFAStrength";
const approved = () => readLock("stacks", "example")!;

function changed(name: string, edit: (p: any) => void): PostureLock {
  const lock = structuredClone(approved()) as any;
  edit(lock.identity[name]);
  return lock;
}
const widenings = (proposed: PostureLock, breakGlass?: string[]) =>
  diffLocks(approved(), proposed, { breakGlass })
    .filter((i) => i.change === "widening")
    .map((i) => i.message);

describe("weakened grants", () => {
  it("a built-in control added under OR beside an authentication strength is a new way in", () => {
    expect(approved().identity[CA002]!.grant).toMatchObject({ operator: "OR", builtIn: [] });
    const w = widenings(changed(CA002, (p) => (p.grant.builtIn = ["mfa"])));
    expect(w).toEqual([`'${CA002}' accepts mfa as an alternative now (OR)`]);
  });

  it("AND turned into OR between a control and a strength widens; one control alone is the same either way", () => {
    expect(
      widenings(changed(CA002, (p) => Object.assign(p.grant, { operator: "AND", builtIn: [] }))),
      "one control: AND and OR are the same",
    ).toEqual([]);
    const andBoth = structuredClone(approved()) as any;
    andBoth.identity[CA002].grant = { operator: "AND", builtIn: ["compliantDevice"], strength: ["fido2"] };
    const orBoth = structuredClone(andBoth);
    orBoth.identity[CA002].grant.operator = "OR";
    expect(
      diffLocks(andBoth, orBoth)
        .filter((i) => i.change === "widening")
        .map((i) => i.message),
    ).toEqual([`'${CA002}' turned AND into OR: one of compliantDevice, authentication strength is enough now`]);
  });

  it("OR into AND widens only when none of the new controls was an approved alternative", () => {
    const base = structuredClone(approved()) as any;
    base.identity[CA002].grant = { operator: "OR", builtIn: ["compliantDevice", "domainJoinedDevice"], strength: null };
    const overlap = structuredClone(base);
    overlap.identity[CA002].grant = { operator: "AND", builtIn: ["compliantDevice", "mfa"], strength: null };
    const disjoint = structuredClone(base);
    disjoint.identity[CA002].grant = { operator: "AND", builtIn: ["mfa", "approvedApplication"], strength: null };
    const fewer = structuredClone(base);
    fewer.identity[CA002].grant.builtIn = ["compliantDevice"];
    const w = (b: any) => diffLocks(base, b).filter((i) => i.change === "widening");
    expect(w(overlap)).toEqual([]);
    expect(w(fewer)).toEqual([]);
    expect(w(disjoint).map((i) => i.message)).toEqual([
      `'${CA002}' requires mfa, approvedApplication instead of one of compliantDevice, domainJoinedDevice`,
    ]);
  });

  it("weaker methods in the strength and a lost grant are widenings", () => {
    expect(widenings(changed(CA002, (p) => p.grant.strength.push("sms")))).toEqual([
      `'${CA002}' accepts weaker methods: sms`,
    ]);
    expect(widenings(changed(CA002, (p) => (p.grant = null)))).toEqual([`'${CA002}' lost its grant controls`]);
  });
});

describe("lockout risks", () => {
  const CA001 = "CA001-Global-BaseProtection-AllApps-AnyPlatform-BlockLegacyAuth";
  const dropBreakGlass = () => changed(CA001, (p) => (p.exclude = p.exclude.filter((x: string) => x !== BREAK_GLASS)));

  it("removing the break-glass group from a blocking policy blocks like a widening, named as a lockout", () => {
    for (const breakGlass of [[BREAK_GLASS], undefined]) {
      expect(widenings(dropBreakGlass(), breakGlass)).toEqual([
        `'${CA001}' no longer excludes the break-glass ${BREAK_GLASS}: a lockout risk, since no account would be left to recover sign-in`,
      ]);
    }
  });

  it("removing an exclusion that is not break-glass is narrowing", () => {
    const other = "group:5a8e3f1d-6c2b-4d9a-8e7f-1b3c5d7e9f20"; // the example's declared exclusion
    const name = Object.keys(approved().identity).find((k) => approved().identity[k]!.exclude.includes(other))!;
    const items = diffLocks(
      approved(),
      changed(name, (p) => (p.exclude = p.exclude.filter((x: string) => x !== other))),
      { breakGlass: [BREAK_GLASS] },
    );
    expect(items).toEqual([
      expect.objectContaining({ change: "narrowing", message: `'${name}' no longer excludes ${other}` }),
    ]);
  });

  it("a new policy that does not exclude the break-glass accounts is a lockout risk; one that does is narrowing", () => {
    const withNew = (exclude: string[]) => {
      const lock = structuredClone(approved()) as any;
      lock.identity["CA999-New-Block"] = { ...structuredClone(lock.identity[CA001]), exclude };
      return lock;
    };
    expect(widenings(withNew([]), [BREAK_GLASS]).join("\n")).toMatch(
      /'CA999-New-Block' is a new policy that does not exclude the break-glass .*lockout risk/,
    );
    expect(widenings(withNew(approved().identity[CA001]!.exclude as string[]), [BREAK_GLASS])).toEqual([]);
  });
});

describe("named locations", () => {
  const locations = (edit: (l: Record<string, any>) => void): PostureLock => {
    const lock = structuredClone(approved()) as any;
    edit(lock.namedLocations);
    return lock;
  };
  const changes = (proposed: PostureLock) =>
    diffLocks(approved(), proposed)
      .filter((i) => i.subject.startsWith("location:"))
      .map((i) => `${i.change}: ${i.message}`);

  it("a new trusted location, or one trusted now, widens who skips trusted-location exclusions", () => {
    expect(
      changes(locations((l) => (l["Office"] = { trusted: true, countries: [], ipRanges: ["198.51.100.0/24"] }))),
    ).toEqual([
      "widening: named location 'Office' is new and trusted: sign-ins from it skip what excludes trusted locations",
    ]);
    const name = Object.keys(approved().namedLocations).find((n) => !approved().namedLocations[n]!.trusted)!;
    expect(changes(locations((l) => (l[name].trusted = true)))).toContainEqual(
      expect.stringMatching(/^widening: .* is trusted now/),
    );
  });

  it("a country added to the allowed countries (excluded from the country block) is a widening; one removed, narrowing", () => {
    const name = Object.keys(approved().namedLocations).find(
      (n) => approved().namedLocations[n]!.countries.length > 0,
    )!;
    expect(changes(locations((l) => l[name].countries.push("KP")))).toEqual([
      `widening: named location '${name}' covers more: KP (policies that exclude it now let those in)`,
    ]);
    expect(changes(locations((l) => l[name].countries.pop()))).toEqual([
      `narrowing: named location '${name}' covers less`,
    ]);
  });
});
