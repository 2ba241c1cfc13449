import type { ServiceOpening } from "../model";
import { isUnknown, plain, str } from "../values";

/**
 * What a managed service's own endpoint admits, built the one way every reader of `network.services`
 * builds it: an address or a range as written, and what cannot be read as every address
 * (posture/unknown.ts: network-peer).
 */
export type Opening = Pick<ServiceOpening, "admits" | "explicit">;

export const everyAddress = (why: string, explicit: boolean): Opening => ({
  admits: { kind: "every-address", why },
  explicit,
});

/** An address or CIDR (`203.0.113.7`, `203.0.113.0/24`), as written. */
export function addressOpening(v: unknown): Opening {
  const text = str(v);
  if (text === undefined || isUnknown(v))
    return everyAddress("an allowed range is not known (unknown until apply, or a secret)", true);
  return { admits: { kind: "range", first: text, last: text }, explicit: true };
}

/** A start–end pair; 0.0.0.0–0.0.0.0 is Azure's "allow Azure services" rule. */
export function spanOpening(first: unknown, last: unknown): Opening {
  const a = str(first);
  const b = str(last);
  if (a === undefined || b === undefined || isUnknown(first) || isUnknown(last))
    return everyAddress("its range is not known (unknown until apply, or a secret)", true);
  if (a === "0.0.0.0" && b === "0.0.0.0") return { admits: { kind: "azure-services" }, explicit: true };
  return { admits: { kind: "range", first: a, last: b }, explicit: true };
}

/** Public network access switched off: `Disabled` in any case (Azure compares it so), or `false`. */
export const isDisabled = (v: unknown): boolean => /^disabled$/i.test(str(v) ?? "") || plain(v) === false;
