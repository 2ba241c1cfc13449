import type { ResourceRule } from "../../rule";
import { resourceName } from "../support";

export const accessSessionWithinCeiling: ResourceRule = {
  kind: "resource",
  name: "access-session-within-ceiling",
  layer: "access",
  description: "Access sessions (application or policy) never last longer than the ceiling.",
  severity: "medium",
  enforcementLevel: "mandatory",
  frameworks: ["nist-207-t3", "ztmm-apps-access"],
  references: [],
  remediation: "Shorten sessionDuration to the ceiling or below.",
  uses: ["sessionCeilingHours"],
  reads: ["access.apps", "access.policies"],
  judge: (posture, s) => {
    const ceiling = s.sessionCeilingHours * 60;
    const items = [
      ...posture.access.apps.map((a) => ({ minutes: a.sessionMinutes, origin: a.origin })),
      ...posture.access.policies.map((p) => ({ minutes: p.sessionMinutes, origin: p.origin })),
    ];
    return items
      .filter((i) => i.minutes !== undefined && i.minutes > ceiling)
      .map((i) => ({
        urn: i.origin.urn,
        message: `${resourceName(i.origin)} keeps sessions for ${i.minutes! / 60}h, beyond the ${s.sessionCeilingHours}h ceiling. Shorten sessionDuration.`,
      }));
  },
};
