import type { MonitoringFeature } from "./monitoring";
import type { ClientProfile } from "./schema";

export type FeatureDecision = { readonly declared: true } | { readonly declared: false; readonly why: string };

/** Whether each monitoring feature is declared for a client, and why not when it is not. */
export function monitoringDecisions(profile: ClientProfile): Record<MonitoringFeature, FeatureDecision> {
  const optOut = (f: MonitoringFeature) => profile.monitoring.optOuts.find((o) => o.feature === f);
  const decide = (f: MonitoringFeature, available: boolean, missing: string): FeatureDecision => {
    const o = optOut(f);
    if (o) return { declared: false, why: `opted out: ${o.reason}` };
    return available ? { declared: true } : { declared: false, why: missing };
  };
  const azure = profile.network.azure !== undefined;
  const aws = profile.network.aws !== undefined;
  return {
    "entra-log-export": decide(
      "entra-log-export",
      azure,
      "needs network.azure (the workspace lives in its resource group)",
    ),
    "break-glass-alert": decide(
      "break-glass-alert",
      azure && profile.identity.breakGlass.accounts.length > 0,
      "needs network.azure and identity.breakGlass.accounts",
    ),
    cloudtrail: decide("cloudtrail", aws, "needs network.aws"),
    guardduty: decide("guardduty", aws, "needs network.aws"),
    "cloudflare-logpush": decide(
      "cloudflare-logpush",
      profile.access?.cloudflare !== undefined && profile.monitoring.cloudflareLogpush !== undefined,
      "needs access.cloudflare and monitoring.cloudflareLogpush.destination",
    ),
  };
}
