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
      .strictObject({
        destination: z
          .string()
          .regex(/^(s3|gs|azure|r2|https):\/\//, {
            message: 'expected a Logpush destination like "s3://bucket/path?region=eu-west-1"',
          })
          .describe(
            "Where Access request logs go (Logpush destination_conf); put credentials in the bucket policy, not here.",
          ),
      })
      .optional(),
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
