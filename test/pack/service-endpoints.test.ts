import * as eks from "@pulumi/aws/eks";
import * as mq from "@pulumi/aws/mq";
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import * as containerregistry from "@pulumi/azure-native/containerregistry";
import * as containerservice from "@pulumi/azure-native/containerservice";
import * as redis from "@pulumi/azure-native/redis";
import * as servicebus from "@pulumi/azure-native/servicebus";
import { describe, expect, it } from "vitest";
import type { StackMode } from "../../engine/mock-engine";
import { useHandWrittenVerdict } from "./hand-written-verdict";

// Managed services whose own endpoint is public unless the program says otherwise: what the
// endpoint admits is what the internet reaches. Written with the real SDKs, as a new stack's
// preview and as the deployed stack, with no config (a hand-written stack).

const RULE = "network-no-paas-open-to-internet";

const verdict = useHandWrittenVerdict();

const cluster = (vpc: Partial<eks.ClusterArgs["vpcConfig"] & object>) => () =>
  void new eks.Cluster("k8s", {
    roleArn: "arn:aws:iam::123456789012:role/eks",
    vpcConfig: { subnetIds: ["subnet-1", "subnet-2"], ...vpc },
  });
const aks = (args: Partial<containerservice.ManagedClusterArgs>) => () =>
  void new containerservice.ManagedCluster("aks", { resourceGroupName: "rg", dnsPrefix: "aks", ...args });

/** Each case: a program, and whether it is blocked, advised (a notice) or clean. */
const CASES: [string, () => void, "blocked" | "advised" | "clean"][] = [
  [
    "EKS endpoint public to 0.0.0.0/0, written",
    cluster({ endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] }),
    "blocked",
  ],
  [
    "EKS endpoint public to the internet split in halves",
    cluster({ publicAccessCidrs: ["0.0.0.0/1", "128.0.0.0/1"] }),
    "blocked",
  ],
  ["EKS endpoint public by default", cluster({}), "advised"],
  [
    "EKS endpoint public to the office only",
    cluster({ endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] }),
    "clean",
  ],
  ["EKS endpoint private", cluster({ endpointPublicAccess: false, endpointPrivateAccess: true }), "clean"],
  ["AKS API server public, written, no ranges", aks({ publicNetworkAccess: "Enabled" }), "blocked"],
  ["AKS API server public by default", aks({}), "advised"],
  ["AKS private cluster", aks({ apiServerAccessProfile: { enablePrivateCluster: true } }), "clean"],
  ["AKS authorized ranges", aks({ apiServerAccessProfile: { authorizedIPRanges: ["203.0.113.0/24"] } }), "clean"],
  [
    "Redis public, no firewall rule (its rules are resources of their own: advice)",
    () =>
      void new redis.Redis("cache", {
        resourceGroupName: "rg",
        sku: { name: "Basic", family: "C", capacity: 0 },
        publicNetworkAccess: "Enabled",
      }),
    "advised",
  ],
  [
    "Redis with a firewall rule for every address",
    () => {
      const cache = new redis.Redis("cache", {
        resourceGroupName: "rg",
        sku: { name: "Basic", family: "C", capacity: 0 },
        publicNetworkAccess: "Enabled",
      });
      new redis.FirewallRule("all", {
        resourceGroupName: "rg",
        cacheName: cache.name,
        startIP: "0.0.0.0",
        endIP: "255.255.255.255",
      });
    },
    "blocked",
  ],
  [
    "Redis with a firewall rule for the office (the cache itself: advice, its rules judged)",
    () => {
      const cache = new redis.Redis("cache", {
        resourceGroupName: "rg",
        sku: { name: "Basic", family: "C", capacity: 0 },
        publicNetworkAccess: "Enabled",
      });
      new redis.FirewallRule("office", {
        resourceGroupName: "rg",
        cacheName: cache.name,
        startIP: "203.0.113.1",
        endIP: "203.0.113.20",
      });
    },
    "advised",
  ],
  [
    "Redis with public access disabled, in lower case",
    () =>
      void new redis.Redis("cache", {
        resourceGroupName: "rg",
        sku: { name: "Basic", family: "C", capacity: 0 },
        publicNetworkAccess: "disabled",
      }),
    "clean",
  ],
  [
    "RabbitMQ broker publicly accessible",
    () =>
      void new mq.Broker("broker", {
        engineType: "RabbitMQ",
        engineVersion: "3.13",
        hostInstanceType: "mq.t3.micro",
        publiclyAccessible: true,
        users: [{ username: "app", password: "not-a-real-password-123" }],
      }),
    "blocked",
  ],
  [
    "RabbitMQ broker private",
    () =>
      void new mq.Broker("broker", {
        engineType: "RabbitMQ",
        engineVersion: "3.13",
        hostInstanceType: "mq.t3.micro",
        subnetIds: ["subnet-1"],
        users: [{ username: "app", password: "not-a-real-password-123" }],
      }),
    "clean",
  ],
  [
    "Service Bus rule set allowing by default",
    () =>
      void new servicebus.NamespaceNetworkRuleSet("rules", {
        resourceGroupName: "rg",
        namespaceName: "bus",
        defaultAction: "Allow",
      }),
    "blocked",
  ],
  [
    "Service Bus rule set denying by default, the office allowed",
    () =>
      void new servicebus.NamespaceNetworkRuleSet("rules", {
        resourceGroupName: "rg",
        namespaceName: "bus",
        defaultAction: "deny",
        ipRules: [{ ipMask: "203.0.113.0/24", action: "Allow" }],
      }),
    "clean",
  ],
  [
    "Cognitive Services account (read by its rule set, no list names it) allowing by default",
    () =>
      void new cognitiveservices.Account("ai", {
        resourceGroupName: "rg",
        kind: "OpenAI",
        sku: { name: "S0" },
        properties: { networkAcls: { defaultAction: "Allow" } },
      }),
    "blocked",
  ],
  [
    "Cognitive Services account denying by default",
    () =>
      void new cognitiveservices.Account("ai", {
        resourceGroupName: "rg",
        kind: "OpenAI",
        sku: { name: "S0" },
        properties: { networkAcls: { defaultAction: "Deny", ipRules: [{ value: "203.0.113.7" }] } },
      }),
    "clean",
  ],
  [
    "Container registry by default",
    () => void new containerregistry.Registry("acr", { resourceGroupName: "rg", sku: { name: "Premium" } }),
    "advised",
  ],
  [
    "Container registry denying by default",
    () =>
      void new containerregistry.Registry("acr", {
        resourceGroupName: "rg",
        sku: { name: "Premium" },
        networkRuleSet: { defaultAction: "Deny", ipRules: [{ iPAddressOrRange: "203.0.113.0/24" }] },
      }),
    "clean",
  ],
];

describe.each(["new", "deployed"] as StackMode[])("managed services' own endpoints, as a %s stack", (mode) => {
  it.each(CASES)("%s", async (_name, program, expected) => {
    const { blocked, notices } = await verdict(program, mode);
    if (expected === "blocked") {
      expect(blocked.length).toBeGreaterThan(0);
      for (const b of blocked) expect(b).toMatch(new RegExp(`^${RULE}: .*open to the internet`, "s"));
    } else expect(blocked).toEqual([]);
    if (expected === "advised") expect(notices).toMatch(/admits every address|admits 0\.0\.0\.0\/0/);
    if (expected === "clean") expect(notices).not.toMatch(/admits/);
  });
});
