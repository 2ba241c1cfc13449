import type { ClientProfile } from "../profile/schema";
import type { ClientResult } from "./client-verdict";

/** Ids that belong to exactly one client: sharing one means one client's baseline reaches another's. */
const OWNED: readonly { key: string; of: (p: ClientProfile) => readonly string[] }[] = [
  { key: "identity.tenantId", of: (p) => [p.identity.tenantId] },
  { key: "identity.breakGlass.groupId", of: (p) => [p.identity.breakGlass.groupId] },
  { key: "identity.breakGlass.accounts", of: (p) => p.identity.breakGlass.accounts },
  { key: "network.aws.accountId", of: (p) => (p.network.aws ? [p.network.aws.accountId] : []) },
  { key: "network.aws.vpcId", of: (p) => (p.network.aws ? [p.network.aws.vpcId] : []) },
  { key: "network.azure.subscriptionId", of: (p) => (p.network.azure ? [p.network.azure.subscriptionId] : []) },
  { key: "access.cloudflare.accountId", of: (p) => (p.access ? [p.access.cloudflare.accountId] : []) },
];

export interface Conflict {
  readonly key: string;
  readonly value: string;
  readonly stacks: readonly string[];
}

/** Every id that more than one client's profile names: client A may never reference client B's ids. */
export function fleetConflicts(profiles: ReadonlyMap<string, ClientProfile>): Conflict[] {
  const out: Conflict[] = [];
  for (const { key, of } of OWNED) {
    const owners = new Map<string, string[]>();
    // GUIDs and Azure ids compare case-insensitively (and no other id kind here differs only in case).
    for (const [stack, p] of profiles)
      for (const v of new Set(of(p).map((id) => id.toLowerCase()))) owners.set(v, [...(owners.get(v) ?? []), stack]);
    for (const [value, stacks] of owners) if (stacks.length > 1) out.push({ key, value, stacks });
  }
  const names = new Map<string, string[]>();
  for (const [stack, p] of profiles) names.set(p.client.name, [...(names.get(p.client.name) ?? []), stack]);
  for (const [value, stacks] of names) if (stacks.length > 1) out.push({ key: "client.name", value, stacks });
  return out;
}

/**
 * Fails every client that shares an owned id with another (both sides: neither can be trusted to
 * be the rightful owner), and sorts the fleet by stack name.
 */
export function withIsolation(
  results: readonly ClientResult[],
  profiles: ReadonlyMap<string, ClientProfile>,
): ClientResult[] {
  const conflicts = fleetConflicts(profiles);
  return results
    .map((r) => {
      const shared = sharedIds(r.stack, conflicts);
      return shared.length ? { ...r, failure: [...shared, ...(r.failure ? [r.failure] : [])].join("; ") } : r;
    })
    .sort((a, b) => a.stack.localeCompare(b.stack));
}

/** What one stack shares with others, one sentence per id. */
export function sharedIds(stack: string, conflicts: readonly Conflict[]): string[] {
  return conflicts
    .filter((c) => c.stacks.includes(stack))
    .map((c) => `${c.key} ${c.value} is also used by ${c.stacks.filter((s) => s !== stack).join(", ")}`);
}
