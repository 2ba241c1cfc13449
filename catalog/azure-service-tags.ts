/**
 * Azure service tags, by what their addresses let in. Source: Microsoft Learn, "Virtual network
 * service tags" (learn.microsoft.com/azure/virtual-network/service-tags-overview), its table of
 * available tags and its note on the classic spellings. Azure compares tags case-insensitively, and
 * a tag that can be regional takes a `.<Region>` suffix (`Storage.WestEurope`, `AzureCloud.westeurope`)
 * that narrows it to one region without changing who is behind it.
 *
 * - `internet`: every public address (the Internet tag).
 * - `network`: the virtual network, its peers and the address spaces connected to it (VirtualNetwork).
 * - `every-tenant`: addresses any Azure customer can send from, or can make a Microsoft service send
 *   from on their behalf (a webhook, a probe, an origin fetch, a connector): a rule from one admits
 *   anyone with a subscription. Microsoft's own table warns that AzureCloud includes the addresses of
 *   other Azure customers; Front Door's back end, Logic Apps, Data Factory, Event Grid, action
 *   groups, availability tests, search indexers, Digital Twins' event routes and Power Platform
 *   extensions fetch for whoever configures them.
 * - `service`: one Microsoft service's own front ends or control plane (Storage, Sql, AzureMonitor,
 *   GatewayManager...): narrow, what a tier talks to or is managed by.
 * - `platform`: the host's own addresses (the load balancer's probes at 168.63.129.16, DNS, IMDS).
 *
 * A tag not listed here is judged as the internet (posture/unknown.ts, network-peer): add it here
 * with its kind when Microsoft publishes it.
 */
export type ServiceTagKind = "internet" | "network" | "every-tenant" | "service" | "platform";

const TAGS: Readonly<Record<ServiceTagKind, readonly string[]>> = {
  internet: ["Internet", "INTERNET"],
  network: ["VirtualNetwork", "VIRTUAL_NETWORK"],
  "every-tenant": [
    "AzureCloud",
    "AzureFrontDoor.Backend",
    "ActionGroup",
    "ApplicationInsightsAvailability",
    "AzureConnectors",
    "AzureEventGrid",
    "AzureCognitiveSearch",
    "AzureDevOps",
    "AzureDigitalTwins",
    "DataFactory",
    "LogicApps",
    "M365ManagementActivityApiWebhook",
    "PowerPlatformPlex",
    "PowerQueryOnline",
  ],
  service: [
    "ApiManagement",
    "AppConfiguration",
    "AppService",
    "AppServiceManagement",
    "AutonomousDevelopmentPlatform",
    "AzureActiveDirectory",
    "AzureActiveDirectoryDomainServices",
    "AzureAdvancedThreatProtection",
    "AzureArcInfrastructure",
    "AzureAttestation",
    "AzureBackup",
    "AzureBotService",
    "AzureContainerAppsService",
    "AzureContainerRegistry",
    "AzureCosmosDB",
    "AzureDatabricks",
    "AzureDataExplorerManagement",
    "AzureDataLake",
    "AzureDeviceUpdate",
    "AzureDevSpaces",
    "AzureFrontDoor.Frontend",
    "AzureFrontDoor.FirstParty",
    "AzureHealthcareAPIs",
    "AzureInformationProtection",
    "AzureIoTHub",
    "AzureKeyVault",
    "AzureLoadTestingInstanceManagement",
    "AzureMachineLearning",
    "AzureMachineLearningInference",
    "AzureManagedGrafana",
    "AzureMonitor",
    "AzureOpenDatasets",
    "AzureResourceManager",
    "AzureSentinel",
    "AzureSignalR",
    "AzureSiteRecovery",
    "AzureSphere",
    "AzureSpringCloud",
    "AzureStack",
    "AzureTrafficManager",
    "AzureUpdateDelivery",
    "AzureWebPubSub",
    "BatchNodeManagement",
    "ChaosStudio",
    "CognitiveServicesFrontend",
    "CognitiveServicesManagement",
    "DataFactoryManagement",
    "Dynamics365BusinessCentral",
    "Dynamics365ForMarketingEmail",
    "EOPExternalPublishedIPs",
    "EventHub",
    "GatewayManager",
    "GuestAndHybridManagement",
    "HDInsight",
    "KustoAnalytics",
    "LogicAppsManagement",
    "M365ManagementActivityApi",
    "Marketplace",
    "MicrosoftAzureFluidRelay",
    "MicrosoftCloudAppSecurity",
    "MicrosoftContainerRegistry",
    "MicrosoftDefenderForEndpoint",
    "MicrosoftPurviewPolicyDistribution",
    "PowerBI",
    "PowerPlatformInfra",
    "ServiceBus",
    "ServiceFabric",
    "Sql",
    "SqlManagement",
    "Storage",
    "StorageSyncService",
    "WindowsAdminCenter",
    "WindowsVirtualDesktop",
  ],
  platform: ["AzureLoadBalancer", "AZURE_LOADBALANCER", "AzurePlatformDNS", "AzurePlatformIMDS", "AzurePlatformLKM"],
};

const BY_NAME: ReadonlyMap<string, ServiceTagKind> = new Map(
  (Object.entries(TAGS) as [ServiceTagKind, readonly string[]][]).flatMap(([kind, names]) =>
    names.map((n) => [n.toLowerCase(), kind] as const),
  ),
);

/**
 * What a service tag covers, compared as Azure compares tags (case-insensitively, a regional
 * `.<Region>` suffix allowed); undefined for a tag the catalog does not know.
 */
export function serviceTagKind(tag: string): ServiceTagKind | undefined {
  const name = tag.trim().toLowerCase();
  const exact = BY_NAME.get(name);
  if (exact) return exact;
  const cut = name.lastIndexOf(".");
  if (cut <= 0 || !/^[a-z0-9]+$/.test(name.slice(cut + 1))) return undefined;
  const base = BY_NAME.get(name.slice(0, cut));
  // The Internet, the VNet and the host's addresses have no regional variants.
  return base === "every-tenant" || base === "service" ? base : undefined;
}
