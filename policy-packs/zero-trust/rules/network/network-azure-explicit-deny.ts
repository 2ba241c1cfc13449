import type { StackRule } from "../../rule";
import { resourceName } from "../support";

/** Where Azure's default AllowVnetInBound sits: an explicit deny must win before it. */
const DEFAULT_RULES_PRIORITY = 65000;

export const networkAzureExplicitDeny: StackRule = {
  kind: "stack",
  name: "network-azure-explicit-deny",
  layer: "network",
  description: "Every Azure NSG denies all other inbound traffic above the default AllowVnetInBound rule.",
  severity: "high",
  enforcementLevel: "mandatory",
  frameworks: ["ztmm-networks-segmentation"],
  references: ["Azure NSG default rules (AllowVnetInBound)"],
  remediation:
    "Add an inbound Deny rule for any source, destination, protocol and port at a priority below 65000 (e.g. 4096).",
  uses: [],
  judge: (posture) =>
    posture.network.groups
      .filter((g) => g.kind === "nsg")
      .filter(
        (g) =>
          !posture.network.rules.some(
            (r) =>
              r.cloud === "azure" &&
              r.direction === "ingress" &&
              r.access === "deny" &&
              r.protocol === "all" &&
              r.ports === undefined &&
              (r.from.kind === "any" || r.from.kind === "vnet") &&
              (r.priority ?? DEFAULT_RULES_PRIORITY) < DEFAULT_RULES_PRIORITY &&
              r.group === g.origin.urn,
          ),
      )
      // A tier's NSG that the VNet reaches is segmentation flattened; an untagged one (a quickstart
      // VM's) has no tier to flatten: the same gap, as advice.
      .map((g) => ({
        urn: g.origin.urn,
        ...(g.tier ? {} : { notice: true }),
        message: `${resourceName(g.origin)} has no explicit deny above AllowVnetInBound: every subnet in the VNet reaches ${g.tier ? `tier '${g.tier}'` : "it (it has no zt:tier tag)"}. Add an inbound Deny-all rule at priority 4096.`,
      })),
};
