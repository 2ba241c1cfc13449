import {
  SCUBA_ITEMS,
  SCUBA_OUTSIDE_PIM_ITEM,
  SCUBA_PERMANENT_ASSIGNMENT_ITEM,
  SCUBA_PRIVILEGED_ROLE_IDS,
  type ScubaCaItemId,
} from "../../catalog/scuba";
import { PRIVILEGED_ROLES } from "../../catalog/privileged-roles";
import type { Posture } from "../../posture/model";
import {
  judgePolicy,
  permanentAssignmentsNotExempt,
  scubaGearPasses,
  type CapExclusions,
  type Excluded,
} from "./match";

/** Whose exclusion is expected, and why the others were made: read from the client's profile. */
export interface ScubaContext {
  readonly licence: "P1" | "P2";
  readonly breakGlass: { readonly groups: readonly string[]; readonly users: readonly string[] };
  /** Why a principal is excluded, by object id (the profile's `identity.exclusions`). */
  readonly reasons: ReadonlyMap<string, string>;
  /**
   * The policies meant to meet each item (the catalog controls that name it), or why one is not
   * declared: a miss is explained by the policy meant for it before any other.
   */
  readonly intended: ReadonlyMap<string, readonly { readonly displayName: string; readonly notDeclared?: string }[]>;
}

/** `met`: ScubaGear passes it exempting only break-glass; `partial`: only with more exemptions or narrowed conditions. */
export type ClaimStatus = "met" | "partial" | "not-met";

/** One SCuBA item, decided as ScubaGear decides it, and as strictly as we claim it. */
export interface ScubaAssessment {
  readonly item: ScubaCaItemId | typeof SCUBA_PERMANENT_ASSIGNMENT_ITEM.id | typeof SCUBA_OUTSIDE_PIM_ITEM.id;
  readonly policyId: string;
  readonly status: ClaimStatus;
  /** ScubaGear's decision on the same resources, with the config `zt scuba-config` writes for them. */
  readonly scubaGear: "pass" | "fail";
  /** The policies (or assignments) it is met by. */
  readonly by: readonly string[];
  /** For partial: what is exempted beyond break-glass, or narrowed, and why. For not met: why nothing counts. */
  readonly reasons: readonly string[];
  /** What the config's exclusions for this item hold. */
  readonly exclusions:
    CapExclusions | { readonly RoleExclusions: { readonly Users: readonly string[] } } | Record<string, never>;
}

function withBreakGlass(ctx: ScubaContext, extra: readonly Excluded[]): CapExclusions {
  const out: Record<Excluded["kind"], Set<string>> = {
    Users: new Set(ctx.breakGlass.users),
    Groups: new Set(ctx.breakGlass.groups),
    Applications: new Set(),
    GuestUserTypes: new Set(),
  };
  for (const e of extra) out[e.kind].add(e.id);
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v]])) as unknown as CapExclusions;
}

/** The exclusions in words: principals with their declared reasons, guest kinds together. */
function describe(excluded: readonly Excluded[], ctx: ScubaContext): string {
  const guests = excluded.filter((e) => e.kind === "GuestUserTypes").map((e) => e.id);
  return [
    ...excluded
      .filter((e) => e.kind !== "GuestUserTypes")
      .map((e) => {
        if (e.kind === "Applications") return `application ${e.id}`;
        const why = ctx.reasons.get(e.id.toLowerCase());
        return `${e.kind === "Users" ? "user" : "group"} ${e.id} (${why ?? "no declared reason"})`;
      }),
    ...(guests.length ? [`guests and external users (${guests.join(", ")})`] : []),
  ].join(", ");
}

type Base = Pick<ScubaAssessment, "item" | "policyId" | "exclusions">;

/** Not met, and so not passed by ScubaGear either: nothing counts for the item, for these reasons. */
const notMet = (base: Base, reasons: readonly string[]): ScubaAssessment => ({
  ...base,
  status: "not-met",
  scubaGear: "fail",
  by: [],
  reasons,
});

function assessCaItem(item: ScubaCaItemId, posture: Posture, ctx: ScubaContext): ScubaAssessment {
  const def = SCUBA_ITEMS[item];
  if (def.needsP2 && ctx.licence !== "P2")
    return notMet({ item, policyId: def.policyId, exclusions: withBreakGlass(ctx, []) }, [
      "needs Entra ID P2: ScubaGear fails it without the licence (identity.licence is P1)",
    ]);
  const breakGlass = new Set([...ctx.breakGlass.users, ...ctx.breakGlass.groups].map((x) => x.toLowerCase()));
  const judged = posture.identity.policies.map((p) => judgePolicy(item, p));
  const shaped = judged.filter((j) => j.misses.length === 0);
  const extra = (j: (typeof judged)[number]) =>
    j.exclusions.filter((e) => !((e.kind === "Users" || e.kind === "Groups") && breakGlass.has(e.id.toLowerCase())));
  // The file is for the tenant once rolled out: a report-only policy's exclusions are in it too.
  const exclusions = withBreakGlass(
    ctx,
    judged.filter((j) => j.misses.length === (j.enabled ? 0 : 1)).flatMap((j) => j.exclusions),
  );
  const base = { item, policyId: def.policyId, exclusions };
  // ScubaGear's own decision, on these policies with the file this item's exclusions make.
  const scubaGear = scubaGearPasses(item, posture.identity.policies, exclusions, ctx.licence) ? "pass" : "fail";
  if (shaped.length === 0) {
    const intended = ctx.intended.get(item) ?? [];
    const explained = intended.map((c) => {
      const j = judged.find((x) => x.policy.displayName === c.displayName);
      if (!j) return `'${c.displayName}': ${c.notDeclared ?? "not in the stack's resources"}`;
      const then = extra(j);
      return `'${c.displayName}': ${j.misses.join("; ")}${
        then.length ? `; and it exempts beyond break-glass: ${describe(then, ctx)}` : ""
      }`;
    });
    const others = judged.filter((j) => !intended.some((c) => c.displayName === j.policy.displayName));
    const fewest = Math.min(...others.map((j) => j.misses.length));
    const nearest = explained.length
      ? []
      : others
          .filter((j) => j.misses.length === fewest)
          .slice(0, 2)
          .map((j) => `'${j.policy.displayName}': ${j.misses.join("; ")}`);
    const reasons = [...explained, ...nearest];
    return notMet(base, reasons.length ? reasons : ["no Conditional Access policy in the stack"]);
  }
  const clean = shaped.filter((j) => extra(j).length === 0 && j.narrowing.length === 0);
  if (clean.length)
    return { ...base, status: "met", scubaGear, by: clean.map((j) => j.policy.displayName), reasons: [] };
  const best = [...shaped].sort(
    (a, b) => extra(a).length + a.narrowing.length - (extra(b).length + b.narrowing.length),
  )[0]!;
  return {
    ...base,
    status: "partial",
    scubaGear,
    by: [best.policy.displayName],
    reasons: [
      ...(extra(best).length ? [`exempts beyond break-glass: ${describe(extra(best), ctx)}`] : []),
      ...best.narrowing.map((n) => `narrowed where ScubaGear does not look: ${n}`),
    ],
  };
}

const NEEDS_P2_FOR_PIM = "needs Entra ID P2 (PIM): ScubaGear fails it without the licence";

function assessPermanentAssignments(posture: Posture, ctx: ScubaContext): ScubaAssessment {
  const base = {
    item: SCUBA_PERMANENT_ASSIGNMENT_ITEM.id,
    policyId: SCUBA_PERMANENT_ASSIGNMENT_ITEM.policyId,
    exclusions: { RoleExclusions: { Users: [...ctx.breakGlass.users] } },
  };
  const roles = posture.privilege.grants.filter((g) => g.kind === "entra-role");
  if (roles.length === 0)
    return notMet(base, [
      "the stack declares no directory role assignment (privilegedAccess): nothing shows how roles are held",
    ]);
  const standing = permanentAssignmentsNotExempt(roles, ctx.breakGlass.users);
  if (ctx.licence !== "P2" || standing.length)
    return notMet(base, [
      ...(ctx.licence !== "P2" ? [NEEDS_P2_FOR_PIM] : []),
      ...standing.map(
        (g) => `${g.origin.name}: permanent ${g.permission} for ${g.principal}, not a break-glass account`,
      ),
    ]);
  return {
    ...base,
    status: "met",
    scubaGear: "pass",
    by: roles.filter((g) => !g.permanent).map((g) => g.origin.name),
    reasons: [],
  };
}

function assessOutsidePim(posture: Posture, ctx: ScubaContext): ScubaAssessment {
  const base = { item: SCUBA_OUTSIDE_PIM_ITEM.id, policyId: SCUBA_OUTSIDE_PIM_ITEM.policyId, exclusions: {} };
  const privileged = new Set(SCUBA_PRIVILEGED_ROLE_IDS);
  const roles = posture.privilege.grants.filter(
    (g) => g.kind === "entra-role" && privileged.has(g.permission.toLowerCase()),
  );
  // A permanent grant here is a direct assignment (DirectoryRoleAssignment): made outside PIM.
  const direct = roles.filter((g) => g.permanent);
  if (roles.length === 0 || direct.length || ctx.licence !== "P2")
    return notMet(base, [
      ...(roles.length === 0 ? ["the stack declares no assignment of a highly privileged role"] : []),
      ...(ctx.licence !== "P2" ? [NEEDS_P2_FOR_PIM] : []),
      ...direct.map(
        (g) =>
          `${g.origin.name}: ${PRIVILEGED_ROLES[g.permission.toLowerCase()] ?? g.permission} assigned to ${g.principal} directly, outside PIM (ScubaGear has no exemption for 7.5; @pulumi/azuread cannot declare a PIM active assignment)`,
      ),
    ]);
  return { ...base, status: "met", scubaGear: "pass", by: roles.map((g) => g.origin.name), reasons: [] };
}

/** Every SCuBA item this stack can decide, decided on its planned (or deployed) resources. */
export function assessScuba(posture: Posture, ctx: ScubaContext): ScubaAssessment[] {
  return [
    ...(Object.keys(SCUBA_ITEMS) as ScubaCaItemId[]).map((item) => assessCaItem(item, posture, ctx)),
    assessPermanentAssignments(posture, ctx),
    assessOutsidePim(posture, ctx),
  ];
}
