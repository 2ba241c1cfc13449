import type { FrameworkItemId } from "./frameworks";

/**
 * What each component feature of the baseline gives evidence for (Conditional Access controls and the
 * pack's policies carry their own `frameworks`). A feature counts only where the profile declares it.
 */
export const FEATURE_FRAMEWORKS = {
  "aws-mfa": ["nis2-21-2-j", "ztmm-identity-authentication"],
  "aws-segmentation": ["ztmm-networks-segmentation", "nist-207-t2", "nis2-21-2-i"],
  "azure-segmentation": ["ztmm-networks-segmentation", "nist-207-t2", "nis2-21-2-i"],
  "privileged-access": ["ztmm-identity-access-management", "nis2-21-2-i", "nist-207-t3"],
  "entra-log-export": ["ztmm-visibility", "nist-207-t5", "nist-207-t7", "nis2-21-2-b"],
  "break-glass-alert": ["ztmm-visibility", "nis2-21-2-b"],
  cloudtrail: ["cis-aws-3.1", "cis-aws-3.2", "ztmm-visibility", "nis2-21-2-b"],
  guardduty: ["ztmm-visibility", "nist-207-t5", "nis2-21-2-b"],
  "cloudflare-logpush": ["ztmm-visibility", "nist-207-t7"],
  ztna: ["ztmm-apps-access", "ztmm-apps-accessible", "nist-207-t3", "nist-207-t6"],
} as const satisfies Record<string, readonly FrameworkItemId[]>;

export type Feature = keyof typeof FEATURE_FRAMEWORKS;
