/**
 * Azure service tags (compared case-insensitively, as Azure does) whose addresses belong to every
 * tenant, not to the stack's network: a rule from one admits anyone who runs a workload there.
 * AzureCloud is every Azure datacentre's public range; AzureFrontDoor.Backend is Front Door's, for
 * every Front Door customer (unless the origin checks X-Azure-FDID).
 */
export const WIDE_SERVICE_TAGS: readonly RegExp[] = [/^AzureCloud(\.[\w-]+)?$/i, /^AzureFrontDoor\.Backend$/i];
