// `npm run inventory`: the inventory of what can widen (catalog/inventory/types.json), derived from
// the installed provider SDKs. Every resource type whose inputs, at any depth, carry a value of one
// of the classes of catalog/inventory/classes.ts is listed with the classes and the property paths
// that matched. test/inventory.test.ts regenerates it and holds every listed type to a reader or a
// reason (catalog/inventory/reasons.ts).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  MATCH_RULES,
  REFERENCE_TYPES,
  WIDENING_CLASSES,
  type Inventory,
  type InventoryEntry,
  type MatchRule,
  type WideningClass,
} from "../catalog/inventory/classes";
import { readProvider, shapeOf, type Member, type ProviderSchema, type TypeShape } from "./sdk-schema";

/** The provider packages the project depends on, read from node_modules. */
export const PROVIDERS = ["@pulumi/aws", "@pulumi/azure-native", "@pulumi/azuread", "@pulumi/cloudflare"] as const;

export const INVENTORY_FILE = join("catalog", "inventory", "types.json");

const kindOf = (shape: TypeShape) => ({
  string: shape.string,
  boolean: shape.boolean,
  number: shape.number,
  object: shape.refs.length > 0 || shape.inline.length > 0,
  map: shape.map,
});

/** Whether a rule matches one property, declared in `within`. */
export function matches(
  rule: MatchRule,
  member: Member,
  shape: TypeShape,
  within: string,
  inputs: ProviderSchema["inputs"],
): boolean {
  if (rule.name && !rule.name.test(member.name)) return false;
  if (rule.unless?.test(member.name)) return false;
  if (rule.within && !rule.within.test(within)) return false;
  if (rule.outside?.test(within)) return false;
  if (rule.refs && ![...shape.refs, ...shape.enums].some((r) => rule.refs!.test(r))) return false;
  if (rule.members && !shape.refs.some((r) => (inputs.get(r) ?? []).some((m) => rule.members!.test(m.name))))
    return false;
  if (rule.types) {
    const kinds = kindOf(shape);
    if (!rule.types.some((t) => kinds[t])) return false;
  }
  return true;
}

/**
 * The classes one resource's inputs carry, with the property paths that carry them. Nested input
 * types are walked breadth first, each once per resource: a type reached again (azure-native's
 * schemas reach the same types by many paths, and some recursively) adds no new property, and a
 * path is reported by its shortest spelling.
 */
export function classesOf(args: readonly Member[], within: string, schema: ProviderSchema): InventoryEntry {
  const found = new Map<WideningClass, Set<string>>();
  const seen = new Set<string>();
  const queue: { members: readonly Member[]; path: string; within: string }[] = [{ members: args, path: "", within }];
  for (let next = queue.shift(); next; next = queue.shift()) {
    for (const member of next.members) {
      const shape = shapeOf(member.type);
      const path = next.path ? `${next.path}.${member.name}` : member.name;
      for (const rule of MATCH_RULES)
        if (matches(rule, member, shape, next.within, schema.inputs)) {
          const paths = found.get(rule.class) ?? new Set<string>();
          paths.add(path);
          found.set(rule.class, paths);
        }
      if (shape.inline.length > 0) queue.push({ members: shape.inline, path, within: next.within });
      // A single reference to another resource is that resource's business (classes.ts, REFERENCE_TYPES).
      if (!shape.list && shape.refs.some((r) => REFERENCE_TYPES.has(r))) continue;
      for (const ref of shape.refs) {
        if (seen.has(ref)) continue;
        seen.add(ref);
        const members = schema.inputs.get(ref);
        if (!members) throw new Error(`${within}: ${path} names ${ref}, which types/input.d.ts does not declare`);
        queue.push({ members, path, within: ref });
      }
    }
  }
  const entry: Partial<Record<WideningClass, string[]>> = {};
  for (const c of WIDENING_CLASSES) {
    const paths = found.get(c);
    if (paths) entry[c] = [...paths].sort();
  }
  return entry;
}

/** A type token's module: `ec2` in `aws:ec2/securityGroup:SecurityGroup`, `network` in `azure-native:network:X`. */
const moduleOf = (token: string): string => token.split(":")[1]!.split("/")[0]!;

/** The inventory of every provider package, from `root`'s node_modules. */
export function buildInventory(root: string): Inventory {
  const out: Record<string, { version: string; types: Record<string, InventoryEntry> }> = {};
  for (const pkg of PROVIDERS) {
    const schema = readProvider(root, pkg);
    const types: Record<string, InventoryEntry> = {};
    for (const r of schema.resources) {
      const entry = classesOf(r.args, `${moduleOf(r.token)}.${r.className}Args`, schema);
      if (Object.keys(entry).length > 0) {
        if (types[r.token]) throw new Error(`${pkg}: two classes declare ${r.token}`);
        types[r.token] = entry;
      }
    }
    out[pkg] = { version: schema.version, types };
  }
  return out;
}

const sortedKeys = <T>(o: Readonly<Record<string, T>>): [string, T][] =>
  Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The committed form: sorted keys, one resource type a line, so a diff names the types that changed. */
export function canonicalJson(inventory: Inventory): string {
  const providers = sortedKeys(inventory).map(([pkg, p]) => {
    const types = sortedKeys(p.types).map(
      ([token, entry]) => `      ${JSON.stringify(token)}: ${JSON.stringify(Object.fromEntries(sortedKeys(entry)))}`,
    );
    return [
      `  ${JSON.stringify(pkg)}: {`,
      `    "types": {`,
      types.join(",\n"),
      `    },`,
      `    "version": ${JSON.stringify(p.version)}`,
      `  }`,
    ].join("\n");
  });
  return `{\n${providers.join(",\n")}\n}\n`;
}

export const readCommittedInventory = (root: string): Inventory =>
  JSON.parse(readFileSync(join(root, INVENTORY_FILE), "utf8")) as Inventory;

if (require.main === module) {
  const root = join(__dirname, "..");
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const inventory = buildInventory(root);
  writeFileSync(join(root, INVENTORY_FILE), canonicalJson(inventory));
  const used = process.cpuUsage(cpu);
  const counts = sortedKeys(inventory)
    .map(([pkg, p]) => `${pkg} ${Object.keys(p.types).length}`)
    .join(", ");
  console.log(
    `wrote ${INVENTORY_FILE}: ${counts} types; ${((used.user + used.system) / 1e6).toFixed(1)} CPU-s, ` +
      `${((performance.now() - wall) / 1000).toFixed(1)} s, ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB peak resident`,
  );
}
