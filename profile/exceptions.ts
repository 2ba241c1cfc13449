import { z } from "zod";
import { POLICY_IDS } from "../catalog/policy-ids";
import { Reason, Text } from "./primitives";

/**
 * What a recorded exception holds, in a profile and in the pack's config alike: the resource it
 * covers, why, who approved it and until when. The pack takes any reason and reports one that is
 * too short (refusing it), so that a weak exception is seen rather than failing the whole policy.
 */
export const ExceptionRecord = z.strictObject({
  resource: z.string().min(1).describe("The resource's URN, or a logical-name pattern where * matches anything."),
  reason: z.string().describe("Why: a sentence."),
  approvedBy: z.string().min(3).describe("Who approved it (name or e-mail)."),
  expires: z.iso
    .date({ message: 'expected a date like "2026-12-31"' })
    .describe("Last day it applies; then the violation stands again."),
});

/** A recorded exception to one policy of the pack, in a profile: its reason must be a sentence. */
export const PolicyException = z.strictObject({
  policy: z.enum(POLICY_IDS, { message: `expected one of the pack's policies: ${POLICY_IDS.join(", ")}` }),
  ...ExceptionRecord.shape,
  resource: Text.min(1).describe(ExceptionRecord.shape.resource.description!),
  reason: Reason,
  approvedBy: Text.min(3).describe(ExceptionRecord.shape.approvedBy.description!),
});
