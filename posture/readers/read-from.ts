import type { PostureElement } from "../model";
import { READERS } from "./index";

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
