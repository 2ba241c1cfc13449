import { z } from "zod";
import { FileError, fileProblems } from "./file-error";
import { readJsonFile } from "./json-file";

/** The levels a policy can be set to, as apitype.EnforcementLevel names them. */
export const EnforcementLevel = z.enum(["advisory", "mandatory", "remediate", "disabled"]);
export type EnforcementLevel = z.output<typeof EnforcementLevel>;

/**
 * One policy's entry in a `--policy-pack-config` file, as the CLI parses it
 * (parsePolicyPackConfig): a level alone, or its properties with an optional level among them.
 */
const PolicyEntry = z.union(
  [
    EnforcementLevel.transform((enforcementLevel) => ({ enforcementLevel })),
    z.looseObject({ enforcementLevel: EnforcementLevel.optional() }),
  ],
  {
    error: `expected a level (${EnforcementLevel.options.join(", ")}) or an object of settings, its "enforcementLevel" one of those`,
  },
);

/** A `--policy-pack-config` file: policy name (or `all`, for every policy's level) to its entry. */
export const PolicyPackConfig = z.record(z.string(), PolicyEntry);

/** Per-policy config, as `--policy-pack-config` gives it: an enforcement level and properties. */
export type PackConfig = Record<string, { enforcementLevel?: EnforcementLevel } & Record<string, unknown>>;

const WHAT = "--policy-pack-config file";

/** Reads and validates a `--policy-pack-config` file. */
export function readPolicyPackConfig(file: string): PackConfig {
  const parsed = PolicyPackConfig.safeParse(readJsonFile(file, WHAT));
  if (!parsed.success) throw new FileError(file, WHAT, fileProblems(parsed.error));
  return parsed.data as PackConfig;
}
