import { describe, expect, it } from "vitest";
import { CONTROLS } from "../catalog/controls";
import { frameworkCoverage } from "../compliance/coverage";
import { FRAMEWORK_ITEMS } from "../catalog/frameworks";
import { MAPPING } from "../compliance/mapping";
import { RULES } from "../policy-packs/zero-trust/rules";
import { parseProfile } from "../profile";
import { MONITORING_FEATURES } from "../profile/monitoring";
import { exampleProfile, minimalProfile } from "./fixtures";

const FEATURES = [
  "feature:aws-mfa",
  "feature:aws-segmentation",
  "feature:azure-segmentation",
  "feature:privileged-access",
  "feature:ztna",
  ...MONITORING_FEATURES.map((f) => `feature:${f}`),
];

describe("compliance mapping", () => {
  it("maps every Conditional Access control to at least one framework item", () => {
    for (const c of CONTROLS) expect(MAPPING[c.id]?.length, c.id).toBeGreaterThan(0);
  });

  it("maps every policy of the pack and every feature to at least one framework item", () => {
    for (const key of [...RULES.map((r) => r.name), ...FEATURES]) expect(MAPPING[key]?.length, key).toBeGreaterThan(0);
  });

  it("refers only to controls, policies and features that exist, and to framework items that exist", () => {
    const known = new Set([...CONTROLS.map((c) => c.id), ...RULES.map((r) => r.name), ...FEATURES]);
    const items = new Set(FRAMEWORK_ITEMS.map((i) => i.id));
    for (const [key, refs] of Object.entries(MAPPING)) {
      expect(known.has(key), key).toBe(true);
      for (const ref of refs) expect(items.has(ref), `${key} -> ${ref}`).toBe(true);
    }
  });

  it("says why an item is not covered: licence, opt-out with its reason, or a component not declared", () => {
    const raw = minimalProfile();
    raw.identity.optOuts = [
      {
        control: "secure-security-info-registration",
        reason: "Registration happens at the service desk, on a managed device, with ID.",
      },
    ];
    const coverage = frameworkCoverage(parseProfile(raw));
    const scuba38 = coverage.find((c) => c.item.id === "scuba-aad-3.8")!;
    expect(scuba38).toMatchObject({
      covered: false,
      gaps: [
        "secure-security-info-registration: opted out: Registration happens at the service desk, on a managed device, with ID.",
      ],
    });
    expect(coverage.find((c) => c.item.id === "scuba-aad-2.1")).toMatchObject({
      covered: false,
      gaps: ["block-high-user-risk: needs Entra ID P2 (identity.licence is P1)"],
    });
  });

  it("the example (P2, both clouds, ZTNA) covers the identity, network and application items", () => {
    const coverage = frameworkCoverage(parseProfile(exampleProfile()));
    for (const id of [
      "scuba-aad-2.1",
      "scuba-aad-3.6",
      "ztmm-networks-segmentation",
      "ztmm-apps-access",
      "nist-207-t2",
    ]) {
      expect(coverage.find((c) => c.item.id === id)?.covered, id).toBe(true);
    }
  });
});
