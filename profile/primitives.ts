import { z } from "zod";
import { MIN_REASON_LENGTH } from "../catalog/limits";
import { COUNTRY_CODES } from "../catalog/countries";
import { GUID_PATTERN, SLUG_PATTERN } from "../catalog/well-known-ids";
import { PROFILE_DURATION } from "../posture/durations";
import { parsePortRange, type PortRange as PortRangeValue } from "../posture/ports";

/** Entra ID / Azure object ids and tenant ids are GUIDs; a typo here silently targets nobody. */
export const Guid = z.string().regex(GUID_PATTERN, {
  message: 'expected a GUID like "00000000-0000-0000-0000-000000000000"',
});

/** Lower-case kebab-case: used in logical resource names, so it must stay stable and portable. */
export const Slug = z.string().regex(SLUG_PATTERN, {
  message: 'expected lower-case kebab-case like "contoso-prod" (2-40 characters)',
});

/** A duration such as "30m", "8h" or "90d". */
export const Duration = z
  .string()
  .regex(PROFILE_DURATION, { message: 'expected a duration like "8h" (minutes m, hours h, days d)' });
export type Duration = z.infer<typeof Duration>;

/** A reason recorded for an exception to the baseline: a sentence, not a word. */
export const Reason = z
  .string()
  .trim()
  .min(MIN_REASON_LENGTH, {
    message: `a reason must be a sentence (at least ${MIN_REASON_LENGTH} characters) that says why`,
  });

/** ISO 3166-1 alpha-2 country code, as Entra named locations take them. */
export const CountryCode = z.enum(COUNTRY_CODES, {
  error: (i) => `"${String(i.input)}" is not an ISO 3166-1 alpha-2 country code (like "NL", upper case)`,
});

export const Email = z.email({ message: "expected an e-mail address" });

export const Domain = z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
  message: 'expected a lower-case DNS name like "app.contoso.com"',
});

/** A single port (443) or an inclusive range ("8000-8080"); never "any". */
export const PortRange = z.union([z.number(), z.string()]).transform((v, ctx): PortRangeValue => {
  const text = String(v).trim();
  const range = parsePortRange(text);
  if (range === "every") {
    ctx.addIssue({ code: "custom", message: `"${text}" opens every port; name the ports the flow needs` });
    return z.NEVER;
  }
  if (!range || range.from < 1) {
    ctx.addIssue({ code: "custom", message: 'expected a port like 443 or a range like "8000-8080" within 1-65535' });
    return z.NEVER;
  }
  return range;
});
export type PortRange = z.output<typeof PortRange>;
