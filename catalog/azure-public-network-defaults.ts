/**
 * What an Azure PaaS service's public endpoint admits when public network access is on and no
 * network rule is written: for most services every address (credentials are then the only check),
 * for some nobody until a firewall rule names a range. Only services whose Microsoft documentation
 * says so are listed, each with the page that does; the others stay in the inventory's backlog
 * (catalog/inventory/reasons.ts). Read by posture/readers/paas-public-access.ts.
 */

/** What public network access admits with no rule written. */
export type WithoutRules = "every-address" | "nobody";

/**
 * Where the rules that narrow the endpoint are written: on the resource itself (`inline`: an IP
 * rule list, a network rule set), or only as resources of their own (`separate`: a namespace's
 * network rule set, a server's firewall rules), which one resource cannot see.
 */
export type RulesWritten = "inline" | "separate";

export interface PublicNetworkDefault {
  /** The service as people say it, for messages. */
  readonly service: string;
  readonly withoutRules: WithoutRules;
  readonly rules: RulesWritten;
  /** The Microsoft documentation page that states the default. */
  readonly source: { readonly title: string; readonly url: string };
}

const LEARN = "https://learn.microsoft.com/azure";

export const PUBLIC_NETWORK_DEFAULTS: Readonly<Record<string, PublicNetworkDefault>> = {
  "azure-native:cosmosdb:DatabaseAccount": {
    service: "Cosmos DB account",
    withoutRules: "every-address",
    rules: "inline",
    source: {
      title: "Configure an IP firewall for your Azure Cosmos DB account",
      url: `${LEARN}/cosmos-db/how-to-configure-firewall`,
    },
  },
  "azure-native:eventhub:Namespace": {
    service: "Event Hubs namespace",
    withoutRules: "every-address",
    rules: "separate",
    source: {
      title: "Allow access to Azure Event Hubs namespaces from specific IP addresses or ranges",
      url: `${LEARN}/event-hubs/event-hubs-ip-filtering`,
    },
  },
  "azure-native:servicebus:Namespace": {
    service: "Service Bus namespace",
    withoutRules: "every-address",
    rules: "separate",
    source: {
      title: "Allow access to Azure Service Bus namespace from specific IP addresses or ranges",
      url: `${LEARN}/service-bus-messaging/service-bus-ip-filtering`,
    },
  },
  "azure-native:appconfiguration:ConfigurationStore": {
    service: "App Configuration store",
    withoutRules: "every-address",
    rules: "inline",
    source: {
      title: "Network security for Azure App Configuration (public network access: Enabled, all networks)",
      url: `${LEARN}/azure-app-configuration/concept-network-security`,
    },
  },
  "azure-native:search:Service": {
    service: "Search service",
    withoutRules: "every-address",
    rules: "inline",
    source: {
      title: "Configure network access and firewall rules for Azure AI Search",
      url: `${LEARN}/search/service-configure-firewall`,
    },
  },
  "azure-native:eventgrid:Topic": {
    service: "Event Grid topic",
    withoutRules: "every-address",
    rules: "inline",
    source: { title: "Network security for Azure Event Grid resources", url: `${LEARN}/event-grid/network-security` },
  },
  "azure-native:eventgrid:Domain": {
    service: "Event Grid domain",
    withoutRules: "every-address",
    rules: "inline",
    source: { title: "Network security for Azure Event Grid resources", url: `${LEARN}/event-grid/network-security` },
  },
  "azure-native:eventgrid:Namespace": {
    service: "Event Grid namespace",
    withoutRules: "every-address",
    rules: "inline",
    source: {
      title: "Configure IP firewall for Azure Event Grid namespaces",
      url: `${LEARN}/event-grid/configure-firewall-mqtt`,
    },
  },
  "azure-native:cognitiveservices:Account": {
    service: "Azure AI services account",
    withoutRules: "every-address",
    rules: "inline",
    source: {
      title: "Configure Azure AI services virtual networks",
      url: `${LEARN}/ai-services/cognitive-services-virtual-networks`,
    },
  },
  "azure-native:dbforpostgresql:SingleServer": {
    service: "PostgreSQL single server",
    withoutRules: "nobody",
    rules: "separate",
    source: {
      title: "Firewall rules in Azure Database for PostgreSQL - Single Server",
      url: `${LEARN}/postgresql/concepts-firewall-rules`,
    },
  },
  "azure-native:dbformysql:SingleServer": {
    service: "MySQL single server",
    withoutRules: "nobody",
    rules: "separate",
    source: {
      title: "Azure Database for MySQL server firewall rules",
      url: `${LEARN}/mysql/concepts-firewall-rules`,
    },
  },
};

/**
 * Documented, and not read by type: their public flag admits nobody without a firewall rule, and the
 * rules are resources of their own (read by posture/readers/paas-firewalls.ts); the servers carry
 * another setting that can widen (a delegated subnet), which stays in the backlog. (An Azure SQL
 * server behaves alike, but no Microsoft page in reach states it: not listed.)
 */
export const NOBODY_WITHOUT_A_RULE: Readonly<Record<string, PublicNetworkDefault>> = {
  "azure-native:dbforpostgresql:Server": {
    service: "PostgreSQL flexible server",
    withoutRules: "nobody",
    rules: "separate",
    source: {
      title: "Firewall rules in Azure Database for PostgreSQL - Flexible Server",
      url: `${LEARN}/postgresql/flexible-server/concepts-firewall-rules`,
    },
  },
  "azure-native:dbformysql:Server": {
    service: "MySQL flexible server",
    withoutRules: "nobody",
    rules: "separate",
    source: {
      title: "Public network access for Azure Database for MySQL - Flexible Server",
      url: `${LEARN}/mysql/flexible-server/concepts-networking-public`,
    },
  },
};
