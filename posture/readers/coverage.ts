import type { Inventory, WideningClass } from "../../catalog/inventory/classes";
import type { ClassReason, InventoryReason } from "../../catalog/inventory/reasons";
import { keysFor, typesOf, type ReaderDeclaration } from "./registry";

/**
 * The inventory of what can widen (catalog/inventory/types.json, derived from the provider SDKs by
 * scripts/inventory.ts) held against the readers and the reasons (catalog/inventory/reasons.ts):
 * every listed type is read, or carries exactly one reason, or is counted in the backlog (a pending
 * reason). Pure: the inventory, the read types and the reasons come in as arguments, so a test can
 * feed fabricated ones.
 */

/** The key a property path ends in: `vpcConfig.securityGroupIds` → `securityGroupIds`. */
const keyOf = (path: string) => path.slice(path.lastIndexOf(".") + 1);

/**
 * The inventory's types the readers read: those a reader names, and those read by property (a reader
 * that reads by key, whatever the type: every path of a class the type carries ends in a key it
 * reads), provided every other class the type carries is read so too, or is explained by a class
 * reason beside a class that is read (on AWS, a workload's subnet beside its security groups).
 */
export function readTypes(
  inventory: Inventory,
  readers: readonly ReaderDeclaration[],
  classReasons: readonly ClassReason[],
): Set<string> {
  const read = typesOf(readers);
  for (const [provider, p] of Object.entries(inventory))
    for (const [type, entry] of Object.entries(p.types)) {
      if (read.has(type)) continue;
      const keys = readers.flatMap((r) => keysFor(r, type));
      const classes = Object.entries(entry) as [WideningClass, readonly string[]][];
      const byKey = classes
        .filter(([, paths]) => paths.length > 0 && paths.every((path) => keys.some((k) => k.test(keyOf(path)))))
        .map(([c]) => c);
      if (byKey.length === 0) continue;
      const explained = ([c, paths]: [WideningClass, readonly string[]]) =>
        byKey.includes(c) ||
        classReasons.some(
          (r) =>
            r.provider === provider &&
            r.class === c &&
            byKey.includes(r.besides) &&
            paths.every((path) => r.keys.test(keyOf(path))),
        );
      if (classes.every(explained)) read.add(type);
    }
  return read;
}

/** What the reasons say about the inventory's unread types. */
export interface InventoryProblems {
  /** Listed, not read, no reason: the test fails on these. */
  readonly unaccounted: readonly string[];
  /** Listed, not read, covered by more than one reason: which one holds is ambiguous. */
  readonly ambiguous: readonly { readonly type: string; readonly reasons: readonly string[] }[];
  /** A reason for types the inventory no longer lists (a named type gone, a pattern matching nothing). */
  readonly stale: readonly string[];
  /** A reason naming a type that a reader now reads: superseded by the reader (reported, not failed). */
  readonly superseded: readonly string[];
}

const label = (r: InventoryReason): string => (r.pattern ? `${r.pattern}` : `[${(r.types ?? []).join(", ")}]`);

/** Whether a reason covers a type token. */
export const covers = (r: InventoryReason, type: string): boolean =>
  (r.types?.includes(type) ?? false) || (r.pattern?.test(type) ?? false);

const listed = (inventory: Inventory): string[] => Object.values(inventory).flatMap((p) => Object.keys(p.types));

/** Checks every listed type against the readers (`read`) and the reasons. */
export function inventoryProblems(
  inventory: Inventory,
  read: ReadonlySet<string>,
  reasons: readonly InventoryReason[],
): InventoryProblems {
  const all = listed(inventory);
  const inInventory = new Set(all);
  const unaccounted: string[] = [];
  const ambiguous: { type: string; reasons: string[] }[] = [];
  for (const type of all) {
    if (read.has(type)) continue;
    const by = reasons.filter((r) => covers(r, type));
    if (by.length === 0) unaccounted.push(type);
    else if (by.length > 1) ambiguous.push({ type, reasons: by.map(label) });
  }
  const stale: string[] = [];
  const superseded: string[] = [];
  for (const r of reasons) {
    for (const t of r.types ?? []) {
      if (!inInventory.has(t)) stale.push(`${t} (named by the reason "${r.why}")`);
      else if (read.has(t)) superseded.push(`${t} (named by the reason "${r.why}")`);
    }
    if (r.pattern && !all.some((t) => r.pattern!.test(t)))
      stale.push(`${r.pattern} (the reason "${r.why}" matches no listed type)`);
  }
  return { unaccounted: unaccounted.sort(), ambiguous, stale, superseded };
}

/** Per provider package: how many listed types are read, reasoned, pending (the backlog), unaccounted. */
export interface ProviderCoverage {
  readonly provider: string;
  readonly version: string;
  readonly inventory: number;
  readonly read: number;
  readonly reasoned: number;
  readonly pending: number;
  readonly unaccounted: number;
}

/** The counts RULES.md shows: a type counts once, as read first, else by its (first) reason. */
export function coverage(
  inventory: Inventory,
  read: ReadonlySet<string>,
  reasons: readonly InventoryReason[],
): ProviderCoverage[] {
  return Object.entries(inventory)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([provider, p]) => {
      const counts = { read: 0, reasoned: 0, pending: 0, unaccounted: 0 };
      for (const type of Object.keys(p.types)) {
        const reason = reasons.find((r) => covers(r, type));
        if (read.has(type)) counts.read++;
        else if (!reason) counts.unaccounted++;
        else if (reason.pending) counts.pending++;
        else counts.reasoned++;
      }
      return { provider, version: p.version, inventory: Object.keys(p.types).length, ...counts };
    });
}

/** The backlog: pending reasons with the unread types each covers, largest first. */
export function backlog(
  inventory: Inventory,
  read: ReadonlySet<string>,
  reasons: readonly InventoryReason[],
): { readonly needs: string; readonly why: string; readonly types: readonly string[] }[] {
  const unread = listed(inventory).filter((t) => !read.has(t));
  return reasons
    .filter((r): r is InventoryReason & { pending: true; needs: string } => r.pending === true)
    .map((r) => ({ needs: r.needs, why: r.why, types: unread.filter((t) => covers(r, t)).sort() }))
    .filter((b) => b.types.length > 0)
    .sort((a, b) => b.types.length - a.types.length);
}

/** What changed between the committed inventory and a regenerated one: types, their entries, versions. */
export interface InventoryDiff {
  readonly added: readonly string[];
  readonly gone: readonly string[];
  /** Listed in both, with other classes or paths. */
  readonly changed: readonly string[];
  /** `@pulumi/aws 7.48.0 -> 7.49.0`. */
  readonly versions: readonly string[];
}

export const isEmptyDiff = (d: InventoryDiff): boolean =>
  d.added.length + d.gone.length + d.changed.length + d.versions.length === 0;

/** Types the regenerated inventory has and the committed one has not, and the other way round. */
export function inventoryDiff(committed: Inventory, regenerated: Inventory): InventoryDiff {
  const entries = (inv: Inventory) =>
    new Map(
      Object.values(inv).flatMap((p) =>
        Object.entries(p.types).map(([t, e]) => [t, JSON.stringify(Object.entries(e).sort())]),
      ),
    );
  const before = entries(committed);
  const after = entries(regenerated);
  return {
    added: [...after.keys()].filter((t) => !before.has(t)).sort(),
    gone: [...before.keys()].filter((t) => !after.has(t)).sort(),
    changed: [...after.keys()].filter((t) => before.has(t) && before.get(t) !== after.get(t)).sort(),
    versions: [...new Set([...Object.keys(committed), ...Object.keys(regenerated)])]
      .sort()
      .filter((pkg) => committed[pkg]?.version !== regenerated[pkg]?.version)
      .map((pkg) => `${pkg} ${committed[pkg]?.version ?? "(none)"} -> ${regenerated[pkg]?.version ?? "(none)"}`),
  };
}

/**
 * The inventory's types that can widen and that the pack does not judge: not read (by type or by
 * property) and without a reason they cannot widen (unaccounted, or in the backlog), each with the
 * property paths that carry what can widen.
 */
export function unreadTypes(
  inventory: Inventory,
  read: ReadonlySet<string>,
  reasons: readonly InventoryReason[],
): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const p of Object.values(inventory))
    for (const [type, entry] of Object.entries(p.types)) {
      if (read.has(type)) continue;
      const reason = reasons.find((r) => covers(r, type));
      if (reason && !reason.pending) continue;
      out.set(type, [...new Set(Object.values(entry).flat())].sort());
    }
  return out;
}
