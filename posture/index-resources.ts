import type { PlannedResource } from "./resource";
import { isUnknown, str, UNKNOWN_VALUE } from "./values";

/**
 * What the values of one reference property name. Lists are sets: readers never depend on which
 * position a value held, so a reference pinned through its dependency and one pinned through its
 * id read the same.
 */
export interface ResolvedRefs {
  /** Resources of the stack the values name. */
  readonly targets: PlannedResource[];
  /** Values that name nothing the stack declares: keywords (`All`), outside ids, unknown placeholders. */
  readonly others: string[];
  /** Unknown values that could be any of these candidates (several, and no way to pin which). */
  readonly anyOf: PlannedResource[][];
}

/** Provider ids (GUIDs, ARNs, Azure resource ids, hex) hold a digit; Entra keywords (`All`, `AllTrusted`) do not. */
const LOOKS_LIKE_ID = /\d/;

/** True when a resource is of the type (or one of the types) asked for; no type: any. */
const isOfType = (r: PlannedResource, type: string | readonly string[] | undefined) =>
  type === undefined || (typeof type === "string" ? r.type === type : type.includes(r.type));

/** Ids are compared case-insensitively: Azure resource ids and GUIDs are, and no provider's differ only in case. */
const idKey = (id: string) => id.toLowerCase();

/** Resources of one stack, indexed the ways readers need: by URN, by id, by type, by references. */
export class ResourceIndex {
  readonly byUrn: ReadonlyMap<string, PlannedResource>;
  private readonly ids = new Map<string, PlannedResource>();
  private readonly byType = new Map<string, PlannedResource[]>();

  constructor(readonly resources: readonly PlannedResource[]) {
    this.byUrn = new Map(resources.map((r) => [r.urn, r]));
    for (const r of resources) {
      const list = this.byType.get(r.type) ?? [];
      list.push(r);
      this.byType.set(r.type, list);
      const id = this.idOf(r);
      if (id) this.ids.set(idKey(id), r);
    }
  }

  ofType(...types: string[]): PlannedResource[] {
    return types.flatMap((t) => this.byType.get(t) ?? []);
  }

  /** The resource with this provider id, when the stack declares it and its id is known. */
  byId(id: string, type?: string | readonly string[]): PlannedResource | undefined {
    const r = this.ids.get(idKey(id));
    return r && isOfType(r, type) ? r : undefined;
  }

  /**
   * The resources an input property's value came from. During a preview the ids of new resources
   * are unknown, so references are resolved through property dependencies, never through ids.
   */
  referenced(r: PlannedResource, property: string, type?: string | readonly string[]): PlannedResource[] {
    return (r.propertyDependencies[property] ?? [])
      .map((urn) => this.byUrn.get(urn))
      .filter((x): x is PlannedResource => x !== undefined && isOfType(x, type));
  }

  /**
   * Pins reference values under one input property (in groups: the property's include and exclude
   * lists, say) to the resources they name, the same whatever the ids' state: a known id (deployed,
   * or written as a literal) by the id; an unknown one (a new stack's preview) through the
   * property's dependencies, when only one candidate is left for it.
   */
  resolve(
    r: PlannedResource,
    property: string,
    groups: readonly (readonly unknown[])[],
    type?: string | readonly string[],
  ): ResolvedRefs[] {
    const pinned = new Set<PlannedResource>();
    const pending = groups.map(() => [] as unknown[]);
    const out = groups.map((values, i) => {
      const res = { targets: [] as PlannedResource[], others: [] as string[], anyOf: [] as PlannedResource[][] };
      for (const v of values) {
        const id = isUnknown(v) ? undefined : str(v);
        const target = id === undefined ? undefined : this.byId(id, type);
        if (target) {
          pinned.add(target);
          res.targets.push(target);
        } else pending[i]!.push(v);
      }
      return res;
    });
    // What is left is pinned through the property's dependencies: unknown ids first (a new
    // resource's); without any, known ids of resources this view carries no id for (the engine's
    // AnalyzeStack has no id field, only outputs that repeat it). Keywords (`All`) are never ids.
    const open = this.referenced(r, property, type).filter((d) => !pinned.has(d) && this.idOf(d) === undefined);
    const anyUnknown = pending.some((values) => values.some(isUnknown));
    const slots = pending.map((values) =>
      values.filter((v) => (anyUnknown ? isUnknown(v) : LOOKS_LIKE_ID.test(str(v) ?? ""))),
    );
    const withSlots = slots.filter((p) => p.length > 0).length;
    const asIs = (v: unknown) => (isUnknown(v) ? UNKNOWN_VALUE : (str(v) ?? UNKNOWN_VALUE));
    pending.forEach((values, i) => {
      const res = out[i]!;
      // Without a candidate, every value stays as it is; with some, only the non-slots do.
      const n = open.length === 0 ? 0 : slots[i]!.length;
      for (const v of n === 0 ? values : values.filter((x) => !slots[i]!.includes(x))) res.others.push(asIs(v));
      if (n === 0) return;
      if (open.length === 1 || (withSlots === 1 && n === open.length)) {
        // One candidate for every value left; or one list holding all of them, as many as the candidates.
        res.targets.push(...open);
      } else for (let k = 0; k < n; k++) res.anyOf.push(open);
    });
    return out;
  }

  /** A resource's id: the engine's (a state file, a deployed mock), or the `id` its outputs repeat. */
  idOf(r: PlannedResource): string | undefined {
    return r.id ?? str(r.inputs.id);
  }
}

/** Names what a reference resolved to: targets by `nameOf`, the rest as they are. */
export function refNames(refs: ResolvedRefs, nameOf: (r: PlannedResource) => string): string[] {
  return [
    ...refs.targets.map(nameOf),
    ...refs.others,
    ...refs.anyOf.map((c) => `(one of ${c.map(nameOf).sort().join(", ")})`),
  ];
}
