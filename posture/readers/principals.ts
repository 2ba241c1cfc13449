import type { ResourceIndex } from "../index-resources";
import { refNames } from "../index-resources";
import type { PlannedResource } from "../resource";
import { UNKNOWN_VALUE } from "../values";
import { principalNameOf } from "./origin";

/**
 * `<prefix>:<name>` for the principal a property names (an IAM name, an object id): the stack's own
 * principal by its resource's name, whether the value is known or not; an outside one as written.
 */
export function principalName(index: ResourceIndex, r: PlannedResource, property: string, prefix: string): string {
  const [refs] = index.resolve(r, property, [[r.inputs[property]]]);
  const names = refNames(refs!, principalNameOf);
  return `${prefix}:${names.length === 1 && names[0] !== UNKNOWN_VALUE ? names[0] : "(unknown)"}`;
}
