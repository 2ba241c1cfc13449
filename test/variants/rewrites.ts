import { SECRET_SIG, SIG_KEY, UNKNOWN, type PlannedResource } from "../../posture/resource";

/**
 * Rewrites that keep what a stack means and change how it is spelled: the spellings a user, an SDK
 * or the engine may give the same resource. A guard that judges meaning gives every spelling the
 * same verdict. Each rewrite takes the resources (as the engine hands them to the pack) and a
 * random source, and returns new resources; it never mutates its input.
 */
export interface Rewrite {
  readonly name: string;
  /** What the rewrite does, said for the failure message. */
  readonly does: string;
  readonly apply: (resources: readonly PlannedResource[], random: () => number) => PlannedResource[];
}

type Json = Record<string, unknown>;

const clone = <T>(v: T): T => structuredClone(v);

/** Applies `change` to each of a resource's property bags (inputs, and outputs when deployed). */
function eachBag(r: PlannedResource, change: (bag: Json) => void): PlannedResource {
  const out = clone(r) as PlannedResource & { inputs: Json; outputs?: Json };
  change(out.inputs);
  if (out.outputs) change(out.outputs);
  return out;
}

/** Every object in a value, at any depth (a resource's inputs and what they hold). */
function* objects(v: unknown): Generator<Json> {
  if (Array.isArray(v)) for (const x of v) yield* objects(x);
  else if (typeof v === "object" && v !== null && !(SIG_KEY in v)) {
    yield v as Json;
    for (const x of Object.values(v)) yield* objects(x);
  }
}

/** Every string in a value, at any depth. */
function* strings(v: unknown): Generator<string> {
  if (typeof v === "string") yield v;
  else if (Array.isArray(v)) for (const x of v) yield* strings(x);
  else if (typeof v === "object" && v !== null && !(SIG_KEY in v)) for (const x of Object.values(v)) yield* strings(x);
}

/** A string with each letter's case flipped at random (never the same as the input when it has letters). */
function recase(text: string, random: () => number): string {
  const flipped = [...text].map((c) => (random() < 0.5 ? c.toUpperCase() : c.toLowerCase())).join("");
  return flipped === text ? (text.toUpperCase() === text ? text.toLowerCase() : text.toUpperCase()) : flipped;
}

const isPolicyText = (v: unknown): v is string => {
  if (typeof v !== "string" || !v.includes("Statement")) return false;
  try {
    const doc = JSON.parse(v) as unknown;
    return typeof doc === "object" && doc !== null && "Statement" in doc;
  } catch {
    return false;
  }
};
const isPolicyObject = (v: unknown): v is Json => typeof v === "object" && v !== null && "Statement" in v;

/** The IAM policy documents of a bag, parsed, with a setter that writes them back in their own form. */
function policyDocuments(bag: Json): { doc: Json; set: (doc: Json) => void }[] {
  const found: { doc: Json; set: (doc: Json) => void }[] = [];
  const visit = (holder: Json) => {
    for (const [key, value] of Object.entries(holder)) {
      if (isPolicyText(value))
        found.push({ doc: JSON.parse(value) as Json, set: (doc) => (holder[key] = JSON.stringify(doc)) });
      else if (isPolicyObject(value)) found.push({ doc: value, set: (doc) => (holder[key] = doc) });
    }
  };
  for (const o of objects(bag)) visit(o);
  return found;
}

/** Azure's enumerations the API compares case-insensitively, by the input keys that hold them. */
const AZURE_ENUM_KEYS = new Set(["access", "direction", "protocol", "publicNetworkAccess", "defaultAction"]);
/** Azure address prefixes that are service tags (case-insensitive keywords), not addresses. */
const SERVICE_TAG = /^[A-Za-z][A-Za-z.]*$/;
const AZURE_PREFIX_KEYS = new Set(["sourceAddressPrefix", "destinationAddressPrefix"]);

/** A new resource beside `r`, of another type: its URN as the engine would make it for a top-level sibling. */
function sibling(
  r: PlannedResource,
  type: string,
  name: string,
  inputs: Json,
  deps: Record<string, string[]>,
): PlannedResource {
  const stem = r.urn.slice(0, r.urn.lastIndexOf("::", r.urn.lastIndexOf("::") - 1));
  const chain = r.urn.slice(stem.length + 2, r.urn.lastIndexOf("::"));
  const parents = chain.includes("$") ? chain.slice(0, chain.lastIndexOf("$") + 1) : "";
  return {
    urn: `${stem}::${parents}${type}::${name}`,
    type,
    name,
    custom: true,
    ...(r.parent ? { parent: r.parent } : {}),
    ...(r.provider ? { provider: r.provider } : {}),
    dependencies: [...new Set(Object.values(deps).flat())],
    propertyDependencies: deps,
    inputs,
    ...(r.outputs ? { id: `${name}-id`, outputs: { ...inputs, id: `${name}-id` } } : {}),
  };
}

const INLINE_POLICIES = new Set([
  "aws:iam/rolePolicy:RolePolicy",
  "aws:iam/userPolicy:UserPolicy",
  "aws:iam/groupPolicy:GroupPolicy",
]);

export const REWRITES: readonly Rewrite[] = [
  {
    name: "iam-statements-split-across-policies",
    does: "splits each inline IAM policy of two or more statements into two policies of the same principal",
    apply: (resources) =>
      resources.flatMap((r) => {
        if (!INLINE_POLICIES.has(r.type)) return [r];
        const text = (r.outputs ?? r.inputs).policy;
        const doc = isPolicyText(text) ? (JSON.parse(text) as Json) : isPolicyObject(text) ? clone(text) : undefined;
        const statements = doc && Array.isArray(doc.Statement) ? (doc.Statement as unknown[]) : [];
        if (statements.length < 2) return [r];
        const half = Math.ceil(statements.length / 2);
        const write = (part: unknown[]) => {
          const d = JSON.stringify({ ...doc, Statement: part });
          return isPolicyText(text) ? d : JSON.parse(d);
        };
        const first = eachBag(r, (bag) => (bag.policy = write(statements.slice(0, half))));
        const principalKey = Object.keys(r.inputs).find((k) => ["role", "user", "group"].includes(k))!;
        const second = sibling(
          r,
          r.type,
          `${r.name}-part-2`,
          { [principalKey]: r.inputs[principalKey], policy: write(statements.slice(half)) },
          r.propertyDependencies[principalKey] ? { [principalKey]: [...r.propertyDependencies[principalKey]!] } : {},
        );
        return [first, second];
      }),
  },
  {
    name: "iam-document-text-or-object",
    does: "writes each IAM policy document as a JSON string if it was an object, and as an object if it was a string",
    apply: (resources) =>
      resources.map((r) =>
        eachBag(r, (bag) => {
          for (const o of objects(bag))
            for (const [key, value] of Object.entries(o)) {
              if (isPolicyText(value)) o[key] = JSON.parse(value);
              else if (isPolicyObject(value)) o[key] = JSON.stringify(value);
            }
        }),
      ),
  },
  {
    name: "iam-one-or-list",
    does: "writes a Statement, Action, NotAction or Resource of one entry as a list, and a list of one as the entry",
    apply: (resources) =>
      resources.map((r) =>
        eachBag(r, (bag) => {
          for (const { doc, set } of policyDocuments(bag)) {
            const one = (v: unknown) => (Array.isArray(v) && v.length === 1 ? v[0] : Array.isArray(v) ? v : [v]);
            doc.Statement = one(doc.Statement);
            for (const s of Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement])
              for (const k of ["Action", "NotAction", "Resource", "NotResource"])
                if ((s as Json)[k] !== undefined) (s as Json)[k] = one((s as Json)[k]);
            set(doc);
          }
        }),
      ),
  },
  {
    name: "iam-action-case",
    does: "changes the case of every IAM action (IAM matches actions case-insensitively)",
    apply: (resources, random) =>
      resources.map((r) =>
        eachBag(r, (bag) => {
          for (const { doc, set } of policyDocuments(bag)) {
            const statements = (Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]) as Json[];
            for (const s of statements)
              for (const k of ["Action", "NotAction"]) {
                const v = s[k];
                if (typeof v === "string") s[k] = recase(v, random);
                else if (Array.isArray(v)) s[k] = v.map((a) => (typeof a === "string" ? recase(a, random) : a));
              }
            set(doc);
          }
        }),
      ),
  },
  {
    name: "azure-enum-case",
    does: "changes the case of Azure enumerations (access, direction, protocol, public network access, default action) and service tags",
    apply: (resources, random) =>
      resources.map((r) =>
        r.type.startsWith("azure-native:") || r.type.startsWith("azure:")
          ? eachBag(r, (bag) => {
              for (const o of objects(bag))
                for (const [key, value] of Object.entries(o)) {
                  if (typeof value !== "string") continue;
                  if (AZURE_ENUM_KEYS.has(key)) o[key] = recase(value, random);
                  else if (AZURE_PREFIX_KEYS.has(key) && SERVICE_TAG.test(value)) o[key] = recase(value, random);
                }
            })
          : r,
      ),
  },
  {
    name: "azure-prefix-one-or-list",
    does: "moves an Azure rule's single address prefix or port range into its plural list (and a list of one back)",
    apply: (resources) =>
      resources.map((r) =>
        r.type.startsWith("azure-native:network")
          ? eachBag(r, (bag) => {
              for (const o of objects(bag))
                for (const [one, many] of [
                  ["sourceAddressPrefix", "sourceAddressPrefixes"],
                  ["destinationAddressPrefix", "destinationAddressPrefixes"],
                  ["destinationPortRange", "destinationPortRanges"],
                ] as const) {
                  if (typeof o[one] === "string" && o[many] === undefined) {
                    o[many] = [o[one]];
                    delete o[one];
                  } else if (Array.isArray(o[many]) && (o[many] as unknown[]).length === 1 && o[one] === undefined) {
                    o[one] = (o[many] as unknown[])[0];
                    delete o[many];
                  }
                }
            })
          : r,
      ),
  },
  {
    name: "cidr-split-in-halves",
    does: "splits each IPv4 CIDR of an AWS security group's inline rules or network ACL into its two halves",
    apply: (resources) =>
      resources.map((r) =>
        r.type.startsWith("aws:ec2/")
          ? eachBag(r, (bag) => {
              for (const o of objects(bag)) {
                const blocks = o.cidrBlocks;
                if (!Array.isArray(blocks)) continue;
                o.cidrBlocks = blocks.flatMap((c) => (typeof c === "string" ? halves(c) : [c]));
              }
            })
          : r,
      ),
  },
  {
    name: "referenced-resource-replaced",
    does: "previews the replacement of one referenced resource of a deployed stack: its id becomes unknown, and every reference to it an unknown value pinned by its property dependency",
    apply: (resources, random) => {
      const ids = new Map(resources.filter((r) => r.id).map((r) => [r.id!.toLowerCase(), r]));
      const referenced = [
        ...new Set(
          resources.flatMap((r) =>
            [...strings({ ...r.inputs, ...r.outputs })]
              .map((v) => ids.get(v.toLowerCase()))
              .filter((t) => t && t !== r),
          ),
        ),
      ] as PlannedResource[];
      if (referenced.length === 0) return [...resources];
      const target = referenced[Math.floor(random() * referenced.length)]!;
      const id = target.id!.toLowerCase();
      const swap = (v: unknown): unknown =>
        typeof v === "string" && v.toLowerCase() === id
          ? UNKNOWN
          : Array.isArray(v)
            ? v.map(swap)
            : typeof v === "object" && v !== null && !(SIG_KEY in v)
              ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x)]))
              : v;
      return resources.map((r) => {
        if (r === target) {
          const { id: _id, ...rest } = clone(r);
          const outputs = rest.outputs ? { ...rest.outputs, id: UNKNOWN } : undefined;
          return { ...rest, ...(outputs ? { outputs } : {}) } as PlannedResource;
        }
        const out = clone(r) as PlannedResource & {
          inputs: Json;
          outputs?: Json;
          dependencies: string[];
          propertyDependencies: Record<string, string[]>;
        };
        for (const bag of [out.inputs, out.outputs].filter((b): b is Json => b !== undefined))
          for (const [key, value] of Object.entries(bag)) {
            const swapped = swap(value);
            if (JSON.stringify(swapped) === JSON.stringify(value)) continue;
            bag[key] = swapped;
            if (bag === out.inputs) {
              out.dependencies = [...new Set([...out.dependencies, target.urn])];
              out.propertyDependencies = {
                ...out.propertyDependencies,
                [key]: [...new Set([...(out.propertyDependencies[key] ?? []), target.urn])],
              };
            }
          }
        return out;
      });
    },
  },
  {
    name: "secret-wrapped",
    does: "wraps every top-level string input in a Pulumi secret (readable during a preview and on a deployed stack)",
    apply: (resources) =>
      resources.map((r) =>
        r.custom
          ? eachBag(r, (bag) => {
              for (const [key, value] of Object.entries(bag))
                if (typeof value === "string" && value !== UNKNOWN && key !== "id")
                  bag[key] = { [SIG_KEY]: SECRET_SIG, value };
            })
          : r,
      ),
  },
];

/** The two halves of an IPv4 CIDR (the CIDR itself for a /32 or what is not one). */
function halves(cidr: string): string[] {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
  if (!m || Number(m[5]) >= 32) return [cidr];
  const bits = Number(m[5]);
  const base = m.slice(1, 5).reduce((n, o) => n * 256 + Number(o), 0);
  const size = 2 ** (32 - bits - 1);
  const text = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
  return [`${text(base)}/${bits + 1}`, `${text(base + size)}/${bits + 1}`];
}
