import { WIDE_SOURCE_PREFIX } from "../../../../catalog/limits";
import { ipv4Range } from "../../../../posture/cidr";
import type { ServiceOpening } from "../../../../posture/model";
import type { Finding, ResourceRule } from "../../rule";
import { resourceName } from "../support";

/** As many addresses as the widest source still treated as an allow-list (a /16). */
const WIDE = 2 ** (32 - WIDE_SOURCE_PREFIX.ipv4);

function judge(o: ServiceOpening): Finding | undefined {
  const who = `${resourceName(o.origin)} (${o.service})`;
  const { admits } = o;
  if (admits.kind === "azure-services")
    return {
      urn: o.origin.urn,
      notice: true,
      message: `${who} admits every Azure tenant's services (the 0.0.0.0 rule), not only yours. Reach it through a private endpoint or name your own addresses.`,
    };
  if (admits.kind === "private-endpoint")
    return {
      urn: o.origin.urn,
      notice: true,
      message: `${who} approves the private endpoint connection '${admits.connection}': the endpoint's virtual network (another tenant's, if the endpoint is not yours) reaches the service. Check the endpoint is one of yours, or reject the connection.`,
    };
  if (admits.kind === "every-address")
    return o.explicit
      ? {
          urn: o.origin.urn,
          message: `${who} is open to the internet: ${admits.why}. Deny by default and allow only the addresses or networks that need it, or disable public access and reach it privately.`,
        }
      : {
          urn: o.origin.urn,
          notice: true,
          message: `${who} admits every address (${admits.why}). Declare a network rule set that denies by default, or disable public network access.`,
        };
  const width = ipv4Range(admits.first, admits.last);
  const span = admits.first === admits.last ? admits.first : `${admits.first}-${admits.last}`;
  if (width === undefined)
    return {
      urn: o.origin.urn,
      message: `${who} admits ${span}, which cannot be read as IPv4 addresses: treated as the internet. Write a start and end address, or a CIDR.`,
    };
  if (width.public && width.addresses >= WIDE)
    return {
      urn: o.origin.urn,
      message: `${who} admits ${span} (${width.addresses.toLocaleString("en")} addresses): open to the internet. Allow only the addresses that need it, or use a private endpoint.`,
    };
  return undefined;
}

export const networkNoPaasOpenToInternet: ResourceRule = {
  kind: "resource",
  name: "network-no-paas-open-to-internet",
  layer: "network",
  description:
    "A managed service's own endpoint or firewall (databases, storage, vaults, caches, brokers, registries, messaging, cluster API servers, and any service written with a network rule set) never admits the internet or a range as wide.",
  severity: "critical",
  enforcementLevel: "mandatory",
  frameworks: ["ztmm-networks-traffic", "nist-207-t2"],
  references: [],
  remediation:
    "Deny by default and allow the addresses or networks that need the service, or disable public network access and use a private endpoint.",
  uses: [],
  reads: ["network.services"],
  judge: (posture) => posture.network.services.map(judge).filter((f): f is Finding => f !== undefined),
};
