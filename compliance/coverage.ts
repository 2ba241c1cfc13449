import { CONTROLS } from "../catalog/controls";
import { selectControls } from "../profile/select-controls";
import type { ClientProfile } from "../profile/schema";
import { RULES } from "../policy-packs/zero-trust/rules";
import { monitoringDecisions } from "../profile/monitoring-decisions";
import { FRAMEWORK_ITEMS, type FrameworkItem } from "../catalog/frameworks";
import { MAPPING } from "./mapping";

export interface ItemCoverage {
  readonly item: FrameworkItem;
  readonly covered: boolean;
  /** What covers it, or why nothing does (opted out with a reason, licence missing, not declared). */
  readonly by: readonly string[];
  readonly gaps: readonly string[];
}

/** Whether each piece of the baseline is declared for this client, and if not, why not. */
function pieces(profile: ClientProfile): Map<string, { declared: boolean; why?: string }> {
  const out = new Map<string, { declared: boolean; why?: string }>();
  for (const d of selectControls(profile.identity, CONTROLS))
    out.set(d.control.id, d.declared ? { declared: true } : { declared: false, why: d.why });
  const { aws, azure } = profile.network;
  out.set(
    "feature:aws-mfa",
    aws && profile.mfa.aws.enforce
      ? { declared: true }
      : { declared: false, why: "no AWS account, or mfa.aws.enforce is false" },
  );
  out.set("feature:aws-segmentation", aws ? { declared: true } : { declared: false, why: "network.aws not declared" });
  out.set(
    "feature:azure-segmentation",
    azure ? { declared: true } : { declared: false, why: "network.azure not declared" },
  );
  out.set(
    "feature:privileged-access",
    profile.privilegedAccess ? { declared: true } : { declared: false, why: "privilegedAccess not declared" },
  );
  out.set(
    "feature:ztna",
    profile.access?.apps.length ? { declared: true } : { declared: false, why: "no access.apps" },
  );
  for (const [feature, d] of Object.entries(monitoringDecisions(profile))) out.set(`feature:${feature}`, d);
  for (const r of RULES) out.set(r.name, { declared: true });
  return out;
}

/** Per framework item: covered by which declared pieces, or not covered and why. */
export function frameworkCoverage(profile: ClientProfile): ItemCoverage[] {
  const state = pieces(profile);
  return FRAMEWORK_ITEMS.map((item) => {
    const mapped = Object.entries(MAPPING)
      .filter(([, items]) => items.includes(item.id))
      .map(([key]) => key);
    const by = mapped.filter((k) => state.get(k)?.declared);
    const gaps = mapped
      .filter((k) => !state.get(k)?.declared)
      .map((k) => `${k}: ${state.get(k)?.why ?? "not declared"}`);
    return { item, covered: by.length > 0, by, gaps };
  });
}
