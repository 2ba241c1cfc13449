import type { PostureElement } from "../model";

/**
 * What one reader declares: the posture elements it feeds and, for each, the resource types it
 * reads them from; and the types it only consults to resolve what others name (a prefix list's
 * entries, a role's definition). The registry of these declarations is the one place that says
 * which provider types the pack understands: resource rules run on them (read-from.ts), and the
 * inventory of types that can widen (scripts/inventory.ts) holds every other one to a reason.
 */
export interface ReaderDeclaration {
  /** The reader's file name under posture/readers/. */
  readonly name: string;
  readonly feeds: Partial<Record<PostureElement, readonly string[]>>;
  readonly consults?: readonly string[];
  /**
   * For a reader that reads by property whatever the type (a workload's security groups, say): the
   * input keys it reads, at any depth. The inventory counts a type as read when the property that
   * makes it able to widen ends in one of these keys.
   */
  readonly readsProperties?: readonly RegExp[];
  /**
   * The types `readsProperties` applies to (a provider's, less those whose keys of these names hold
   * something else); every type when unset.
   */
  readonly readsPropertiesOf?: (type: string) => boolean;
}

/** The property keys a declaration reads on a type: none when its keys do not apply to that type. */
export const keysFor = (reader: ReaderDeclaration, type: string): readonly RegExp[] =>
  reader.readsPropertiesOf && !reader.readsPropertiesOf(type) ? [] : (reader.readsProperties ?? []);

/** Every type a set of declarations reads or consults. */
export const typesOf = (readers: readonly ReaderDeclaration[]): Set<string> =>
  new Set(readers.flatMap((r) => [...Object.values(r.feeds).flat(), ...(r.consults ?? [])]));
