import { monitoringDecisions } from "../../profile/monitoring-decisions";
import type { ClientProfile } from "../../profile/schema";
import { heading } from "./text";

/** Monitoring section: each feature declared, or why not. */
export function renderMonitoring(profile: ClientProfile): string[] {
  const decisions = Object.entries(monitoringDecisions(profile));
  return [
    heading(
      "MONITORING",
      `log retention ${profile.monitoring.logRetentionDays} days · alerts to ${profile.client.contacts.join(", ") || "nobody (client.contacts is empty)"}`,
    ),
    ...decisions.map(([feature, d]) => `  ${d.declared ? "✓" : "✗"} ${feature}${d.declared ? "" : `: ${d.why}`}`),
  ];
}
