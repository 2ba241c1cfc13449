import { InvalidArgumentError } from "commander";

/** Exit codes: 0 ok, 1 the baseline is refused (invalid profile, mandatory violation, widening), 2 usage. */
export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

export const stackName = (value: string) => {
  if (!/^[\w.-]+$/.test(value)) throw new InvalidArgumentError("a stack name is letters, digits, '.', '_' or '-'");
  return value;
};

/** The work was done but the result is refused: the reason has been printed already. */
export class Refused extends Error {}

/** A whole number of at least 1 (workers, clients at once). */
export const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a whole number, 1 or more");
  return n;
};
