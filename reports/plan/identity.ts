import { selectControls } from "../../profile/select-controls";
import { CONTROLS } from "../../catalog/controls";
import { PRIVILEGED_ROLES } from "../../catalog/privileged-roles";
import type { ClientProfile } from "../../profile/schema";
import type { PlannedResource } from "../../posture/resource";
import { heading, plural, shortId, table } from "./text";

const CA_POLICY = "azuread:index/conditionalAccessPolicy:ConditionalAccessPolicy";
const NAMED_LOCATION = "azuread:index/namedLocation:NamedLocation";
const STRENGTH = "azuread:index/authenticationStrengthPolicy:AuthenticationStrengthPolicy";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const STATE_LABEL: Record<string, string> = {
  enabled: "enforced",
  enabledForReportingButNotEnforced: "report-only",
  disabled: "disabled",
};

/** Identity section: every control, its state, whom it targets and excludes, what it grants. */
export function renderIdentity(profile: ClientProfile, resources: readonly PlannedResource[]): string[] {
  const { identity } = profile;
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const policies = resources.filter((r) => r.type === CA_POLICY);
  const order = new Map(CONTROLS.map((c, i) => [c.displayName, i]));
  policies.sort(
    (a, b) => (order.get(a.inputs.displayName as string) ?? 99) - (order.get(b.inputs.displayName as string) ?? 99),
  );
  const breakGlass = new Set([identity.breakGlass.groupId, ...identity.breakGlass.accounts]);

  const lines = [
    heading(
      "IDENTITY",
      `Entra ID Conditional Access · tenant ${shortId(identity.tenantId)} · licence ${identity.licence} · rollout ${identity.rollout}`,
    ),
    `  break-glass: group ${shortId(identity.breakGlass.groupId)}, ${plural(identity.breakGlass.accounts.length, "account")}; excluded from every policy`,
  ];
  const rows = policies.map((p) => {
    const inputs = p.inputs as Json;
    const users = (inputs.conditions?.users ?? {}) as Json;
    const excluded = [...(users.excludedGroups ?? []), ...(users.excludedUsers ?? [])] as string[];
    const others = excluded.filter((id) => !breakGlass.has(id));
    const exclusion = excluded.some((id) => breakGlass.has(id))
      ? others.length
        ? `break-glass + ${others.length} declared`
        : "break-glass"
      : "NO BREAK-GLASS";
    const control = CONTROLS.find((c) => c.displayName === inputs.displayName);
    const name = String(inputs.displayName);
    return [
      control ? `${name.split("-")[0]} ${control.id}` : name,
      STATE_LABEL[inputs.state as string] ?? String(inputs.state),
      who(users),
      `excl. ${exclusion}`,
      grantOf(p, byUrn),
    ];
  });
  lines.push(...table(rows));

  const decisions = selectControls(identity, CONTROLS);
  for (const d of decisions) {
    if (!d.declared) lines.push(`  skipped    ${d.control.id}: ${d.why}`);
    else if (d.note) lines.push(`  note       ${d.control.id}: ${d.note}`);
  }
  for (const e of identity.exclusions) {
    lines.push(
      `  exclusion  ${e.control}: ${plural(e.groups.length, "group")}, ${plural(e.users.length, "user")} (${e.reason})`,
    );
  }
  const locations = resources
    .filter((r) => r.type === NAMED_LOCATION)
    .map((r) => {
      const i = r.inputs as Json;
      const what = i.country
        ? (i.country.countriesAndRegions as string[]).join(", ")
        : (i.ip?.ipRanges as string[]).join(", ");
      return `${i.displayName} (${what})`;
    });
  const strengths = resources.filter((r) => r.type === STRENGTH).map((r) => String((r.inputs as Json).displayName));
  if (locations.length) lines.push(`  named locations: ${locations.join("; ")}`);
  lines.push(`  authentication strengths: ${strengths.join(", ")}`);
  lines.push(
    `  ${plural(policies.length, "policy", "policies")} declared, ${decisions.filter((d) => !d.declared).length} skipped`,
  );
  return lines;
}

function who(users: Json): string {
  if (users.includedRoles) {
    const roles = users.includedRoles as string[];
    const known = roles.filter((r) => PRIVILEGED_ROLES[r]).length;
    return `${roles.length} admin roles${known === roles.length ? "" : ` (${roles.length - known} custom)`}`;
  }
  const included = (users.includedUsers ?? []) as string[];
  if (included.includes("GuestsOrExternalUsers")) return "guests";
  if (included.includes("All")) return users.excludedGuestsOrExternalUsers ? "members" : "all users";
  return `${included.length} users, ${(users.includedGroups ?? []).length} groups`;
}

function grantOf(policy: PlannedResource, byUrn: ReadonlyMap<string, PlannedResource>): string {
  const i = policy.inputs as Json;
  const parts: string[] = [];
  const grant = i.grantControls as Json | undefined;
  if (grant) {
    const builtIn = (grant.builtInControls ?? []) as string[];
    if (builtIn.includes("block")) parts.push("block");
    else if (builtIn.length) parts.push(builtIn.join(grant.operator === "AND" ? " AND " : " OR "));
    if (grant.authenticationStrengthPolicyId !== undefined) {
      const strength = (policy.propertyDependencies.grantControls ?? [])
        .map((u) => byUrn.get(u))
        .find((r) => r?.type === STRENGTH);
      parts.push(`strength ${strength ? (strength.inputs as Json).displayName : "(external)"}`);
    }
  }
  const session = i.sessionControls as Json | undefined;
  if (session?.signInFrequency)
    parts.push(`re-auth every ${session.signInFrequency}${session.signInFrequencyPeriod === "days" ? "d" : "h"}`);
  if (session?.signInFrequencyInterval === "everyTime") parts.push("re-auth every time");
  if (session?.persistentBrowserMode === "never") parts.push("no persistent browser");
  return `→ ${parts.join(", ") || "(no grant)"}`;
}
