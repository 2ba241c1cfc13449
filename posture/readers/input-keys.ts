import { isUnknown, plain } from "../values";

/**
 * Visits every key of a resource's inputs, at any depth through objects and lists, with the
 * top-level property it sits under (what property dependencies are keyed by): how readers that read
 * by property find what they read wherever a type nests it. `visit` returns true when it took the
 * value (or skips it), so the walk does not go into it. Values unknown until apply are not entered;
 * `maxDepth` bounds how far below the top level the walk goes.
 */
export function eachInputKey(
  inputs: Readonly<Record<string, unknown>>,
  visit: (key: string, value: unknown, property: string) => boolean,
  maxDepth: number,
): void {
  const walk = (v: unknown, property: string, depth: number): void => {
    if (depth > maxDepth || isUnknown(v)) return;
    const p = plain(v);
    if (Array.isArray(p)) p.forEach((x) => walk(x, property, depth + 1));
    else if (typeof p === "object" && p !== null)
      for (const [key, value] of Object.entries(p)) if (!visit(key, value, property)) walk(value, property, depth + 1);
  };
  for (const [property, value] of Object.entries(inputs))
    if (!visit(property, value, property)) walk(value, property, 0);
}
