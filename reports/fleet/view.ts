import { CONTROLS } from "../../catalog/controls";
import { selectControls } from "../../profile/select-controls";
import type { ClientProfile } from "../../profile/schema";
import type { DeployedView } from "../../fleet/deployed-view";

/**
 * How one catalog control stands for one client: as its resources hold it (planned, or deployed).
 * `missing`: the profile declares it but the resources do not hold it enabled.
 */
export type CellState = "enforced" | "report-only" | "absent" | "missing" | "unknown";

export interface ControlCell {
  readonly control: string;
  readonly state: CellState;
  /** Why it is absent or missing, or why it is enforced during a report-only rollout. */
  readonly detail?: string;
}

/** Short column codes for the catalog ("CA001"...), in catalog order. */
export const CONTROL_CODES: readonly string[] = CONTROLS.map((c) => codeOf(c.displayName));
export const CONTROL_IDS: readonly string[] = CONTROLS.map((c) => c.id);

function codeOf(displayName: string): string {
  return displayName.split("-")[0]!;
}

/**
 * One row of the clients x controls matrix: each control as the client's resources hold it, with
 * the profile's decision for what is not there. Every cell is "unknown" without both.
 */
export function controlCells(profile: ClientProfile | undefined, deployed: DeployedView | undefined): ControlCell[] {
  if (!profile || !deployed) {
    const why = profile ? "no resources to read" : "the profile did not validate";
    return CONTROLS.map((c) => ({ control: c.id, state: "unknown", detail: why }));
  }
  const byCode = new Map(deployed.caPolicies.map((p) => [codeOf(p.displayName), p]));
  return selectControls(profile.identity, CONTROLS).map((d): ControlCell => {
    const control = d.control.id;
    const held = byCode.get(codeOf(d.control.displayName));
    if (held?.state === "enabled")
      return { control, state: "enforced", ...(d.declared && d.note ? { detail: d.note } : {}) };
    if (held?.state === "enabledForReportingButNotEnforced") return { control, state: "report-only" };
    if (held)
      return { control, state: "missing", detail: `${held.displayName} is ${held.state ?? "in an unknown state"}` };
    if (d.declared) return { control, state: "missing", detail: "declared in the profile, not in the resources" };
    return { control, state: "absent", detail: d.why };
  });
}

export interface ExceptionView {
  readonly policy: string;
  readonly resource: string;
  readonly reason: string;
  readonly approvedBy: string;
  readonly expires: string;
  /** Past its last day on `today`: the violation stands again. */
  readonly expired: boolean;
}

/** A client's recorded exceptions, soonest expiry first. `today` is an ISO date (YYYY-MM-DD). */
export function exceptionsOf(profile: ClientProfile | undefined, today: string): ExceptionView[] {
  return (profile?.exceptions ?? [])
    .map((e) => ({ ...e, expired: e.expires < today }))
    .sort((a, b) => a.expires.localeCompare(b.expires));
}
