import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { complianceReference } from "../compliance/reference";
import { controlsReference } from "../components/identity/controls-reference";
import { rulesReference } from "../policy-packs/zero-trust/rules-reference";
import { configurationReference, profileJsonSchema } from "../profile/reference";

const root = join(__dirname, "..");

describe("generated profile reference", () => {
  it("docs/configuration.md matches the schema (run `npm run docs` after changing it)", () => {
    expect(readFileSync(join(root, "docs", "configuration.md"), "utf8")).toBe(configurationReference());
  });

  it("docs/controls.md lists every Conditional Access control (run `npm run docs`)", () => {
    expect(readFileSync(join(root, "docs", "controls.md"), "utf8")).toBe(controlsReference());
  });

  it("docs/compliance.md lists every claimable item, what satisfies it and its assessor (run `npm run docs`)", () => {
    const text = readFileSync(join(root, "docs", "compliance.md"), "utf8");
    expect(text).toBe(complianceReference());
    expect(text).toContain("`MS.AAD.3.9v1`");
  });

  it("policy-packs/zero-trust/RULES.md lists every rule of the pack (run `npm run docs`)", () => {
    expect(readFileSync(join(root, "policy-packs", "zero-trust", "RULES.md"), "utf8")).toBe(rulesReference());
  });

  it("schema/profile.schema.json matches the schema", () => {
    expect(JSON.parse(readFileSync(join(root, "schema", "profile.schema.json"), "utf8"))).toEqual(profileJsonSchema());
  });

  it("refuses unknown keys at every level, like the runtime validation", () => {
    const objects: unknown[] = [];
    const walk = (s: unknown) => {
      if (typeof s !== "object" || s === null) return;
      const o = s as Record<string, unknown>;
      if (o.type === "object" && o.properties) objects.push(o);
      Object.values(o).forEach(walk);
    };
    walk(profileJsonSchema());
    expect(objects.length).toBeGreaterThan(10);
    for (const o of objects) expect(o).toHaveProperty("additionalProperties", false);
  });
});
