import * as appconfiguration from "@pulumi/azure-native/appconfiguration";
import * as cosmosdb from "@pulumi/azure-native/cosmosdb";
import * as dbformariadb from "@pulumi/azure-native/dbformariadb";
import * as dbforpostgresql from "@pulumi/azure-native/dbforpostgresql";
import * as eventgrid from "@pulumi/azure-native/eventgrid";
import * as eventhub from "@pulumi/azure-native/eventhub";
import * as mongocluster from "@pulumi/azure-native/mongocluster";
import * as search from "@pulumi/azure-native/search";
import { describe, expect, it } from "vitest";
import type { StackMode } from "../../engine/mock-engine";
import { useHandWrittenVerdict } from "./hand-written-verdict";

// Azure PaaS services' own network exposure (posture/readers/paas-public-access.ts): a catalogued
// service with public network access on admits what its IP rules admit, or, with none, what its
// documented default admits (catalog/azure-public-network-defaults.ts); firewall and IP filter rule
// resources of any module are ranges. Written with the real SDKs, as a new stack's preview and as the
// deployed stack, with no config (a hand-written stack).

const RULE = "network-no-paas-open-to-internet";

const verdict = useHandWrittenVerdict();

const cosmos = (args: Partial<cosmosdb.DatabaseAccountArgs>) => () =>
  void new cosmosdb.DatabaseAccount("db", {
    resourceGroupName: "rg",
    databaseAccountOfferType: "Standard",
    locations: [{ locationName: "westeurope" }],
    ...args,
  });
const appConfig = (args: Partial<appconfiguration.ConfigurationStoreArgs>) => () =>
  void new appconfiguration.ConfigurationStore("config", {
    resourceGroupName: "rg",
    sku: { name: "standard" },
    ...args,
  });
const searchService = (args: Partial<search.ServiceArgs>) => () =>
  void new search.Service("docs", { resourceGroupName: "rg", sku: { name: "basic" }, ...args });
const topic = (args: Partial<eventgrid.TopicArgs>) => () =>
  void new eventgrid.Topic("events", { resourceGroupName: "rg", ...args });
const namespace = (publicNetworkAccess?: string) =>
  new eventhub.Namespace("hub", { resourceGroupName: "rg", sku: { name: "Standard" }, publicNetworkAccess });
const filter = (ipMask: string, action: string) => () =>
  void new eventhub.NamespaceIpFilterRule("filter", {
    resourceGroupName: "rg",
    namespaceName: namespace("Enabled").name,
    filterName: "office",
    ipMask,
    action,
  });
const mariadbRule = (startIpAddress: string, endIpAddress: string) => () =>
  void new dbformariadb.FirewallRule("maria", {
    resourceGroupName: "rg",
    serverName: "maria",
    startIpAddress,
    endIpAddress,
  });

/** Each case: a program, and whether it is blocked, advised (a notice) or clean. */
const CASES: [string, () => void, "blocked" | "advised" | "clean"][] = [
  ["Cosmos DB public network access Enabled, no IP rule", cosmos({ publicNetworkAccess: "Enabled" }), "blocked"],
  ["Cosmos DB by default (no flag, no IP rule)", cosmos({}), "advised"],
  ["Cosmos DB IP rule 0.0.0.0/0", cosmos({ ipRules: [{ ipAddressOrRange: "0.0.0.0/0" }] }), "blocked"],
  [
    "Cosmos DB IP rules splitting the internet in halves",
    cosmos({ ipRules: [{ ipAddressOrRange: "0.0.0.0/1" }, { ipAddressOrRange: "128.0.0.0/1" }] }),
    "blocked",
  ],
  [
    "Cosmos DB public, office ranges only",
    cosmos({
      publicNetworkAccess: "Enabled",
      ipRules: [{ ipAddressOrRange: "203.0.113.0/24" }, { ipAddressOrRange: "198.51.100.7" }],
    }),
    "clean",
  ],
  ["Cosmos DB public access disabled, in lower case", cosmos({ publicNetworkAccess: "disabled" }), "clean"],
  [
    "Event Hubs namespace public (its rule set is a resource of its own: advice)",
    () => void namespace("Enabled"),
    "advised",
  ],
  [
    "Event Hubs rule set allowing by default",
    () =>
      void new eventhub.NamespaceNetworkRuleSet("rules", {
        resourceGroupName: "rg",
        namespaceName: namespace("Enabled").name,
        defaultAction: "Allow",
      }),
    "blocked",
  ],
  [
    "Event Hubs namespace private, rule set denying by default with the office allowed",
    () =>
      void new eventhub.NamespaceNetworkRuleSet("rules", {
        resourceGroupName: "rg",
        namespaceName: namespace("disabled").name,
        defaultAction: "deny",
        ipRules: [{ ipMask: "203.0.113.0/24", action: "Allow" }],
      }),
    "clean",
  ],
  ["Event Hubs IP filter accepting every address", filter("0.0.0.0/0", "Accept"), "blocked"],
  ["Event Hubs IP filter rejecting every address", filter("0.0.0.0/0", "Reject"), "advised"],
  ["App Configuration public network access Enabled", appConfig({ publicNetworkAccess: "Enabled" }), "blocked"],
  ["App Configuration by default", appConfig({}), "advised"],
  ["App Configuration public access disabled, in lower case", appConfig({ publicNetworkAccess: "disabled" }), "clean"],
  ["Search service public, no IP rule", searchService({ publicNetworkAccess: "enabled" }), "blocked"],
  [
    "Search service public, IP rule 0.0.0.0/0",
    searchService({ networkRuleSet: { ipRules: [{ value: "0.0.0.0/0" }] } }),
    "blocked",
  ],
  [
    "Search service public, office range only",
    searchService({ publicNetworkAccess: "Enabled", networkRuleSet: { ipRules: [{ value: "203.0.113.0/24" }] } }),
    "clean",
  ],
  [
    "Event Grid topic inbound rule 0.0.0.0/0",
    topic({ inboundIpRules: [{ ipMask: "0.0.0.0/0", action: "Allow" }] }),
    "blocked",
  ],
  [
    "Event Grid topic public, office range only",
    topic({ publicNetworkAccess: "Enabled", inboundIpRules: [{ ipMask: "203.0.113.0/24", action: "Allow" }] }),
    "clean",
  ],
  [
    "MariaDB firewall rule for every address (a module not read before)",
    mariadbRule("0.0.0.0", "255.255.255.255"),
    "blocked",
  ],
  ["MariaDB firewall rule for the office", mariadbRule("203.0.113.1", "203.0.113.20"), "clean"],
  [
    "Mongo cluster firewall rule for every address, under properties",
    () =>
      void new mongocluster.FirewallRule("mongo", {
        resourceGroupName: "rg",
        mongoClusterName: "mongo",
        properties: { startIpAddress: "0.0.0.0", endIpAddress: "255.255.255.255" },
      }),
    "blocked",
  ],
  [
    "PostgreSQL single server public (admits nobody until a firewall rule)",
    () =>
      void new dbforpostgresql.SingleServer("pg", {
        resourceGroupName: "rg",
        properties: {
          createMode: "Default",
          administratorLogin: "pgadmin",
          administratorLoginPassword: "not-a-real-password-123",
          publicNetworkAccess: "Enabled",
        },
      }),
    "clean",
  ],
];

describe.each(["new", "deployed"] as StackMode[])(
  "Azure PaaS services' own network exposure, as a %s stack",
  (mode) => {
    it.each(CASES)("%s", async (_name, program, expected) => {
      const { blocked, notices } = await verdict(program, mode);
      if (expected === "blocked") {
        expect(blocked.length).toBeGreaterThan(0);
        for (const b of blocked) expect(b).toMatch(new RegExp(`^${RULE}: .*open to the internet`, "s"));
      } else expect(blocked).toEqual([]);
      if (expected === "advised") expect(notices).toMatch(/admits every address/);
      if (expected === "clean") expect(notices).not.toMatch(/admits/);
    });

    it("names the documented default in the advice", async () => {
      const { notices } = await verdict(cosmos({}), mode);
      expect(notices).toMatch(
        /'db' \(Cosmos DB account\) admits every address \(public network access by default and no IP rule: .*Configure an IP firewall for your Azure Cosmos DB account/,
      );
    });
  },
);
