import type { StackValidationPolicy } from "@pulumi/policy";

export const PACK_NOTICES = "pack-notices";

/**
 * Exceptions applied, expired or refused, and notices, since the last report (keyed to report
 * each once): resource policies run before the stack ones, so the last stack policy reports all.
 */
export const notices = new Map<string, string>();

/** Runs last in every AnalyzeStack: reports exceptions (applied, expired, refused) and notices, never blocking. */
export const packNotices: StackValidationPolicy = {
  name: PACK_NOTICES,
  description:
    "Every exception applied, expired or refused, and every notice (no lockfile, a lock that can be tightened), is reported.",
  enforcementLevel: "advisory",
  severity: "low",
  validateStack: (_args, report) => {
    for (const message of notices.values()) report(message);
    notices.clear();
  },
};
