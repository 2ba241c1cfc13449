import type { StackPlan } from "../../engine/plan-stack";
import { renderAccess } from "./access";
import { renderCompliance } from "./compliance";
import { renderIdentity } from "./identity";
import { renderMfa } from "./mfa";
import { renderMonitoring } from "./monitoring";
import { renderNetwork } from "./network";
import { renderResourceSummary } from "./resources";

/** A section of the plan: a pure function of the profile and the resources the engine saw. */
export type PlanSection = (profile: StackPlan["profile"], resources: StackPlan["resources"]) => string[];

/** Sections in reading order; new components add theirs here. */
export const SECTIONS: readonly PlanSection[] = [
  renderIdentity,
  renderMfa,
  renderNetwork,
  renderAccess,
  renderMonitoring,
  renderCompliance,
];

export function renderPlan(plan: StackPlan): string {
  const { client } = plan.profile;
  const lines = [
    `zt plan · stack "${plan.stack}" · ${client.displayName ?? client.name} (${client.name}, ${client.environment})`,
    `offline: Pulumi's mock engine ran the program as a preview of a new stack would; nothing was deployed`,
    ...SECTIONS.flatMap((section) => section(plan.profile, plan.resources)),
    ...renderResourceSummary(plan.resources),
  ];
  return lines.join("\n");
}
