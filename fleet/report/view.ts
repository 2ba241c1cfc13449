import { CONTROLS } from "../../components/identity/controls";
import { selectControls } from "../../components/identity/select-controls";
import type { ClientProfile } from "../../profile/schema";

/** How one catalog control stands for one client. */
export type CellState = "enforced" | "report-only" | "absent" | "unknown";

export interface ControlCell {
  readonly control: string;
  readonly state: CellState;
  /** Why it is absent, or why it is enforced during a report-only rollout. */
  readonly detail?: string;
}

/** Short column codes for the catalog ("CA001"...), in catalog order. */
export const CONTROL_CODES: readonly string[] = CONTROLS.map((c) => c.displayName.split("-")[0]!);
export const CONTROL_IDS: readonly string[] = CONTROLS.map((c) => c.id);

/** One row of the clients x controls matrix; every cell "unknown" when the profile did not validate. */
export function controlCells(profile: ClientProfile | undefined): ControlCell[] {
  if (!profile)
    return CONTROLS.map((c) => ({ control: c.id, state: "unknown", detail: "the profile did not validate" }));
  return selectControls(profile.identity, CONTROLS).map((d) =>
    !d.declared
      ? { control: d.control.id, state: "absent", detail: d.why }
      : d.state === "enabled"
        ? { control: d.control.id, state: "enforced", ...(d.note ? { detail: d.note } : {}) }
        : { control: d.control.id, state: "report-only" },
  );
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
