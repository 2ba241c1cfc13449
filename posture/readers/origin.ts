import type { Origin } from "../model";
import type { PlannedResource } from "../resource";
import { obj, str } from "../values";
import { TIER_TAG } from "../../catalog/tags";

export const originOf = (r: PlannedResource): Origin => ({ urn: r.urn, type: r.type, name: r.name });

/** The `zt:tier` tag of a group, if it has one. */
export function tierTag(r: PlannedResource): string | undefined {
  return str(obj(r.inputs.tags)[TIER_TAG]);
}
