import type { ClientProfile } from "./schema";
import type { ControlDefinition } from "../catalog/control";

export type PolicyState = "enabled" | "enabledForReportingButNotEnforced";

/** What the baseline does with one catalog control for one tenant, and why. */
export type ControlDecision =
  | {
      readonly control: ControlDefinition;
      readonly declared: true;
      readonly state: PolicyState;
      readonly note?: string;
    }
  | { readonly control: ControlDefinition; readonly declared: false; readonly why: string };

/**
 * Decides, per control, whether it is declared and in which state. Pure, so the component, the
 * plan and the reports agree: nothing is skipped silently, every skip carries its reason.
 */
export function selectControls(
  identity: ClientProfile["identity"],
  catalog: readonly ControlDefinition[],
): ControlDecision[] {
  return catalog.map((control): ControlDecision => {
    const optOut = identity.optOuts.find((o) => o.control === control.id);
    if (optOut) return { control, declared: false, why: `opted out: ${optOut.reason}` };
    if (control.presets && !control.presets.includes(identity.preset)) {
      return {
        control,
        declared: false,
        why: `only in preset ${control.presets.join(", ")} (identity.preset is ${identity.preset})`,
      };
    }
    if (control.licence === "P2" && identity.licence !== "P2") {
      return { control, declared: false, why: "needs Entra ID P2 (identity.licence is P1)" };
    }
    if (control.needs === "allowedCountries" && identity.allowedCountries.length === 0) {
      return { control, declared: false, why: "not configured: identity.allowedCountries is empty" };
    }
    if (identity.rollout === "enforce") return { control, declared: true, state: "enabled" };
    if (!control.reportOnlyCapable) {
      return {
        control,
        declared: true,
        state: "enabled",
        note: "enforced during report-only rollout: Entra cannot evaluate it report-only",
      };
    }
    return { control, declared: true, state: "enabledForReportingButNotEnforced" };
  });
}
