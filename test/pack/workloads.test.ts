import * as pulumi from "@pulumi/pulumi";
import * as ec2 from "@pulumi/aws/ec2";
import * as ecs from "@pulumi/aws/ecs";
import * as efs from "@pulumi/aws/efs";
import * as eks from "@pulumi/aws/eks";
import * as elasticache from "@pulumi/aws/elasticache";
import * as lambda from "@pulumi/aws/lambda";
import * as lb from "@pulumi/aws/lb";
import * as mq from "@pulumi/aws/mq";
import * as rds from "@pulumi/aws/rds";
import * as compute from "@pulumi/azure-native/compute";
import * as network from "@pulumi/azure-native/network";
import { describe, expect, it } from "vitest";
import type { StackMode } from "../../engine/mock-engine";
import { useHandWrittenVerdict } from "./hand-written-verdict";

// A workload lands in a tier through whatever resource places it in a tier's group: every type is
// read by the keys its groups sit under, not from a list of host types. Each workload below is
// written with the real SDK, as users write it, placed in two tiers' groups (blocked) and in one
// (clean), as a new stack's preview and as the deployed stack.

const RULE = "network-one-tier-per-host";

type Ids = pulumi.Output<string>[];
/** One workload resource, given the ids of the AWS security groups (or Azure ASGs) it is placed in. */
const WORKLOADS: Record<string, { azure?: boolean; make: (ids: Ids) => unknown }> = {
  "Lambda function in a VPC": {
    make: (ids) =>
      new lambda.Function("fn", {
        role: "arn:aws:iam::123456789012:role/fn",
        runtime: "nodejs20.x",
        handler: "index.handler",
        code: new pulumi.asset.AssetArchive({}),
        vpcConfig: { subnetIds: ["subnet-1"], securityGroupIds: ids },
      }),
  },
  "ECS service (awsvpc)": {
    make: (ids) =>
      new ecs.Service("svc", {
        cluster: "arn:aws:ecs:eu-west-1:123456789012:cluster/c",
        taskDefinition: "task:1",
        networkConfiguration: { subnets: ["subnet-1"], securityGroups: ids },
      }),
  },
  "launch configuration": {
    make: (ids) =>
      new ec2.LaunchConfiguration("lc", {
        imageId: "ami-0abcdef1234567890",
        instanceType: "t3.micro",
        securityGroups: ids,
      }),
  },
  "spot instance request": {
    make: (ids) =>
      new ec2.SpotInstanceRequest("spot", {
        ami: "ami-0abcdef1234567890",
        instanceType: "t3.micro",
        vpcSecurityGroupIds: ids,
      }),
  },
  "RDS instance": {
    make: (ids) =>
      new rds.Instance("db", {
        engine: "postgres",
        instanceClass: "db.t4g.micro",
        allocatedStorage: 20,
        username: "app",
        manageMasterUserPassword: true,
        vpcSecurityGroupIds: ids,
      }),
  },
  "ElastiCache replication group": {
    make: (ids) =>
      new elasticache.ReplicationGroup("cache", {
        description: "sessions",
        nodeType: "cache.t4g.micro",
        numCacheClusters: 1,
        securityGroupIds: ids,
      }),
  },
  "MQ broker": {
    make: (ids) =>
      new mq.Broker("broker", {
        brokerName: "orders",
        engineType: "ActiveMQ",
        engineVersion: "5.18",
        hostInstanceType: "mq.t3.micro",
        securityGroups: ids,
        users: [{ username: "app", password: "not-a-real-password-123" }],
      }),
  },
  "EKS cluster": {
    make: (ids) =>
      new eks.Cluster("k8s", {
        roleArn: "arn:aws:iam::123456789012:role/eks",
        vpcConfig: { subnetIds: ["subnet-1", "subnet-2"], securityGroupIds: ids, endpointPublicAccess: false },
      }),
  },
  "VPC interface endpoint": {
    make: (ids) =>
      new ec2.VpcEndpoint("s3", {
        vpcId: "vpc-1",
        serviceName: "com.amazonaws.eu-west-1.ssm",
        vpcEndpointType: "Interface",
        securityGroupIds: ids,
      }),
  },
  "load balancer": {
    make: (ids) =>
      new lb.LoadBalancer("alb", { loadBalancerType: "application", securityGroups: ids, subnets: ["subnet-1"] }),
  },
  "EFS mount target": {
    make: (ids) => new efs.MountTarget("mount", { fileSystemId: "fs-1", subnetId: "subnet-1", securityGroups: ids }),
  },
  "Azure scale set": {
    azure: true,
    make: (ids) =>
      new compute.VirtualMachineScaleSet("vmss", {
        resourceGroupName: "rg",
        sku: { name: "Standard_B2s", capacity: 2 },
        virtualMachineProfile: {
          networkProfile: {
            networkInterfaceConfigurations: [
              {
                name: "nic",
                primary: true,
                ipConfigurations: [
                  { name: "ip", subnet: { id: "subnet-id" }, applicationSecurityGroups: ids.map((id) => ({ id })) },
                ],
              },
            ],
          },
        },
      }),
  },
};

/** The workload placed in the groups of these tiers (tagged as the contract says), the groups declared beside it. */
function program(workload: string, tiers: string[]) {
  return () => {
    const spec = WORKLOADS[workload]!;
    const ids = tiers.map((tier) =>
      spec.azure
        ? new network.ApplicationSecurityGroup(`${tier}-asg`, { resourceGroupName: "rg", tags: { "zt:tier": tier } }).id
        : new ec2.SecurityGroup(`${tier}-sg`, { vpcId: "vpc-1", tags: { "zt:tier": tier } }).id,
    );
    spec.make(ids);
  };
}

const verdict = useHandWrittenVerdict();

async function blocked(workload: string, tiers: string[], mode: StackMode) {
  const { found } = await verdict(program(workload, tiers), mode);
  return found.filter((d) => d.enforcementLevel === "mandatory" && d.policyName === RULE).map((d) => d.message);
}

describe.each(["new", "deployed"] as StackMode[])("workloads in tiers, as a %s stack", (mode) => {
  it.each(Object.keys(WORKLOADS))("%s: blocked in two tiers' groups, clean in one", async (workload) => {
    expect(await blocked(workload, ["web", "data"], mode)).toEqual([
      expect.stringMatching(/sits in tiers 'data' and 'web' at once/),
    ]);
    expect(await blocked(workload, ["data"], mode)).toEqual([]);
  });
});
