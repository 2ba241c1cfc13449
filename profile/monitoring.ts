import { z } from "zod";
import { Reason } from "./primitives";

export const MONITORING_FEATURES = [
  "entra-log-export",
  "break-glass-alert",
  "cloudtrail",
  "guardduty",
  "cloudflare-logpush",
] as const;
export type MonitoringFeature = (typeof MONITORING_FEATURES)[number];

/** Query parameters that carry a credential in a Logpush destination_conf. */
const CREDENTIAL_PARAM =
  /[?&](access[-_]key[-_]id|secret[-_]access[-_]key|sig|sv|token|api[-_]?key|password|secret|header_[^=&]+)=/i;

/** A plain Logpush destination: the storage, and no credential (those come from a secret). */
const LogpushDestination = z
  .string()
  .regex(/^(s3|gs|azure|r2|https):\/\//, {
    message: 'expected a Logpush destination like "s3://bucket/path?region=eu-west-1"',
  })
  .refine((d) => !CREDENTIAL_PARAM.test(d), {
    error: (i) =>
      `holds a credential (${CREDENTIAL_PARAM.exec(String(i.input))?.[1]}) in plain text: put the destination in a secret (\`pulumi config set --secret logpushDestination <destination>\`) and write destinationFromSecret: logpushDestination instead`,
  });

export const MonitoringProfile = z
  .strictObject({
    logRetentionDays: z
      .number()
      .int()
      .min(90, { message: "keep logs at least 90 days (NIS2 incident handling, insurers)" })
      .max(730)
      .default(90)
      .describe("Retention of the Log Analytics workspace that receives Entra sign-in and audit logs."),
    cloudflareLogpush: z
      .union([
        z.strictObject({
          destination: LogpushDestination.describe(
            "Where Access request logs go (Logpush destination_conf), without credentials: grant access in the bucket policy, or use destinationFromSecret.",
          ),
        }),
        z.strictObject({
          destinationFromSecret: z
            .string()
            .regex(/^[A-Za-z][\w-]*$/, { message: 'expected a stack config key like "logpushDestination"' })
            .describe(
              "A destination that carries credentials (keys, SAS tokens, headers) comes from this stack config key, set with `pulumi config set --secret <key> <destination>` or from ESC: a Pulumi secret, never in the profile.",
            ),
        }),
      ])
      .optional()
      .describe("Cloudflare Access request logs pushed to the client's storage: exactly one of the two keys."),
    optOuts: z
      .array(
        z.strictObject({
          feature: z.enum(MONITORING_FEATURES, { message: `expected one of ${MONITORING_FEATURES.join(", ")}` }),
          reason: Reason,
        }),
      )
      .default([])
      .describe("Monitoring this client does not get, each with a reason."),
  })
  .prefault({});
