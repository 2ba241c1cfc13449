import type { Endpoint, Origin } from "../model";
import type { ResolvedRefs } from "../index-resources";
import type { PlannedResource } from "../resource";
import { obj, str } from "../values";
import { TIER_TAG } from "../../catalog/tags";

export const originOf = (r: PlannedResource): Origin => ({ urn: r.urn, type: r.type, name: r.name });

/**
 * The name a principal resource goes by in grants and trusts: its display name (Entra), its name
 * (IAM), else its logical name. One function, so that a role's grants and its trust name it alike.
 */
export const principalNameOf = (r: PlannedResource): string =>
  str(r.inputs.displayName) ?? str(r.inputs.name) ?? r.name;

/** The `zt:tier` tag of a group, if it has one. */
export function tierTag(r: PlannedResource): string | undefined {
  return str(obj(r.inputs.tags)[TIER_TAG]);
}

/**
 * The network ends a group reference names: each resolved group as `endpoint` says, the rest as
 * unresolved (an outside id, an unknown value, or one of several candidates: rules treat it as any).
 */
export function endpointsOf(refs: ResolvedRefs, endpoint: (g: PlannedResource) => Endpoint): Endpoint[] {
  return [
    ...refs.targets.map(endpoint),
    ...refs.others.map((ref): Endpoint => ({ kind: "unknown", ref })),
    ...refs.anyOf.map((c): Endpoint => ({ kind: "unknown", ref: `one of ${c.map((g) => g.name).join(", ")}` })),
  ];
}
