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
      if (r.id) this.ids.set(idKey(r.id), r);
    }
  }

  ofType(...types: string[]): PlannedResource[] {
    return types.flatMap((t) => this.byType.get(t) ?? []);
  }

  /** The resource with this provider id, when the stack declares it and its id is known. */
  byId(id: string, type?: string): PlannedResource | undefined {
    const r = this.ids.get(idKey(id));
    return r && (type === undefined || r.type === type) ? r : undefined;
  }

  /**
   * The resources an input property's value came from. During a preview the ids of new resources
   * are unknown, so references are resolved through property dependencies, never through ids.
   */
  referenced(r: PlannedResource, property: string, type?: string): PlannedResource[] {
    return (r.propertyDependencies[property] ?? [])
      .map((urn) => this.byUrn.get(urn))
      .filter((x): x is PlannedResource => x !== undefined && (type === undefined || x.type === type));
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
    type?: string,
  ): ResolvedRefs[] {
    const pinned = new Set<PlannedResource>();
    const out = groups.map((values) => {
      const res = { targets: [] as PlannedResource[], others: [] as string[], anyOf: [] as PlannedResource[][] };
      for (const v of values) {
        if (isUnknown(v)) continue;
        const id = str(v);
        const target = id === undefined ? undefined : this.byId(id, type);
        if (target) {
          pinned.add(target);
          res.targets.push(target);
        } else if (id !== undefined) res.others.push(id);
      }
      return res;
    });
    const unknownSlots = groups.map((values) => values.filter(isUnknown).length);
    const open = this.referenced(r, property, type).filter((d) => !pinned.has(d));
    const withUnknowns = unknownSlots.filter((n) => n > 0).length;
    groups.forEach((_, i) => {
      const slots = unknownSlots[i]!;
      if (slots === 0) return;
      const res = out[i]!;
      if (open.length === 0) res.others.push(UNKNOWN_VALUE);
      // One candidate for every unknown value; or one list holding all the unknowns, as many as the candidates.
      else if (open.length === 1 || (withUnknowns === 1 && slots === open.length)) res.targets.push(...open);
      else for (let n = 0; n < slots; n++) res.anyOf.push(open);
    });
    return out;
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
