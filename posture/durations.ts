/**
 * The one vocabulary for durations. Profiles write `30m`, `8h`, `90d`; Cloudflare's API reads and
 * writes Go durations (`8h`, `1h30m`, `24h0m0s`). Everything compares them in minutes. It imports
 * nothing, so every part of the house (the profile included) may read it.
 */

/** A profile duration: a whole number of minutes, hours or days. */
export const PROFILE_DURATION = /^([1-9][0-9]*)(m|h|d)$/;
const PROFILE_UNIT_MINUTES = { m: 1, h: 60, d: 1440 } as const;

/** Minutes in a profile duration; NaN for text that is not one (refinements also run on invalid input). */
export function durationMinutes(d: string): number {
  const m = PROFILE_DURATION.exec(d);
  return m ? Number(m[1]) * PROFILE_UNIT_MINUTES[m[2] as keyof typeof PROFILE_UNIT_MINUTES] : NaN;
}

/** Minutes as the shortest Go duration Cloudflare takes: whole hours as `8h`, else `90m`. */
export function goDuration(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`;
}

/** Nanoseconds per unit of a Go duration (`time.ParseDuration`), as Cloudflare's API takes them. */
const UNIT_NS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};
const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

/**
 * Minutes in a Go-style duration ("24h", "1h30m", "1.5h", "90m0s", "300ms", "0"), rounded up: a
 * session of 30 seconds is a minute, never nothing. Undefined for text that is not a duration, or
 * a negative one.
 */
export function goDurationMinutes(text: string): number | undefined {
  const t = text.trim();
  if (t === "0") return 0;
  if (t === "" || t.startsWith("-")) return undefined;
  let ns = 0;
  PART.lastIndex = t.startsWith("+") ? 1 : 0;
  while (PART.lastIndex < t.length) {
    const m = PART.exec(t);
    if (!m) return undefined;
    ns += Number(m[1]) * UNIT_NS[m[2]!]!;
  }
  return Math.ceil(ns / 60e9);
}
