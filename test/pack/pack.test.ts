import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "../../policy-packs/zero-trust/rules";
import { add, edit, handWritten, names, usePack } from "../pack-harness";

const { ctx, check, mandatory } = usePack();

const openData = (cidr = "0.0.0.0/0") =>
  handWritten("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "debug-db", {
    ipProtocol: "tcp",
    fromPort: 5432,
    toPort: 5432,
    cidrIpv4: cidr,
    securityGroupId: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  });

describe("the zero-trust pack, served as the engine serves it", () => {
  it("pins the exact list of policies and their enforcement levels", async () => {
    const info = await ctx.server.info();
    expect(info.name).toBe("zero-trust");
    expect(info.policies.map((p) => `${p.name}=${p.enforcementLevel}`)).toEqual([
      "identity-baseline-coverage=mandatory",
      "identity-break-glass-excluded=mandatory",
      "identity-no-break-glass-members-added=mandatory",
      "identity-no-undeclared-exclusions=mandatory",
      "identity-baseline-enforced=mandatory",
      "identity-grants-not-weakened=mandatory",
      "identity-session-limits=mandatory",
      "network-no-internet-ingress-beyond-edge=mandatory",
      "network-no-admin-ports-from-internet=mandatory",
      "network-acl-no-admin-ports-from-internet=advisory",
      "network-no-paas-open-to-internet=mandatory",
      "network-one-tier-per-host=mandatory",
      "network-remote-access-scoped=mandatory",
      "network-no-any-port-rules=mandatory",
      "network-flows-follow-tier-model=mandatory",
      "network-tier-to-tier-by-reference=mandatory",
      "network-restricted-egress=mandatory",
      "network-azure-explicit-deny=mandatory",
      "network-no-mixed-rule-styles=mandatory",
      "network-security-groups-tagged=advisory",
      "access-no-everyone-without-require=mandatory",
      "access-no-bypass=mandatory",
      "access-session-within-ceiling=mandatory",
      "access-require-mfa=mandatory",
      "access-service-tokens-expire=mandatory",
      "access-tunnel-routes-behind-access=mandatory",
      "privilege-no-wildcard-admin-for-people=mandatory",
      "privilege-no-admin-role-without-mfa=mandatory",
      "privilege-no-directory-control-for-apps=mandatory",
      "privilege-no-broad-azure-roles=mandatory",
      "privilege-no-permanent-global-admin=mandatory",
      "privilege-no-open-role-trust=mandatory",
      "privilege-no-public-resource-policy=mandatory",
      "privilege-no-default-providers-in-msp-stacks=mandatory",
      "posture-within-lock=mandatory",
      "posture-every-type-read=advisory",
      "pack-notices=advisory",
    ]);
  });

  it("every policy publishes the scanner checks it judges as tags, as catalog/scanner-checks.ts maps them", async () => {
    const info = await ctx.server.info();
    const tags = (name: string) => info.policies.find((p) => p.name === name)!.tags;
    expect(tags("network-no-admin-ports-from-internet")).toEqual(
      expect.arrayContaining([
        "network",
        "CKV_AWS_24",
        "trivy AVD-AWS-0107",
        "Prowler network_ssh_internet_access_restricted",
      ]),
    );
    expect(tags("privilege-no-public-resource-policy")).toEqual(
      expect.arrayContaining(["CKV_AWS_168", "cdk-nag AwsSolutions-ECR1"]),
    );
    expect(tags("network-one-tier-per-host")).not.toContain("CKV_AWS_24");
  });

  it("every policy publishes a config schema with the settings its rule reads", async () => {
    const info = await ctx.server.info();
    for (const rule of RULES) {
      const schema = info.policies.find((p) => p.name === rule.name)!.configSchema!;
      expect(Object.keys(schema).sort(), rule.name).toEqual([...rule.uses, "exceptions"].sort());
    }
  });

  it("the example plan passes with no violation at all, given its lockfile", async () => {
    const lock = JSON.parse(readFileSync(join(__dirname, "..", "..", "stacks", "example.posture-lock.json"), "utf8"));
    expect(await check(undefined, (config) => (config["posture-within-lock"].lock = lock))).toEqual([]);
  });

  it("without a lockfile the example passes too, with one advisory notice saying so", async () => {
    expect(await check()).toEqual([
      expect.objectContaining({
        policyName: "pack-notices",
        enforcementLevel: "advisory",
        message: expect.stringMatching(/No posture lockfile/),
      }),
    ]);
  });

  it("a stack with no pack config fails closed (no break-glass known, report-only not counted)", async () => {
    const found = await mandatory(undefined, (config) => {
      for (const key of Object.keys(config)) config[key] = {};
    });
    expect(names(found)).toContain("identity-break-glass-excluded");
    expect(names(found)).toContain("identity-baseline-coverage");
  });

  it("an invalid config blocks with a message naming the setting", async () => {
    const found = await mandatory(undefined, (config) => {
      config["access-session-within-ceiling"].sessionCeilingHours = "a day";
    });
    expect(found).toContainEqual(
      expect.objectContaining({
        policyName: "access-session-within-ceiling",
        message: expect.stringMatching(
          /config of policy 'access-session-within-ceiling' is invalid \(sessionCeilingHours: /,
        ),
      }),
    );
  });

  describe("exceptions are data", () => {
    const exception =
      (over: Record<string, string> = {}) =>
      (config: Record<string, any>) => {
        config["network-no-internet-ingress-beyond-edge"].exceptions = [
          {
            resource: "debug-db",
            reason: "Vendor migration window agreed with the DPO, ticket SEC-1234.",
            approvedBy: "ciso@contoso.example",
            expires: "2999-12-31",
            ...over,
          },
        ];
      };

    it("a valid exception lifts the violation, and is reported as advisory", async () => {
      const found = await check(add(openData()), exception());
      expect(names(found.filter((d) => d.enforcementLevel === "mandatory"))).not.toContain(
        "network-no-internet-ingress-beyond-edge",
      );
      expect(found).toContainEqual(
        expect.objectContaining({
          policyName: "pack-notices",
          enforcementLevel: "advisory",
          message: expect.stringMatching(
            /network-no-internet-ingress-beyond-edge: exception applied to .*debug-db until 2999-12-31, approved by ciso@contoso\.example/,
          ),
        }),
      );
    });

    it("an expired exception no longer applies, and says so", async () => {
      const found = await check(add(openData()), exception({ expires: "2020-01-01" }));
      expect(names(found.filter((d) => d.enforcementLevel === "mandatory"))).toContain(
        "network-no-internet-ingress-beyond-edge",
      );
      expect(found).toContainEqual(
        expect.objectContaining({
          policyName: "pack-notices",
          message: expect.stringMatching(/expired on 2020-01-01/),
        }),
      );
    });

    it("an exception whose reason is a word is refused", async () => {
      const found = await check(add(openData()), exception({ reason: "vendor" }));
      expect(names(found.filter((d) => d.enforcementLevel === "mandatory"))).toContain(
        "network-no-internet-ingress-beyond-edge",
      );
      expect(found).toContainEqual(
        expect.objectContaining({
          policyName: "pack-notices",
          message: expect.stringMatching(/refused: its reason must be a sentence/),
        }),
      );
    });

    it("an exception covers only the resource it names", async () => {
      const found = await check(
        add(openData(), { ...openData(), name: "other-db", urn: openData().urn.replace("debug-db", "other-db") }),
        exception(),
      );
      const still = found.filter(
        (d) => d.policyName === "network-no-internet-ingress-beyond-edge" && d.enforcementLevel === "mandatory",
      );
      expect(still.map((d) => d.urn)).toEqual([expect.stringMatching(/::other-db$/)]);
    });
  });

  it("values unknown during a preview never crash a policy", async () => {
    const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    const found = await check(
      edit("contoso-identity-mfa-all-users", (i) => {
        i.conditions.clientAppTypes = unknown;
      }),
    );
    expect(found.every((d) => !/Error validating|unhandled/i.test(d.message))).toBe(true);
    // An unknown client-app scope cannot prove MFA coverage: fail closed.
    expect(names(found)).toContain("identity-baseline-coverage");
  });
});
