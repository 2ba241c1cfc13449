import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BASELINES } from "../catalog/baselines";
import { CONTROL_IDS } from "../catalog/controls";
import { TYPED_CONTROL_IDS } from "../catalog/controls/ids";
import { baselinesReference } from "../components/identity/baselines-reference";

// The cross-reference answers "where is X?" for an administrator who knows another baseline: every
// answer must be true of the catalog (a control it has, or a reason), and each policy listed once.
describe("the public baselines' cross-reference (catalog/baselines/)", () => {
  it("answers each policy with real controls, a reason, or both; never with nothing", () => {
    for (const b of BASELINES)
      for (const p of b.policies) {
        const label = `${b.name} ${p.id}`;
        expect((p.controls?.length ?? 0) + (p.why?.trim() ? 1 : 0), label).toBeGreaterThan(0);
        for (const id of p.controls ?? []) expect(CONTROL_IDS, `${label} names ${id}`).toContain(id);
        expect(p.title.trim(), label).not.toBe("");
      }
  });

  it("lists each policy of a baseline once, and as many as the baseline has where it was read", () => {
    const counts = Object.fromEntries(BASELINES.map((b) => [b.name, b.policies.length]));
    expect(counts).toEqual({
      "Kenneth van Surksum's baseline": 48,
      "j0eyv's ConditionalAccessBaseline": 36,
      "Microsoft's Conditional Access templates": 22, // 19 templates and 3 other common policies
      "Microsoft's persona framework (Microsoft365DSC sample)": 58,
    });
    for (const b of BASELINES) {
      const ids = b.policies.map((p) => p.id);
      expect(
        ids.filter((id, i) => ids.indexOf(id) !== i),
        b.name,
      ).toEqual([]);
    }
  });

  it("keeps the ControlId type equal to the catalog's ids", () => {
    expect(Object.keys(TYPED_CONTROL_IDS).sort()).toEqual([...CONTROL_IDS].sort());
  });

  it("pins every baseline to what was read", () => {
    for (const b of BASELINES) expect(b.pinned, b.name).toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("docs/baselines.md renders it (run `npm run docs`)", () => {
    expect(readFileSync(join(__dirname, "..", "docs", "baselines.md"), "utf8")).toBe(baselinesReference());
  });
});
