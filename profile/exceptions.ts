import { z } from "zod";
import { POLICY_IDS } from "../catalog/policy-ids";
import { Reason } from "./primitives";

/** A recorded exception to one policy of the pack, for one resource, until a date. */
export const PolicyException = z.strictObject({
  policy: z.enum(POLICY_IDS, { message: `expected one of the pack's policies: ${POLICY_IDS.join(", ")}` }),
  resource: z.string().min(1).describe("The resource's URN, or a logical-name pattern where * matches anything."),
  reason: Reason,
  approvedBy: z.string().min(3).describe("Who approved it (name or e-mail)."),
  expires: z.iso
    .date({ message: 'expected a date like "2026-12-31"' })
    .describe("Last day it applies; then the violation stands again."),
});
