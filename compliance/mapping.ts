import { CONTROLS } from "../catalog/controls";
import { FEATURES } from "../catalog/features";
import type { FrameworkItemId } from "../catalog/frameworks";
import { RULES } from "../policy-packs/zero-trust/rules";

/**
 * Which framework items each piece of the baseline helps satisfy, gathered from where each is kept:
 * Conditional Access control ids (the catalog), policy names of the pack (each rule), and component
 * features (`feature:<name>`, the catalog).
 */
export const MAPPING: Readonly<Record<string, readonly FrameworkItemId[]>> = Object.fromEntries([
  ...CONTROLS.map((c) => [c.id, c.frameworks]),
  ...Object.entries(FEATURES).map(([feature, d]) => [`feature:${feature}`, d.frameworks]),
  ...RULES.map((r) => [r.name, r.frameworks]),
]);
