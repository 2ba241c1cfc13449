import { CONTROLS } from "../catalog/controls";
import { FEATURES, type Feature } from "../catalog/features";
import { FRAMEWORK_ITEMS, type FrameworkItem } from "../catalog/frameworks";
import type { Layer } from "../policy-packs/zero-trust/rule";
import { RULES } from "../policy-packs/zero-trust/rules";
import { postureOf } from "../posture/build";
import type { Posture } from "../posture/model";
import type { PlannedResource } from "../posture/resource";
import { monitoringDecisions } from "../profile/monitoring-decisions";
import type { ClientProfile } from "../profile/schema";
import { selectControls } from "../profile/select-controls";
import { FEATURE_EVIDENCE } from "./evidence";
import { MAPPING } from "./mapping";
import { assessScuba, type ClaimStatus, type ScubaAssessment, type ScubaContext } from "./scuba/assess";

export type { ClaimStatus };

/** What the stack gives evidence for, per framework item. */
export interface ItemCoverage {
  readonly item: FrameworkItem;
  readonly status: ClaimStatus;
  /** What it is claimed from: controls, features (with the resources that prove them), pack policies. */
  readonly by: readonly string[];
  /** Partial: what falls short and why. Not met: what is missing and why. */
  readonly gaps: readonly string[];
  /** SCuBA items: ScubaGear's own decision on the same resources, with `zt scuba-config`'s file. */
  readonly scubaGear?: "pass" | "fail";
}

interface Piece {
  readonly status: ClaimStatus;
  readonly why?: string;
}

/** Why the profile leaves a feature out, if it does; the resources decide whether it is there. */
function featureIntent(profile: ClientProfile): Record<Feature, string | undefined> {
  const { aws, azure } = profile.network;
  const monitoring = monitoringDecisions(profile);
  const why = (d: { declared: boolean; why?: string }) => (d.declared ? undefined : d.why);
  return {
    "aws-mfa": aws && profile.mfa.aws.enforce ? undefined : "no AWS account, or mfa.aws.enforce is false",
    "aws-segmentation": aws ? undefined : "network.aws not declared",
    "azure-segmentation": azure ? undefined : "network.azure not declared",
    "privileged-access": profile.privilegedAccess ? undefined : "privilegedAccess not declared",
    ztna: profile.access?.apps.length ? undefined : "no access.apps",
    "entra-log-export": why(monitoring["entra-log-export"]),
    "break-glass-alert": why(monitoring["break-glass-alert"]),
    cloudtrail: why(monitoring.cloudtrail),
    "cloudtrail-log-validation": why(monitoring.cloudtrail),
    guardduty: why(monitoring.guardduty),
    "cloudflare-logpush": why(monitoring["cloudflare-logpush"]),
  };
}

/** Each piece of the baseline, judged on the resources: a control by its policy, a feature by its evidence. */
function pieces(profile: ClientProfile, posture: Posture): Map<string, Piece> {
  const out = new Map<string, Piece>();
  const decisions = new Map(selectControls(profile.identity, CONTROLS).map((d) => [d.control.id, d]));
  for (const control of CONTROLS) {
    const policy = posture.identity.policies.find((p) => p.displayName === control.displayName);
    const decision = decisions.get(control.id)!;
    if (policy?.state === "enabled") out.set(control.id, { status: "met" });
    else if (policy?.state === "enabledForReportingButNotEnforced")
      out.set(control.id, { status: "partial", why: `${control.id}: report-only (evaluated, not enforced)` });
    else
      out.set(control.id, {
        status: "not-met",
        why: `${control.id}: ${
          !decision.declared
            ? decision.why
            : policy
              ? `its policy is ${policy.state ?? "in an unknown state"}`
              : "the stack has no such policy"
        }`,
      });
  }
  const intent = featureIntent(profile);
  const ctx = { breakGlassAccounts: profile.identity.breakGlass.accounts };
  for (const feature of Object.keys(FEATURES) as Feature[]) {
    const found = FEATURE_EVIDENCE[feature](posture, ctx);
    out.set(
      `feature:${feature}`,
      found.length
        ? { status: "met" }
        : {
            status: "not-met",
            why: `feature:${feature}: ${intent[feature] ?? `the stack declares none (needs ${FEATURES[feature].evidence})`}`,
          },
    );
  }
  // The pack judges every plan and check; a policy is evidence only where its layer has something to judge.
  const judged: Record<Layer, boolean> = {
    identity: posture.identity.policies.length > 0,
    network: posture.network.groups.length > 0 || posture.network.rules.length > 0,
    access: posture.access.apps.length > 0,
    privilege: posture.privilege.grants.length > 0,
    posture: posture.resources.length > 0,
  };
  for (const r of RULES)
    out.set(
      r.name,
      judged[r.layer]
        ? { status: "met" }
        : { status: "not-met", why: `${r.name}: the stack has no ${r.layer} resources for it to judge` },
    );
  return out;
}

/** The ScubaGear context of a client: its licence, break-glass principals, and declared exclusion reasons. */
export function scubaContext(profile: ClientProfile): ScubaContext {
  const { identity } = profile;
  const decisions = selectControls(identity, CONTROLS);
  const intended = new Map<string, { displayName: string; notDeclared?: string }[]>();
  for (const d of decisions)
    for (const item of d.control.frameworks)
      intended.set(item, [
        ...(intended.get(item) ?? []),
        { displayName: d.control.displayName, ...(d.declared ? {} : { notDeclared: d.why }) },
      ]);
  return {
    intended,
    licence: identity.licence,
    breakGlass: { groups: [identity.breakGlass.groupId], users: [...identity.breakGlass.accounts] },
    reasons: new Map(
      identity.exclusions.flatMap((e) => [...e.groups, ...e.users].map((id) => [id.toLowerCase(), e.reason] as const)),
    ),
  };
}

/** The SCuBA items decided on these resources, as ScubaGear decides them. */
export function scubaAssessments(profile: ClientProfile, resources: readonly PlannedResource[]): ScubaAssessment[] {
  return assessScuba(postureOf(resources), scubaContext(profile));
}

/** Per framework item: met, partial or not, from the resources the program declares (planned or deployed). */
export function frameworkCoverage(profile: ClientProfile, resources: readonly PlannedResource[]): ItemCoverage[] {
  const posture = postureOf(resources);
  const state = pieces(profile, posture);
  const scuba = new Map<string, ScubaAssessment>(assessScuba(posture, scubaContext(profile)).map((a) => [a.item, a]));
  return FRAMEWORK_ITEMS.map((item): ItemCoverage => {
    const assessed = scuba.get(item.id);
    if (assessed)
      return {
        item,
        status: assessed.status,
        by: assessed.by,
        gaps: assessed.reasons,
        scubaGear: assessed.scubaGear,
      };
    const mapped = Object.entries(MAPPING)
      .filter(([, items]) => items.includes(item.id))
      .map(([key]) => key);
    const met = mapped.filter((k) => state.get(k)?.status === "met");
    const partial = mapped.filter((k) => state.get(k)?.status === "partial");
    const status: ClaimStatus = met.length ? "met" : partial.length ? "partial" : "not-met";
    const gaps = met.length
      ? []
      : mapped.map((k) => state.get(k)?.why ?? `${k}: not declared`).filter((g) => g !== undefined);
    return { item, status, by: met.length ? met : partial, gaps };
  });
}
