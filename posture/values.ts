import { isSecretValue } from "./resource";

/** The wire sentinels for values not known until apply (string, boolean, number, array, asset, archive, object). */
const UNKNOWNS = new Set([
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  "030794c1-ac77-496b-92df-f27374a8bd58",
  "e48ece36-62e2-4504-bad9-02848725956a",
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

/**
 * Stands in for a secret read from a state file as ciphertext: never decrypted, so unknown to every
 * reader (fail closed), and named as a secret wherever it is shown.
 */
export const OPAQUE_SECRET = "(secret in the state file: not decrypted)";

/** Reads values as they arrive on the wire: unknowns stay undefined, secrets are unwrapped. */
export function plain(v: unknown): unknown {
  if (typeof v === "string" && (UNKNOWNS.has(v) || v === OPAQUE_SECRET)) return undefined;
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

/** Stands in for a list entry that is unknown until apply: kept, never dropped, so that a rule
 * cannot mistake "excludes something not yet known" for "excludes nothing" (fail closed). */
export const UNKNOWN_VALUE = "(known after apply)";

/** The placeholder a list keeps for an entry that cannot be read: unknown, or an undecrypted secret. */
const placeholder = (v: unknown) => (isOpaqueSecret(v) ? OPAQUE_SECRET : UNKNOWN_VALUE);

export function strs(v: unknown): string[] {
  if (isUnknown(v)) return [placeholder(v)];
  return arr(v)
    .map((e) => (isUnknown(e) ? placeholder(e) : str(e)))
    .filter((s): s is string => s !== undefined);
}

export function obj(v: unknown): Record<string, unknown> {
  const p = plain(v);
  return typeof p === "object" && p !== null && !Array.isArray(p) ? (p as Record<string, unknown>) : {};
}

/** A list input as its entries, keeping a list unknown until apply as one unknown entry (fail closed). */
export const listEntries = (v: unknown): unknown[] => (isUnknown(v) ? [v] : arr(v));

/** True when a value is, or contains, something unknown until apply (or a secret never decrypted). */
export function isUnknown(v: unknown): boolean {
  return (
    (typeof v === "string" && (UNKNOWNS.has(v) || v === OPAQUE_SECRET)) || (isSecretValue(v) && isUnknown(v.value))
  );
}

/** True for a secret whose value a state file holds only as ciphertext. */
export function isOpaqueSecret(v: unknown): boolean {
  return v === OPAQUE_SECRET || (isSecretValue(v) && isOpaqueSecret(v.value));
}

/** A value with every secret replaced by what `replace` gives for it and the path where it sits. */
export function replaceSecrets(v: unknown, replace: (where: string) => unknown, where = ""): unknown {
  if (isSecretValue(v)) return replace(where);
  if (Array.isArray(v)) return v.map((x, i) => replaceSecrets(x, replace, `${where}[${i}]`));
  if (typeof v !== "object" || v === null) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, replaceSecrets(x, replace, `${where}.${k}`)]));
}

/**
 * A value with every secret blinded as "[secret]", as the Pulumi CLI displays them: for output
 * (`zt plan --json`), never for reading. Unknowns stay as they are.
 */
export const redactSecrets = (v: unknown): unknown => replaceSecrets(v, () => "[secret]");
