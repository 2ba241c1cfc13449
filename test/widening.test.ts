import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { diffLocks } from "../posture/lock-diff";
import { lockOf, type PostureLock } from "../posture/lock";
import { postureOf } from "../posture/build";
import type { PlannedResource } from "../posture/resource";
import { diffJson, diffMarkdown, diffSarif, diffText } from "../reports/diff";
import { postureWithinLock } from "../policy-packs/zero-trust/rules/posture/posture-within-lock";
import { packConfigFor } from "../engine/pack-config";
import { add, edit, find, handWritten, usePack } from "./pack-harness";

const { ctx } = usePack();
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** SARIF 2.1.0's own JSON schema, as Microsoft's SARIF SDK ships it (draft-04). */
function sarifValidator() {
  const schema = JSON.parse(
    readFileSync(
      join(__dirname, "..", "node_modules", "@microsoft", "jest-sarif", "lib", "schemas", "sarif-2.1.0-rtm.5.json"),
      "utf8",
    ),
  );
  const ajv = new Ajv({ schemaId: "auto", validateSchema: false, allErrors: true });
  ajv.addMetaSchema(require("ajv/lib/refs/json-schema-draft-04.json"));
  return ajv.compile(schema);
}
const validSarif = sarifValidator();

type Mutation = (resources: PlannedResource[]) => PlannedResource[];
const sg = (resources: readonly PlannedResource[], tier: string) => find(resources, `contoso-aws-tiers-${tier}`).urn;

const WIDENING: [string, "identity" | "network" | "access" | "privilege", () => Mutation][] = [
  [
    "a new flow (web straight to data)",
    "network",
    () => (rs) => [
      ...rs,
      handWritten(
        "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        "web-to-db",
        {
          securityGroupId: UNKNOWN,
          referencedSecurityGroupId: UNKNOWN,
          ipProtocol: "tcp",
          fromPort: 5432,
          toPort: 5432,
        },
        { securityGroupId: [sg(rs, "data")], referencedSecurityGroupId: [sg(rs, "web")] },
      ),
    ],
  ],
  [
    "a broader port range",
    "network",
    () => edit("contoso-aws-tiers-web-to-app-tcp-8443-in", (i) => Object.assign(i, { fromPort: 8000, toPort: 9000 })),
  ],
  [
    "a removed explicit deny",
    "network",
    () => (rs) => rs.filter((r) => r.name !== "contoso-azure-tiers-data-deny-all-inbound"),
  ],
  [
    "a new exclusion",
    "identity",
    () =>
      edit("contoso-identity-mfa-all-users", (i) =>
        i.conditions.users.excludedGroups.push("11111111-2222-4333-8444-555555555555"),
      ),
  ],
  [
    "a weaker grant (AND to OR)",
    "identity",
    () => edit("contoso-identity-admins-compliant-device-admin-portals", (i) => (i.grantControls.operator = "OR")),
  ],
  ["a disabled policy", "identity", () => edit("contoso-identity-block-legacy-auth", (i) => (i.state = "disabled"))],
  [
    "a longer sign-in session",
    "identity",
    () => edit("contoso-identity-admins-session-limits", (i) => (i.sessionControls.signInFrequency = 8)),
  ],
  [
    "a broader ZTNA audience",
    "access",
    () => edit("contoso-app-finance-allow", (i) => i.includes.push({ emailDomain: { domain: "partner.example" } })),
  ],
  [
    "a longer ZTNA session",
    "access",
    () => edit("contoso-app-finance-application", (i) => (i.sessionDuration = "12h")),
  ],
  [
    "a new privileged grant",
    "privilege",
    () =>
      add(
        handWritten("azuread:index/directoryRoleAssignment:DirectoryRoleAssignment", "ga-bob", {
          roleId: "62e90394-69f5-4237-9190-012177145e10",
          principalObjectId: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee",
        }),
      ),
  ],
];

const NARROWING: [string, () => Mutation][] = [
  ["a removed flow", () => (rs) => rs.filter((r) => !r.name.includes("app-to-data-tcp-6379"))],
  [
    "a narrower egress range",
    () => edit("contoso-aws-tiers-app-to-internet-tcp-443-out", (i) => (i.cidrIpv4 = "198.51.100.0/25")),
  ],
  [
    "a report-only policy enforced",
    () => edit("contoso-identity-block-unknown-platforms", (i) => (i.state = "enabled")),
  ],
  ["a shorter ZTNA session", () => edit("contoso-app-finance-application", (i) => (i.sessionDuration = "1h"))],
  [
    "a removed declared exclusion",
    () =>
      edit(
        "contoso-identity-require-compliant-device",
        (i) => (i.conditions.users.excludedGroups = ["9e4c2a7b-1f3d-4b6e-8a5c-2d7f0e1b3c94"]),
      ),
  ],
];

function diffOf(mutation: Mutation) {
  const approved = lockOf(postureOf(ctx.plan.resources));
  const proposed = mutation(structuredClone(ctx.plan.resources) as PlannedResource[]);
  return { approved, proposed, items: diffLocks(approved, lockOf(postureOf(proposed))) };
}

async function packVerdict(lock: PostureLock, resources: PlannedResource[]) {
  await ctx.server.configure(packConfigFor(ctx.plan.profile, lock));
  return (await ctx.server.analyzeStack(resources)).filter((d) => d.policyName === "posture-within-lock");
}

describe("widening against the posture lockfile", () => {
  it("the example plan is exactly its own lock: no change either way", () => {
    expect(diffOf((r) => r).items).toEqual([]);
  });

  it("the committed lockfile of the example is up to date", () => {
    const committed = JSON.parse(readFileSync(join(__dirname, "..", "stacks", "example.posture-lock.json"), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(lockOf(postureOf(ctx.plan.resources)))));
  });

  describe.each(WIDENING)("%s", (_title, layer, mutation) => {
    it(`is widening in the ${layer} layer in all four outputs, and the pack blocks it`, async () => {
      const { approved, proposed, items } = diffOf(mutation());
      const widening = items.filter((i) => i.change === "widening");
      expect(widening.map((i) => i.layer)).toContain(layer);
      const report = { title: "example", artifact: "stacks/Pulumi.example.yaml", items, toolVersion: "1.2.3" };
      expect(diffText(report)).toMatch(new RegExp(`^WIDENING {2}${layer}$`, "m"));
      expect(diffMarkdown(report)).toMatch(/^### Zero-trust posture: ⚠️ \d+ widening change/m);
      const sarif = diffSarif(report, postureWithinLock);
      expect(validSarif(sarif), JSON.stringify(validSarif.errors)).toBe(true);
      expect(sarif.runs[0]!.results).toContainEqual(
        expect.objectContaining({
          ruleId: "posture-within-lock",
          level: "error",
          properties: { layer, change: "widening" },
        }),
      );
      expect(JSON.parse(diffJson(report)).items).toContainEqual(expect.objectContaining({ layer, change: "widening" }));
      // Approved by the change's own lockfile, it still shows, marked as approved, and stops being an error.
      const ok = { ...report, approval: { file: "stacks/example.posture-lock.json", unapproved: [] } };
      expect(diffMarkdown(ok)).toMatch(/^### Zero-trust posture: ✅ \d+ widening changes?, all approved by/m);
      expect(diffMarkdown(ok)).toContain("✅ approved");
      expect(diffText(ok)).toContain("(approved)");
      expect(diffSarif(ok, postureWithinLock).runs[0]!.results!.every((x) => x.level === "note")).toBe(true);
      // Not approved: said so, item by item.
      const no = { ...report, approval: { file: "stacks/example.posture-lock.json", unapproved: widening } };
      expect(diffMarkdown(no)).toMatch(/⚠️ \d+ widening changes?, \d+ not approved by/);
      expect(diffMarkdown(no)).toContain("⚠️ **not approved**");
      expect(JSON.parse(diffJson(no)).items).toContainEqual(expect.objectContaining({ layer, approved: false }));
      const verdict = await packVerdict(approved, proposed);
      expect(verdict).toContainEqual(
        expect.objectContaining({
          enforcementLevel: "mandatory",
          message: expect.stringMatching(`Widens the approved posture \\(${layer}\\)`),
        }),
      );
    });
  });

  describe.each(NARROWING)("%s", (_title, mutation) => {
    it("is narrowing only, and the pack lets it through (suggesting a tighter lock)", async () => {
      const { approved, proposed, items } = diffOf(mutation());
      expect(items.length).toBeGreaterThan(0);
      expect(items.filter((i) => i.change === "widening")).toEqual([]);
      const sarif = diffSarif(
        { title: "example", artifact: "stacks/Pulumi.example.yaml", items, toolVersion: "1.2.3" },
        postureWithinLock,
      );
      expect(validSarif(sarif)).toBe(true);
      expect(sarif.runs[0]!.results!.every((r) => r.level === "note")).toBe(true);
      const verdict = await packVerdict(approved, proposed);
      expect(verdict.filter((d) => d.enforcementLevel === "mandatory")).toEqual([]);
    });
  });

  it("a stack with no lockfile gets an advisory notice, not a block", async () => {
    await ctx.server.configure(packConfigFor(ctx.plan.profile));
    const found = await ctx.server.analyzeStack(ctx.plan.resources);
    expect(found).toContainEqual(
      expect.objectContaining({
        policyName: "pack-notices",
        enforcementLevel: "advisory",
        message: expect.stringMatching(/No posture lockfile is configured/),
      }),
    );
    expect(found.filter((d) => d.enforcementLevel === "mandatory")).toEqual([]);
  });
});
