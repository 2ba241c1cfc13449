import type { FrameworkItemId } from "./frameworks";

/** A component feature of the baseline, and the planned resource that proves the program declares it. */
export interface FeatureDefinition {
  /** The framework items it gives evidence for (Conditional Access controls and rules carry their own). */
  readonly frameworks: readonly FrameworkItemId[];
  /** What in the program's resources counts as evidence: claims are never made from the profile alone. */
  readonly evidence: string;
}

export const FEATURES = {
  "aws-mfa": {
    frameworks: ["nis2-21-2-j", "ztmm-identity-authentication"],
    evidence: "an IAM policy (aws:iam/policy:Policy) that denies requests without aws:MultiFactorAuthPresent",
  },
  "aws-segmentation": {
    frameworks: ["ztmm-networks-segmentation", "nist-207-t2", "nis2-21-2-i"],
    evidence: "AWS security groups tagged with a tier (zt:tier)",
  },
  "azure-segmentation": {
    frameworks: ["ztmm-networks-segmentation", "nist-207-t2", "nis2-21-2-i"],
    evidence: "Azure NSGs or ASGs tagged with a tier (zt:tier)",
  },
  "privileged-access": {
    frameworks: ["ztmm-identity-access-management", "nis2-21-2-i", "nist-207-t3"],
    evidence: "eligible (PIM) directory role assignments (DirectoryRoleEligibilityScheduleRequest)",
  },
  "entra-log-export": {
    frameworks: ["ztmm-visibility", "nist-207-t5", "nist-207-t7", "nis2-21-2-b"],
    evidence: "an Entra ID diagnostic setting (azure-native:aadiam:DiagnosticSetting) with a log enabled",
  },
  "break-glass-alert": {
    frameworks: ["ztmm-visibility", "nis2-21-2-b"],
    evidence:
      "an enabled scheduled query alert (azure-native:monitor:ScheduledQueryRule) on a break-glass account's sign-ins",
  },
  cloudtrail: {
    frameworks: ["cis-aws-3.1", "ztmm-visibility", "nis2-21-2-b"],
    evidence: "a multi-region CloudTrail trail (aws:cloudtrail/trail:Trail, isMultiRegionTrail)",
  },
  "cloudtrail-log-validation": {
    frameworks: ["cis-aws-3.2"],
    evidence: "a CloudTrail trail with log file validation (enableLogFileValidation)",
  },
  guardduty: {
    frameworks: ["ztmm-visibility", "nist-207-t5", "nis2-21-2-b"],
    evidence: "an enabled GuardDuty detector (aws:guardduty/detector:Detector)",
  },
  "cloudflare-logpush": {
    frameworks: ["ztmm-visibility", "nist-207-t7"],
    evidence: "an enabled Cloudflare Logpush job (cloudflare:index/logpushJob:LogpushJob)",
  },
  ztna: {
    frameworks: ["ztmm-apps-access", "ztmm-apps-accessible", "nist-207-t3", "nist-207-t6"],
    evidence: "a Cloudflare Access application with at least one allow policy",
  },
} as const satisfies Record<string, FeatureDefinition>;

export type Feature = keyof typeof FEATURES;
