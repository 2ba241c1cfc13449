import { z } from "zod";
import { STRENGTH_LEVELS } from "../catalog/authentication-strengths";

/** How strong MFA must be for ordinary users; admins always need phishing-resistant MFA. */
export const MfaStrength = z.enum(STRENGTH_LEVELS, {
  message: 'expected "mfa", "passwordless" or "phishing-resistant"',
});
export type MfaStrength = z.infer<typeof MfaStrength>;

export const MfaProfile = z
  .strictObject({
    strength: MfaStrength.default("mfa").describe(
      "Strength required of every user, on every provider; admins always need phishing-resistant.",
    ),
    aws: z
      .strictObject({
        enforce: z
          .boolean()
          .default(true)
          .describe("Declare the IAM group whose policy denies every action without MFA."),
        groupName: z
          .string()
          .regex(/^[\w+=,.@-]{1,128}$/, { message: "expected an IAM group name" })
          .default("zt-mfa-required")
          .describe("Human IAM users belong in this group."),
      })
      .prefault({}),
  })
  .prefault({});
