import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { runProgramOffline } from "../engine/mock-engine";
import { engineUrn, qualifiedTypeOf } from "../engine/urn";
import { ZeroTrustBaseline, clientProviders, parseProfile } from "../index";
import { exampleProfile } from "./fixtures";

// The URNs the offline engine gives are the Pulumi engine's: a child's type chain is its parent's
// whole chain (not its last type), and the root stack is never in it. A URN from `zt plan` then
// matches the same resource in a real preview, an export or an import file.

const S = "dev";
const P = "corp-infra";

describe("the engine's URN rule", () => {
  it("names no parent for a resource of the root stack, or with no parent", () => {
    const stack = "urn:pulumi:dev::corp-infra::pulumi:pulumi:Stack::corp-infra-dev";
    expect(engineUrn(S, P, stack, "pulumi:providers:aws", "contoso-aws")).toBe(
      "urn:pulumi:dev::corp-infra::pulumi:providers:aws::contoso-aws",
    );
    expect(engineUrn(S, P, undefined, "pulumi:pulumi:Stack", "corp-infra-dev")).toBe(stack);
  });

  it("prefixes a child's type with its parent's whole type chain", () => {
    const a = engineUrn(S, P, undefined, "my:index:A", "a");
    const b = engineUrn(S, P, a, "my:index:B", "b");
    expect(b).toBe("urn:pulumi:dev::corp-infra::my:index:A$my:index:B::b");
    expect(engineUrn(S, P, b, "aws:ec2/vpc:Vpc", "v")).toBe(
      "urn:pulumi:dev::corp-infra::my:index:A$my:index:B$aws:ec2/vpc:Vpc::v",
    );
    // A name holding `::` is still the last part; the parent's chain is read from its type part.
    const odd = engineUrn(S, P, a, "my:index:B", "x::y");
    expect(engine(odd, "my:index:C", "c")).toBe("urn:pulumi:dev::corp-infra::my:index:A$my:index:B$my:index:C::c");
  });
});

const engine = (parent: string, type: string, name: string) => engineUrn(S, P, parent, type, name);

class Component extends pulumi.ComponentResource {
  constructor(type: string, name: string, opts?: pulumi.ComponentResourceOptions) {
    super(type, name, {}, opts);
  }
}

describe("the offline engine's URNs", () => {
  it("equal the SDK's createUrn and the engine's rule on nested components and providers", async () => {
    const expected: [string, pulumi.Output<string>][] = [];
    const { resources } = await runProgramOffline(
      () => {
        const top = new aws.Provider("top-aws", { region: "eu-west-1" });
        const outer = new Component("my:index:Outer", "outer");
        const inner = new Component("my:index:Inner", "inner", { parent: outer });
        const nested = new aws.Provider("nested-aws", { region: "eu-west-1" }, { parent: inner });
        const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16" }, { parent: inner, provider: nested });
        const sg = new aws.ec2.SecurityGroup("sg", { vpcId: vpc.id }, { parent: vpc, provider: top });
        expected.push(
          ["pulumi:providers:aws::top-aws", pulumi.createUrn("top-aws", "pulumi:providers:aws")],
          ["my:index:Outer::outer", pulumi.createUrn("outer", "my:index:Outer")],
          ["my:index:Outer$my:index:Inner::inner", pulumi.createUrn("inner", "my:index:Inner", outer)],
          [
            "my:index:Outer$my:index:Inner$pulumi:providers:aws::nested-aws",
            pulumi.createUrn("nested-aws", "pulumi:providers:aws", inner),
          ],
          ["my:index:Outer$my:index:Inner$aws:ec2/vpc:Vpc::vpc", pulumi.createUrn("vpc", "aws:ec2/vpc:Vpc", inner)],
          [
            "my:index:Outer$my:index:Inner$aws:ec2/vpc:Vpc$aws:ec2/securityGroup:SecurityGroup::sg",
            pulumi.createUrn("sg", "aws:ec2/securityGroup:SecurityGroup", vpc),
          ],
        );
        return { sg: sg.urn };
      },
      { project: P, stack: S, config: {} },
    );
    const byName = new Map(resources.map((r) => [r.name, r]));
    for (const [tail, sdk] of expected) {
      const name = tail.split("::").pop()!;
      const urn = `urn:pulumi:${S}::${P}::${tail}`;
      expect(byName.get(name)?.urn, name).toBe(urn);
      // The nodejs SDK's own rule (createUrn) gives the same.
      expect(await new Promise((resolve) => sdk.apply(resolve)), name).toBe(urn);
    }
    // Parents and provider references name those URNs.
    expect(byName.get("sg")!.parent).toBe(byName.get("vpc")!.urn);
    expect(byName.get("sg")!.provider).toMatch(/^urn:pulumi:dev::corp-infra::pulumi:providers:aws::top-aws::/);
    expect(byName.get("vpc")!.provider).toMatch(
      /^urn:pulumi:dev::corp-infra::my:index:Outer\$my:index:Inner\$pulumi:providers:aws::nested-aws::/,
    );
    expect(byName.get("outer")!.parent).toBe(`urn:pulumi:${S}::${P}::pulumi:pulumi:Stack::${P}-${S}`);
  });

  it("never name the root stack in a type chain, and chain every child on its parent's whole type, in the baseline", async () => {
    const profile = parseProfile(exampleProfile());
    const { resources } = await runProgramOffline(
      () => new ZeroTrustBaseline(profile.client.name, { profile }, { providers: clientProviders(profile) }),
      { project: P, stack: S, config: {} },
    );
    expect(resources.length).toBeGreaterThan(100);
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    let nested = 0;
    for (const r of resources) {
      expect(r.urn, r.name).not.toContain("pulumi:pulumi:Stack$");
      const parent = r.parent ? byUrn.get(r.parent) : undefined;
      if (r.parent) expect(parent, `${r.name}'s parent`).toBeDefined();
      const chain =
        parent && parent.type !== "pulumi:pulumi:Stack" ? `${qualifiedTypeOf(parent.urn)}$${r.type}` : r.type;
      expect(r.urn).toBe(`urn:pulumi:${S}::${P}::${chain}::${r.name}`);
      if (chain.split("$").length > 2) nested++;
    }
    // Grandchildren of the baseline (ZeroTrustBaseline$<component>$<resource>) are most of it.
    expect(nested).toBeGreaterThan(50);
  });
});
