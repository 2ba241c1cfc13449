import { cidrWithin, isCidr } from "./cidr";
import { flowKey, type LockedAccessPolicy, type LockedCaPolicy, type LockedFlow, type PostureLock } from "./lock";
import { describeEndpoint, type Endpoint } from "./model";
import { describePorted, portedWithin } from "./ports";

export type Layer = "identity" | "network" | "access" | "privilege";

/** One way a proposed posture differs from the approved one. */
export interface DiffItem {
  readonly layer: Layer;
  readonly change: "widening" | "narrowing";
  /** What changed: a flow, a policy's display name, an app, a grant. */
  readonly subject: string;
  readonly message: string;
}

const STATE_RANK: Record<string, number> = {
  enabled: 2,
  enabledForReportingButNotEnforced: 1,
  disabled: 0,
  unknown: -1,
};
const minus = (a: readonly string[], b: readonly string[]) => a.filter((x) => !b.includes(x));

/** An address range inside another: the same text, or a CIDR within a CIDR. */
const rangeWithin = (inner: string, outer: string) =>
  inner === outer || (isCidr(inner) && isCidr(outer) && cidrWithin(inner, outer));

function endpointWithin(inner: Endpoint, outer: Endpoint): boolean {
  if (JSON.stringify(inner) === JSON.stringify(outer)) return true;
  if (outer.kind === "internet" || outer.kind === "any")
    return inner.kind === "internet" || inner.kind === "service-tag" || (inner.kind === "cidr" && isCidr(inner.cidr));
  return inner.kind === "cidr" && outer.kind === "cidr" && rangeWithin(inner.cidr, outer.cidr);
}

/** A flow is covered when an approved one allows at least as much: same ends (or wider), ports within. */
function flowCovered(f: LockedFlow, approved: readonly LockedFlow[]): boolean {
  return approved.some(
    (a) =>
      a.cloud === f.cloud &&
      a.direction === f.direction &&
      portedWithin(f, a) &&
      endpointWithin(f.from, a.from) &&
      endpointWithin(f.to, a.to),
  );
}

export function describeFlow(f: LockedFlow): string {
  return `${f.cloud} ${describeEndpoint(f.from)} → ${describeEndpoint(f.to)} ${describePorted(f)} (${f.direction})`;
}

/** The controls a grant asks for, and whether one of them is enough. One control is "all of one". */
function controlsOf(g: NonNullable<LockedCaPolicy["grant"]>): { all: boolean; controls: string[] } {
  const controls = [...g.builtIn, ...(g.strength ? ["authentication strength"] : [])];
  return { all: g.operator === "AND" || controls.length <= 1, controls };
}

/**
 * Every way the proposed grant lets a sign-in through that the approved one did not: a control
 * lost under AND, a new alternative under OR, AND turned into OR, a weaker strength.
 */
function grantWeakenings(a: NonNullable<LockedCaPolicy["grant"]>, b: NonNullable<LockedCaPolicy["grant"]>): string[] {
  const before = controlsOf(a);
  const after = controlsOf(b);
  const out: string[] = [];
  if (after.controls.length === 0 && before.controls.length > 0) return ["lost its grant controls"];
  if (before.all && after.all) {
    const lost = minus(before.controls, after.controls);
    if (lost.length) out.push(`no longer requires ${lost.join(", ")}`);
  } else if (before.all && !after.all) {
    // One approved control under OR was an OR already: the rest are new alternatives.
    if (a.operator === "OR" && minus(before.controls, after.controls).length === 0)
      out.push(`accepts ${minus(after.controls, before.controls).join(", ")} as an alternative now (OR)`);
    else out.push(`turned AND into OR: one of ${after.controls.join(", ")} is enough now`);
  } else if (!before.all && after.all) {
    // Requiring all of the new set is weaker only when none of it was an approved alternative.
    if (after.controls.every((c) => !before.controls.includes(c)))
      out.push(`requires ${after.controls.join(", ")} instead of one of ${before.controls.join(", ")}`);
  } else {
    const added = minus(after.controls, before.controls);
    if (added.length) out.push(`accepts ${added.join(", ")} as an alternative now (OR)`);
  }
  if (a.strength && b.strength && minus(b.strength, a.strength).length)
    out.push(`accepts weaker methods: ${minus(b.strength, a.strength).join(", ")}`);
  return out;
}

/** Options of a diff: what it knows of the stack beyond the two postures. */
export interface DiffOptions {
  /**
   * Break-glass principals as the lock names them (`group:<id>`, `user:<id>`). Without them, the
   * principals every approved policy excludes are taken as break-glass (that is what they look like).
   */
  readonly breakGlass?: readonly string[];
}

/** Who the approved lock treats as break-glass: given, or excluded from every one of its policies. */
function breakGlassOf(approved: PostureLock, opts: DiffOptions): Set<string> {
  const given = (opts.breakGlass ?? []).map((x) => x.toLowerCase());
  const policies = Object.values(approved.identity);
  const everywhere = policies.length
    ? policies.map((p) => p.exclude).reduce((acc, ex) => acc.filter((x) => ex.includes(x)))
    : [];
  return new Set([...given, ...everywhere.map((x) => x.toLowerCase())]);
}

function diffCa(name: string, a: LockedCaPolicy, b: LockedCaPolicy, breakGlass: Set<string>, out: DiffItem[]): void {
  const widen = (message: string) =>
    out.push({ layer: "identity", change: "widening", subject: name, message: `'${name}' ${message}` });
  const narrow = (message: string) =>
    out.push({ layer: "identity", change: "narrowing", subject: name, message: `'${name}' ${message}` });
  const [ra, rb] = [STATE_RANK[a.state] ?? -1, STATE_RANK[b.state] ?? -1];
  if (rb < ra) widen(`went from ${a.state} to ${b.state}`);
  else if (rb > ra) narrow(`went from ${a.state} to ${b.state}`);
  const newExclusions = minus(b.exclude, a.exclude);
  if (newExclusions.length) widen(`excludes ${newExclusions.join(", ")} now`);
  const removed = minus(a.exclude, b.exclude);
  // Never lock people out: the break-glass accounts' exclusion going away blocks like a widening.
  const lockout = removed.filter((x) => breakGlass.has(x.toLowerCase()));
  if (lockout.length)
    widen(
      `no longer excludes the break-glass ${lockout.join(", ")}: a lockout risk, since no account would be left to recover sign-in`,
    );
  if (removed.length > lockout.length) narrow(`no longer excludes ${minus(removed, lockout).join(", ")}`);
  const lostScope = [
    ...minus(a.include, b.include),
    ...minus(a.apps, b.apps),
    ...minus(a.clientAppTypes, b.clientAppTypes),
  ];
  if (lostScope.length) widen(`no longer covers ${lostScope.join(", ")}`);
  if (minus(b.excludedApps, a.excludedApps).length)
    widen(`excludes apps ${minus(b.excludedApps, a.excludedApps).join(", ")} now`);
  if (JSON.stringify(a.conditions) !== JSON.stringify(b.conditions))
    widen("changed its conditions (platforms, locations, risk, device filter or flows): its scope may be narrower");
  if (a.grant) {
    if (!b.grant) widen("lost its grant controls");
    else for (const w of grantWeakenings(a.grant, b.grant)) widen(w);
  }
  if (a.session) {
    const fa = a.session.signInFrequencyHours;
    const fb = b.session?.signInFrequencyHours ?? null;
    if (fa !== null && (fb === null || fb > fa))
      widen(`keeps sessions longer (${fa}h → ${fb === null ? "no limit" : `${fb}h`})`);
    if (a.session.persistentBrowser === "never" && b.session?.persistentBrowser !== "never")
      widen("lets browser sessions persist");
    if (a.session.everyTime && !b.session?.everyTime) widen("no longer asks to re-authenticate every time");
  }
}

/** An approved policy covers a proposed one when it lets in at least as many, requiring no more. */
function policyCovered(p: LockedAccessPolicy, approved: readonly LockedAccessPolicy[]): boolean {
  return approved.some(
    (a) =>
      a.decision === p.decision &&
      minus(p.include, a.include).length === 0 &&
      minus(a.require, p.require).length === 0 &&
      minus(a.exclude, p.exclude).length === 0 &&
      (!a.approvalRequired || p.approvalRequired) &&
      (a.sessionMinutes === null || (p.sessionMinutes !== null && p.sessionMinutes <= a.sessionMinutes)),
  );
}

/** Everything the proposed posture grants beyond the approved one (widening), and what it gives up (narrowing). */
export function diffLocks(approved: PostureLock, proposed: PostureLock, opts: DiffOptions = {}): DiffItem[] {
  const out: DiffItem[] = [];
  const flow = (change: DiffItem["change"], f: LockedFlow, what: string) =>
    out.push({ layer: "network", change, subject: describeFlow(f), message: `${what}: ${describeFlow(f)}` });
  for (const f of proposed.networkAllows)
    if (!flowCovered(f, approved.networkAllows)) flow("widening", f, "new or broader flow");
  for (const f of approved.networkAllows)
    if (!flowCovered(f, proposed.networkAllows)) flow("narrowing", f, "flow removed or narrowed");
  const keys = (fs: readonly LockedFlow[]) => new Set(fs.map(flowKey));
  const [deniedBefore, deniedAfter] = [keys(approved.networkDenies), keys(proposed.networkDenies)];
  for (const f of approved.networkDenies)
    if (!deniedAfter.has(flowKey(f))) flow("widening", f, "explicit deny removed");
  for (const f of proposed.networkDenies)
    if (!deniedBefore.has(flowKey(f))) flow("narrowing", f, "explicit deny added");
  const breakGlass = breakGlassOf(approved, opts);

  for (const [name, a] of Object.entries(approved.identity)) {
    const b = proposed.identity[name];
    if (!b) out.push({ layer: "identity", change: "widening", subject: name, message: `'${name}' was removed` });
    else diffCa(name, a, b, breakGlass, out);
  }
  for (const name of minus(Object.keys(proposed.identity), Object.keys(approved.identity))) {
    const missing = [...breakGlass].filter((x) => !proposed.identity[name]!.exclude.some((e) => e.toLowerCase() === x));
    if (missing.length)
      out.push({
        layer: "identity",
        change: "widening",
        subject: name,
        message: `'${name}' is a new policy that does not exclude the break-glass ${missing.join(", ")}: a lockout risk`,
      });
    else out.push({ layer: "identity", change: "narrowing", subject: name, message: `'${name}' is a new policy` });
  }

  for (const [name, b] of Object.entries(proposed.namedLocations)) {
    const a = approved.namedLocations[name];
    const loc = (change: DiffItem["change"], message: string) =>
      out.push({
        layer: "identity",
        change,
        subject: `location:${name}`,
        message: `named location '${name}' ${message}`,
      });
    if (!a) {
      if (b.trusted) loc("widening", "is new and trusted: sign-ins from it skip what excludes trusted locations");
      continue;
    }
    if (b.trusted && !a.trusted)
      loc("widening", "is trusted now: sign-ins from it skip what excludes trusted locations");
    if (!b.trusted && a.trusted) loc("narrowing", "is no longer trusted");
    // Who a location covers changes every policy that names it; more is a widening where it is excluded.
    const countries = minus(b.countries, a.countries);
    const ranges = b.ipRanges.filter((r) => !a.ipRanges.some((x) => rangeWithin(r, x)));
    if (countries.length || ranges.length)
      loc(
        "widening",
        `covers more: ${[...countries, ...ranges].join(", ")} (policies that exclude it now let those in)`,
      );
    if (minus(a.countries, b.countries).length || minus(a.ipRanges, b.ipRanges).length) loc("narrowing", "covers less");
  }

  for (const [name, b] of Object.entries(proposed.access)) {
    const a = approved.access[name];
    if (!a) {
      out.push({
        layer: "access",
        change: "widening",
        subject: name,
        message: `new Access application '${name}' (${b.domain ?? "no domain"})`,
      });
      continue;
    }
    for (const p of b.policies) {
      if (p.decision !== "deny" && !policyCovered(p, a.policies)) {
        out.push({
          layer: "access",
          change: "widening",
          subject: name,
          message: `'${name}' admits more: ${p.decision} ${p.include.join(", ") || "nobody"} requiring ${p.require.join(", ") || "nothing"}`,
        });
      }
    }
    for (const p of a.policies) {
      if (p.decision !== "deny" && !policyCovered(p, b.policies)) {
        out.push({
          layer: "access",
          change: "narrowing",
          subject: name,
          message: `'${name}' admits less than before: ${p.decision} ${p.include.join(", ") || "nobody"}`,
        });
      }
    }
    if (a.sessionMinutes !== null && b.sessionMinutes !== null && b.sessionMinutes < a.sessionMinutes) {
      out.push({
        layer: "access",
        change: "narrowing",
        subject: name,
        message: `'${name}' keeps sessions shorter (${a.sessionMinutes / 60}h → ${b.sessionMinutes / 60}h)`,
      });
    }
    if (a.sessionMinutes !== null && (b.sessionMinutes === null || b.sessionMinutes > a.sessionMinutes)) {
      out.push({
        layer: "access",
        change: "widening",
        subject: name,
        message: `'${name}' keeps sessions longer (${a.sessionMinutes / 60}h → ${b.sessionMinutes === null ? "default" : `${b.sessionMinutes / 60}h`})`,
      });
    }
  }
  for (const name of minus(Object.keys(approved.access), Object.keys(proposed.access))) {
    out.push({
      layer: "access",
      change: "narrowing",
      subject: name,
      message: `Access application '${name}' was removed`,
    });
  }
  for (const [name, d] of Object.entries(proposed.serviceTokens)) {
    const a = approved.serviceTokens[name];
    const longer = a === undefined || d === "forever" || (typeof a === "number" && typeof d === "number" && d > a);
    if (longer && a !== "forever") {
      out.push({
        layer: "access",
        change: "widening",
        subject: name,
        message: a === undefined ? `new service token '${name}'` : `service token '${name}' lives longer`,
      });
    }
  }

  for (const g of minus(proposed.privilege, approved.privilege)) {
    out.push({ layer: "privilege", change: "widening", subject: g, message: `new grant: ${g}` });
  }
  for (const g of minus(approved.privilege, proposed.privilege)) {
    out.push({ layer: "privilege", change: "narrowing", subject: g, message: `grant removed: ${g}` });
  }
  return out;
}
