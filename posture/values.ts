import { isSecretValue, UNKNOWN } from "./resource";

/** Reads values as they arrive on the wire: unknowns stay undefined, secrets are unwrapped. */
export function plain(v: unknown): unknown {
  if (v === UNKNOWN) return undefined;
  if (isSecretValue(v)) return plain(v.value);
  return v;
}

export function str(v: unknown): string | undefined {
  const p = plain(v);
  return typeof p === "string" ? p : undefined;
}

export function num(v: unknown): number | undefined {
  const p = plain(v);
  if (typeof p === "number") return p;
  if (typeof p === "string" && /^-?\d+$/.test(p)) return Number(p);
  return undefined;
}

export function arr(v: unknown): unknown[] {
  const p = plain(v);
  return Array.isArray(p) ? p : [];
}

export function strs(v: unknown): string[] {
  return arr(v)
    .map(str)
    .filter((s): s is string => s !== undefined);
}

export function obj(v: unknown): Record<string, unknown> {
  const p = plain(v);
  return typeof p === "object" && p !== null && !Array.isArray(p) ? (p as Record<string, unknown>) : {};
}

/** True when a value is, or contains, something unknown until apply. */
export function isUnknown(v: unknown): boolean {
  return v === UNKNOWN || (isSecretValue(v) && isUnknown(v.value));
}
