import { z } from "zod";
import { RULES } from "../policy-packs/zero-trust/rules";
import { Reason } from "./primitives";

const RULE_NAMES = RULES.map((r) => r.name) as [string, ...string[]];

/** A recorded exception to one policy of the pack, for one resource, until a date. */
export const PolicyException = z.strictObject({
  policy: z.enum(RULE_NAMES, { message: `expected one of the pack's policies: ${RULE_NAMES.join(", ")}` }),
  resource: z.string().min(1).describe("The resource's URN, or a logical-name pattern where * matches anything."),
  reason: Reason,
  approvedBy: z.string().min(3).describe("Who approved it (name or e-mail)."),
  expires: z.iso
    .date({ message: 'expected a date like "2026-12-31"' })
    .describe("Last day it applies; then the violation stands again."),
});
