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
