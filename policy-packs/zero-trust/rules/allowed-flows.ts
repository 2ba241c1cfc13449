import { defaultFlows } from "../../../profile/tier-model";
import type { AllowedFlow, Settings } from "../config";

/** The settings that make up the tier model: every rule that reads `allowedFlows` uses them all. */
export const TIER_MODEL_SETTINGS = ["tiers", "edgeTier", "managementTier", "webPorts", "allowedFlows"] as const;

/** The flows the stack may have: the declared ones, or the tier model's defaults. */
export function allowedFlows(s: Settings): readonly AllowedFlow[] {
  if (s.allowedFlows) return s.allowedFlows;
  const model = {
    tiers: s.tiers,
    edgeTier: s.edgeTier,
    managementTier: s.managementTier,
    allowHttpRedirect: s.webPorts.includes(80),
  };
  return defaultFlows(model).map((f) => ({ from: f.from, to: f.to, protocol: f.protocol, ports: [...f.ports] }));
}
