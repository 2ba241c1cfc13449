import ipaddr from "ipaddr.js";
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

/**
 * Control characters: C0 (a newline, a tab, ESC), DEL and C1, the Unicode line separators and the
 * bidirectional overrides. Free text is printed to terminals, markdown comments and HTML reports:
 * an ANSI escape restyles or hides what follows, a newline forges a line of its own.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
export const NO_CONTROL_CHARACTERS =
  "control characters (a newline, a tab, an escape, a bidirectional override) are not allowed in text that is printed";

/** Free text a person writes (a display name, who approved): no control characters. */
export const Text = z.string().refine((v) => !CONTROL.test(v), { message: NO_CONTROL_CHARACTERS });

/** A reason recorded for an exception to the baseline: a sentence, not a word. */
export const Reason = z
  .string()
  .trim()
  .refine((v) => !CONTROL.test(v), { message: NO_CONTROL_CHARACTERS })
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

/** Address kinds Entra never sees a sign-in come from (it refuses private ranges in a named location). */
const NOT_PUBLIC = new Set([
  "unspecified",
  "private",
  "loopback",
  "linkLocal",
  "carrierGradeNat",
  "broadcast",
  "multicast",
  "uniqueLocal",
  "ipv4Mapped",
]);

/**
 * The widest trusted range: an organisation's egress is a few addresses, at most a /16 of IPv4 or
 * a /48 of IPv6 (one site's allocation). A trusted location lets sign-ins from it register
 * security info and lowers their risk: a range the size of a provider's is trusting strangers.
 */
export const WIDEST_TRUSTED = { ipv4: 16, ipv6: 48 } as const;

/**
 * A trusted egress range, as an Entra named location takes it: IPv4 or IPv6 CIDR, the network
 * address itself (no host bits), public, no wider than WIDEST_TRUSTED.
 */
export const TrustedRange = z.string().superRefine((text, ctx) => {
  const fail = (message: string) => ctx.addIssue({ code: "custom", message });
  const [address = "", bitsText = "", ...rest] = text.split("/");
  const v4 = ipaddr.IPv4.isValidFourPartDecimal(address);
  const valid = (v4 || (address.includes(":") && ipaddr.IPv6.isValid(address))) && /^\d{1,3}$/.test(bitsText);
  const bits = Number(bitsText);
  if (!valid || rest.length > 0 || bits > (v4 ? 32 : 128)) {
    fail('expected a CIDR like "203.0.113.0/24" (IPv4) or "2001:db8:1::/48" (IPv6)');
    return;
  }
  const kind = v4 ? "ipv4" : "ipv6";
  const network = (v4 ? ipaddr.IPv4 : ipaddr.IPv6).networkAddressFromCIDR(text);
  if (network.toString() !== ipaddr.parse(address).toString()) {
    fail(`host bits are set: ${text} is the range ${network.toString()}/${bits}; write that`);
    return;
  }
  if (bits < WIDEST_TRUSTED[kind]) {
    const size = v4 ? `${(2 ** (32 - bits)).toLocaleString("en")} addresses` : `2^${128 - bits} addresses`;
    fail(
      `${text} is ${bits === 0 ? "every address" : size}: a trusted range is the organisation's own egress ` +
        `(at most a /${WIDEST_TRUSTED[kind]} of ${v4 ? "IPv4" : "IPv6"}); sign-ins from it may register security info`,
    );
    return;
  }
  const range = ipaddr.parse(address).range();
  if (NOT_PUBLIC.has(range))
    fail(
      `${text} is not a public range (${range}): Entra sees the public address a sign-in comes from, and refuses private ranges in a named location`,
    );
});
