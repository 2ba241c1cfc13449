import type { PlannedResource } from "./resource";

/** Resources of one stack, indexed the ways readers need: by URN, by type, by references. */
export class ResourceIndex {
  readonly byUrn: ReadonlyMap<string, PlannedResource>;
  private readonly byType = new Map<string, PlannedResource[]>();

  constructor(readonly resources: readonly PlannedResource[]) {
    this.byUrn = new Map(resources.map((r) => [r.urn, r]));
    for (const r of resources) {
      const list = this.byType.get(r.type) ?? [];
      list.push(r);
      this.byType.set(r.type, list);
    }
  }

  ofType(...types: string[]): PlannedResource[] {
    return types.flatMap((t) => this.byType.get(t) ?? []);
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
}
