import { describe, expect, it } from "vitest";
import { SCANNER_CHECKS, checkLabel } from "../catalog/scanner-checks";
import { RULES } from "../policy-packs/zero-trust/rules";

// The cross-reference is data users read to decide whether the pack covers their scanner: every
// entry must say something true of the pack (a policy it has, or a reason), and say it once.
describe("the scanners' checks (catalog/scanner-checks.ts)", () => {
  const policies = new Set(RULES.map((r) => r.name));
  it("answers each check with the pack's policies, a reason, or both; never with nothing", () => {
    for (const c of SCANNER_CHECKS) {
      expect((c.rules?.length ?? 0) + (c.why ? 1 : 0), checkLabel(c)).toBeGreaterThan(0);
      for (const p of c.rules ?? []) expect(policies, `${checkLabel(c)} names ${p}`).toContain(p);
    }
  });
  it("lists each check once", () => {
    const labels = SCANNER_CHECKS.map(checkLabel);
    expect(labels.filter((l, i) => labels.indexOf(l) !== i)).toEqual([]);
  });
  it("is the one place scanner ids are kept: no rule names one in its own references", () => {
    const scannerId = /^(CKV2?_[A-Z]+_\d+|trivy |Prowler |cdk-nag )/;
    expect(RULES.flatMap((r) => r.references.filter((x) => scannerId.test(x)).map((x) => `${r.name}: ${x}`))).toEqual(
      [],
    );
  });
  it("covers each of the four scanners and every mandatory network and privilege rule that has a scanner counterpart", () => {
    expect(new Set(SCANNER_CHECKS.map((c) => c.scanner))).toEqual(new Set(["checkov", "trivy", "Prowler", "cdk-nag"]));
    const judged = new Set(SCANNER_CHECKS.flatMap((c) => c.rules ?? []));
    for (const p of [
      "network-no-admin-ports-from-internet",
      "network-no-internet-ingress-beyond-edge",
      "network-restricted-egress",
      "network-no-paas-open-to-internet",
      "network-acl-no-admin-ports-from-internet",
      "privilege-no-wildcard-admin-for-people",
      "privilege-no-admin-role-without-mfa",
      "privilege-no-open-role-trust",
      "privilege-no-public-resource-policy",
      "privilege-no-broad-azure-roles",
    ])
      expect(judged, p).toContain(p);
  });
});
