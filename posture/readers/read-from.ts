import type { PostureElement } from "../model";
import { READERS } from "./index";
import { keysFor } from "./registry";

/** The resource types each part of the posture is read from: what the pack runs a resource rule on. */
export const READ_FROM: Readonly<Partial<Record<PostureElement, readonly string[]>>> = (() => {
  const out: Partial<Record<PostureElement, string[]>> = {};
  for (const reader of READERS)
    for (const [element, types] of Object.entries(reader.feeds) as [PostureElement, readonly string[]][])
      out[element] = [...new Set([...(out[element] ?? []), ...types])];
  return out;
})();

/** The resource types whose readers produce any of these parts. */
export const typesReading = (elements: readonly PostureElement[]): Set<string> =>
  new Set(elements.flatMap((e) => READ_FROM[e] ?? []));

/** True when a value holds, at any depth up to `depth`, a key one of the patterns matches. */
function hasKey(v: unknown, patterns: readonly RegExp[], depth: number): boolean {
  if (depth < 0 || typeof v !== "object" || v === null) return false;
  if (Array.isArray(v)) return v.some((x) => hasKey(x, patterns, depth - 1));
  return Object.entries(v).some(([k, x]) => patterns.some((p) => p.test(k)) || hasKey(x, patterns, depth - 1));
}

/**
 * Whether a resource is read into any of these parts: by its type, or, for readers that read by
 * property, by an input key they read (a type nobody listed is judged when it carries one).
 */
export function readsResource(
  elements: readonly PostureElement[],
): (type: string, inputs: Readonly<Record<string, unknown>>) => boolean {
  const types = typesReading(elements);
  const readers = READERS.filter((r) => elements.some((e) => r.feeds[e]));
  return (type, inputs) => {
    if (types.has(type)) return true;
    const patterns = readers.flatMap((r) => keysFor(r, type));
    if (patterns.length === 0) return false;
    try {
      return hasKey(inputs, patterns, 6);
    } catch {
      return true; // a value that cannot be walked is read, not skipped: the reader decides
    }
  };
}
