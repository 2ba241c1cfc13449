import { describe, expect, it } from "vitest";
import { CONTROLS } from "../catalog/controls";
import { frameworkCoverage } from "../compliance/coverage";
import { FRAMEWORK_ITEMS } from "../catalog/frameworks";
import { MAPPING } from "../compliance/mapping";
import { RULES } from "../policy-packs/zero-trust/rules";
import { parseProfile } from "../profile";
import { MONITORING_FEATURES } from "../profile/monitoring";
import { FEATURES } from "../catalog/features";
import { exampleProfile, minimalProfile } from "./fixtures";
import { planProfile } from "./harness";

const FEATURE_KEYS = Object.keys(FEATURES).map((f) => `feature:${f}`);

describe("compliance mapping", () => {
  it("every monitoring feature a profile can ask for has evidence to look for", () => {
    for (const f of MONITORING_FEATURES) expect(Object.keys(FEATURES), f).toContain(f);
  });

  it("maps every Conditional Access control to at least one framework item", () => {
    for (const c of CONTROLS) expect(MAPPING[c.id]?.length, c.id).toBeGreaterThan(0);
  });

  it("maps every policy of the pack and every feature to at least one framework item", () => {
    for (const key of [...RULES.map((r) => r.name), ...FEATURE_KEYS])
      expect(MAPPING[key]?.length, key).toBeGreaterThan(0);
  });

  it("refers only to controls, policies and features that exist, and to framework items that exist", () => {
    const known = new Set([...CONTROLS.map((c) => c.id), ...RULES.map((r) => r.name), ...FEATURE_KEYS]);
    const items = new Set(FRAMEWORK_ITEMS.map((i) => i.id));
    for (const [key, refs] of Object.entries(MAPPING)) {
      expect(known.has(key), key).toBe(true);
      for (const ref of refs) expect(items.has(ref), `${key} -> ${ref}`).toBe(true);
    }
  });

  it("says why an item is not covered: licence, opt-out with its reason, or a component not declared", async () => {
    const raw = minimalProfile();
    raw.identity.optOuts = [
      {
        control: "secure-security-info-registration",
        reason: "Registration happens at the service desk, on a managed device, with ID.",
      },
    ];
    const coverage = frameworkCoverage(parseProfile(raw), await planProfile(raw));
    const scuba38 = coverage.find((c) => c.item.id === "scuba-aad-3.8")!;
    expect(scuba38).toMatchObject({ status: "not-met", scubaGear: "fail" });
    expect(scuba38.gaps).toContain(
      "'CA301-Global-IdentityProtection-RegisterSecurityInfo-AnyPlatform-TrustedLocationOrCompliantDevice': opted out: Registration happens at the service desk, on a managed device, with ID.",
    );
    expect(coverage.find((c) => c.item.id === "scuba-aad-2.1")).toMatchObject({
      status: "not-met",
      gaps: ["needs Entra ID P2: ScubaGear fails it without the licence (identity.licence is P1)"],
    });
    // Not SCuBA: the opt-out is named with its reason, beside the other pieces that would do.
    expect(coverage.find((c) => c.item.id === "ztmm-identity-risk")!.gaps).toContain(
      "block-high-user-risk: needs Entra ID P2 (identity.licence is P1)",
    );
  });

  it("the example (P2, both clouds, ZTNA) covers the network and application items, identity ones report-only", async () => {
    const coverage = frameworkCoverage(parseProfile(exampleProfile()), await planProfile(exampleProfile()));
    for (const id of ["ztmm-networks-segmentation", "ztmm-apps-access", "nist-207-t2", "cis-aws-3.1"]) {
      expect(coverage.find((c) => c.item.id === id)?.status, id).toBe("met");
    }
    // The example rolls out report-only: the risk policies exist but enforce nothing yet.
    expect(coverage.find((c) => c.item.id === "ztmm-identity-risk")).toMatchObject({ status: "partial" });
    expect(coverage.find((c) => c.item.id === "ztmm-identity-risk")!.gaps[0]).toContain("report-only");
  });
});
