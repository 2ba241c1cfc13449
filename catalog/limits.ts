/** Limits the baseline holds everywhere: the profile refuses beyond them, the pack blocks beyond them. */

/** Longest a service token may live: a year (Cloudflare's own default when none is given). */
export const MAX_SERVICE_TOKEN_HOURS = 8760;
/** Longest Access session when the profile sets no ceiling. */
export const DEFAULT_SESSION_CEILING_HOURS = 24;
/** A reason shorter than this is a word, not a reason (exceptions, opt-outs, declared exclusions). */
export const MIN_REASON_LENGTH = 20;

/**
 * A public range at least this wide is treated as the internet itself (a mandatory block where a
 * narrower one, an office or a partner address, gets an advisory notice): a /16 is 65,536 addresses.
 */
export const WIDE_SOURCE_PREFIX = { ipv4: 16, ipv6: 48 } as const;
