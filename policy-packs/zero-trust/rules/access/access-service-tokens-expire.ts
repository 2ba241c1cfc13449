import type { ResourceRule } from "../../rule";
import { resourceName } from "../support";

export const accessServiceTokensExpire: ResourceRule = {
  kind: "resource",
  name: "access-service-tokens-expire",
  layer: "access",
  description: "Service tokens expire (never `forever`) within the maximum lifetime.",
  severity: "high",
  enforcementLevel: "mandatory",
  frameworks: ["nist-207-t6", "nis2-21-2-i"],
  references: [],
  remediation: "Give the token a duration (e.g. 2160h) and rotate it before it expires.",
  uses: ["maxServiceTokenHours"],
  reads: ["access.serviceTokens"],
  judge: (posture, s) =>
    posture.access.serviceTokens
      .filter((t) => t.duration === "forever" || (t.duration !== undefined && t.duration > s.maxServiceTokenHours * 60))
      .map((t) => ({
        urn: t.origin.urn,
        message:
          t.duration === "forever"
            ? `${resourceName(t.origin)} never expires: a leaked token works forever. Set a duration of at most ${s.maxServiceTokenHours}h and rotate it.`
            : `${resourceName(t.origin)} lives ${(t.duration as number) / 60}h, beyond ${s.maxServiceTokenHours}h. Shorten its duration and rotate it.`,
      })),
};
