import type { FrameworkItemId } from "../../catalog/frameworks";
import { checksJudgedBy } from "../../catalog/scanner-checks";
import type { Posture, PostureElement } from "../../posture/model";
import type { SettingName, Settings } from "./config";

export type Severity = "low" | "medium" | "high" | "critical";
export type Layer = "identity" | "network" | "access" | "privilege" | "posture";

/** One thing wrong, on one resource, said as a sentence that also says how to fix it. */
export interface Finding {
  /** The resource at fault; absent when the stack as a whole falls short. */
  readonly urn?: string;
  readonly message: string;
  /** A notice, not a violation: reported (advisory) by `pack-notices`, never blocking. */
  readonly notice?: boolean;
}

interface RuleBase {
  /** Stable kebab-case id: `<layer>-<what must hold>`. */
  readonly name: string;
  readonly layer: Layer;
  readonly description: string;
  readonly severity: Severity;
  /** Default level; anything that widens privileges or flattens segmentation is mandatory. */
  readonly enforcementLevel: "mandatory" | "advisory";
  /** The framework items it gives evidence for (wherever the pack runs): the one place they are kept. */
  readonly frameworks: readonly FrameworkItemId[];
  /**
   * Other sources: vendor guidance, frameworks not tracked as items. Scanner checks (checkov,
   * trivy, Prowler, cdk-nag) are kept in catalog/scanner-checks.ts and added to these by `referencesOf`.
   */
  readonly references: readonly string[];
  readonly remediation: string;
  /** Settings (pack config) the rule reads. */
  readonly uses: readonly SettingName[];
}

/** Judges the whole stack: the engine's AnalyzeStack, once per preview. */
export interface StackRule extends RuleBase {
  readonly kind: "stack";
  readonly judge: (posture: Posture, settings: Settings) => Finding[];
}

/** Judges one resource as it registers (the engine's Analyze), from that resource alone. */
export interface ResourceRule extends RuleBase {
  readonly kind: "resource";
  /** The parts of the posture it reads: the pack runs it only on the types they are read from. */
  readonly reads: readonly PostureElement[];
  readonly judge: (posture: Posture, settings: Settings) => Finding[];
}

export type Rule = StackRule | ResourceRule;

/** A rule's references with the scanner checks it judges: its pack tags and its RULES.md column. */
export const referencesOf = (rule: Rule): string[] => [...checksJudgedBy(rule.name), ...rule.references];
