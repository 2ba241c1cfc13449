import * as cloudwatch from "@pulumi/aws/cloudwatch";
import * as ec2 from "@pulumi/aws/ec2";
import * as dashboard from "@pulumi/azure-native/dashboard";
import { describe, expect, it } from "vitest";
import type { StackMode } from "../../engine/mock-engine";
import { useHandWrittenVerdict } from "./hand-written-verdict";

// A resource of a type that can widen and that no reader reads (the backlog of RULES.md "What the
// pack reads") is never passed in silence: posture-every-type-read names it with the properties that
// can widen, as advice by default and as a block when the policy is set mandatory.

const RULE = "posture-every-type-read";

const verdict = useHandWrittenVerdict();

function program() {
  const vpc = new ec2.Vpc("main", { cidrBlock: "10.0.0.0/16" });
  new ec2.SecurityGroup("web", { vpcId: vpc.id, tags: { "zt:tier": "web" } });
  new ec2.VpcPeeringConnection("to-partner", { vpcId: vpc.id, peerVpcId: "vpc-0partner", peerOwnerId: "210987654321" });
  // One statement of an event bus's policy, written as a resource of its own: not read yet.
  new cloudwatch.EventPermission("partner", { principal: "210987654321", statementId: "partner" });
  // A service whose public default no Microsoft page in the catalogue states: not read yet.
  new dashboard.Grafana("ops", { resourceGroupName: "rg", properties: { publicNetworkAccess: "Enabled" } });
}

async function named(mode: StackMode, level: "advisory" | "mandatory" | undefined) {
  const { found } = await verdict(program, mode, level ? { [RULE]: { enforcementLevel: level } } : {});
  return found.filter((d) => d.policyName === RULE);
}

describe.each(["new", "deployed"] as StackMode[])("resources the pack does not read, as a %s stack", (mode) => {
  it("names each, with what can widen, as advice; never a type a reader reads", async () => {
    const found = await named(mode, undefined);
    expect(found.map((d) => d.enforcementLevel)).toEqual(["advisory", "advisory", "advisory"]);
    expect(found.map((d) => d.message).join("\n")).toMatch(
      /VpcPeeringConnection 'to-partner' can widen through peerOwnerId, peerRegion, peerVpcId/,
    );
    expect(found.map((d) => d.message).join("\n")).toMatch(/EventPermission 'partner' can widen through principal/);
    expect(found.map((d) => d.message).join("\n")).toMatch(
      /Grafana 'ops' can widen through properties.publicNetworkAccess/,
    );
    expect(found.map((d) => d.message).join("\n")).not.toMatch(/SecurityGroup|Vpc 'main'/);
  });

  it("blocks on them when the policy is set mandatory (fail closed on what the pack does not read)", async () => {
    const found = await named(mode, "mandatory");
    expect(found).toHaveLength(3);
    expect(found.every((d) => d.enforcementLevel === "mandatory")).toBe(true);
  });
});
