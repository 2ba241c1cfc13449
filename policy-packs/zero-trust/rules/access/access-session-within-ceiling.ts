import { DEFAULT_APP_SESSION_HOURS } from "../../../../catalog/access";
import type { Origin } from "../../../../posture/model";
import { UNKNOWN_MEANS } from "../../../../posture/unknown";
import type { Finding, ResourceRule } from "../../rule";
import { resourceName } from "../support";

interface Session {
  readonly origin: Origin;
  /** Minutes; undefined when it cannot be read. */
  readonly minutes: number | undefined;
  /** What the session is, as a phrase ("keeps sessions", "keeps the global session"...). */
  readonly what: string;
  /** The property to shorten. */
  readonly property: string;
  readonly note?: string;
}

export const accessSessionWithinCeiling: ResourceRule = {
  kind: "resource",
  name: "access-session-within-ceiling",
  layer: "access",
  description:
    "Access sessions never last longer than the ceiling: an application's (Cloudflare's 24h when it sets none) or a policy's, and the organisation's global and WARP sessions, within which every app's session is renewed without signing in again.",
  severity: "medium",
  enforcementLevel: "mandatory",
  frameworks: ["nist-207-t3", "ztmm-apps-access"],
  references: ["Cloudflare Access: session management (global session, application and policy sessions)"],
  remediation:
    "Shorten sessionDuration (or the organisation's sessionDuration and warpAuthSessionDuration) to the ceiling or below.",
  uses: ["sessionCeilingHours"],
  reads: ["access.apps", "access.policies", "access.organizations"],
  judge: (posture, s) => {
    const ceiling = s.sessionCeilingHours * 60;
    const sessions: Session[] = [
      ...posture.access.apps.flatMap((a): Session[] => {
        if (a.sessionUnreadable)
          return [{ origin: a.origin, minutes: undefined, what: "keeps sessions", property: "sessionDuration" }];
        if (a.sessionMinutes !== undefined)
          return [{ origin: a.origin, minutes: a.sessionMinutes, what: "keeps sessions", property: "sessionDuration" }];
        // An app that sets none gets Cloudflare's default (its policies' own sessions still count).
        return a.guardsHostnames
          ? [
              {
                origin: a.origin,
                minutes: DEFAULT_APP_SESSION_HOURS * 60,
                what: "keeps sessions",
                property: "sessionDuration",
                note: " (Cloudflare's default: it sets no sessionDuration)",
              },
            ]
          : [];
      }),
      ...posture.access.policies.flatMap((p): Session[] =>
        p.sessionUnreadable || p.sessionMinutes !== undefined
          ? [{ origin: p.origin, minutes: p.sessionMinutes, what: "keeps sessions", property: "sessionDuration" }]
          : [],
      ),
      ...posture.access.organizations.flatMap((o): Session[] => [
        ...(o.sessionMinutes !== undefined || o.unreadable.includes("sessionDuration")
          ? [
              {
                origin: o.origin,
                minutes: o.sessionMinutes,
                what: "keeps the global session",
                property: "sessionDuration",
                note: ": every app's session is renewed without signing in again until it ends",
              },
            ]
          : []),
        ...(o.warpSessionMinutes !== undefined || o.unreadable.includes("warpAuthSessionDuration")
          ? [
              {
                origin: o.origin,
                minutes: o.warpSessionMinutes,
                what: "keeps WARP-authenticated sessions",
                property: "warpAuthSessionDuration",
              },
            ]
          : []),
      ]),
    ];
    return sessions
      .filter((i) => i.minutes === undefined || i.minutes > ceiling)
      .map((i): Finding => ({
        urn: i.origin.urn,
        message:
          i.minutes === undefined
            ? `${resourceName(i.origin)}'s ${i.property} cannot be read (known after apply, or a secret): judged as ${UNKNOWN_MEANS.session.means}, beyond the ${s.sessionCeilingHours}h ceiling. Set it as a literal of at most ${s.sessionCeilingHours}h.`
            : `${resourceName(i.origin)} ${i.what} for ${i.minutes / 60}h${i.note ?? ""}, beyond the ${s.sessionCeilingHours}h ceiling. Shorten ${i.property}.`,
      }));
  },
};
