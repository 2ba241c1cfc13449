import { cidrWithin, isCidr } from "./cidr";
import type { LockedAccessPolicy, LockedCaPolicy, PostureLock } from "./lock";

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

interface FlowKey {
  cloud: string;
  direction: string;
  from: string;
  to: string;
  protocol: string;
  ports: string;
}
function parseFlow(key: string): FlowKey {
  const [cloud, direction, ends, protocol, ports] = key.split(" ");
  const [from, to] = ends!.split(">");
  return { cloud: cloud!, direction: direction!, from: from!, to: to!, protocol: protocol!, ports: ports! };
}

function endpointWithin(inner: string, outer: string): boolean {
  if (inner === outer) return true;
  if (outer === "internet" || outer === "any") return isCidr(inner) || inner === "internet";
  return isCidr(inner) && isCidr(outer) && cidrWithin(inner, outer);
}

function portsWithin(inner: string, outer: string): boolean {
  if (outer === "all" || inner === outer) return true;
  if (inner === "all" || inner === "-" || outer === "-") return false;
  const [a, b = a] = inner.split("-").map(Number);
  const [c, d = c] = outer.split("-").map(Number);
  return c! <= a! && b! <= d!;
}

/** A flow is covered when an approved one allows at least as much: same ends (or wider), ports within. */
function flowCovered(key: string, approved: readonly string[]): boolean {
  const f = parseFlow(key);
  return approved.some((k) => {
    const a = parseFlow(k);
    return (
      a.cloud === f.cloud &&
      a.direction === f.direction &&
      (a.protocol === f.protocol || a.protocol === "all") &&
      endpointWithin(f.from, a.from) &&
      endpointWithin(f.to, a.to) &&
      portsWithin(f.ports, a.ports)
    );
  });
}

function describeFlowKey(key: string): string {
  const f = parseFlow(key);
  return `${f.cloud} ${f.from} → ${f.to} ${f.protocol}${f.ports === "-" ? "" : `/${f.ports}`} (${f.direction})`;
}

function diffCa(name: string, a: LockedCaPolicy, b: LockedCaPolicy, out: DiffItem[]): void {
  const widen = (message: string) =>
    out.push({ layer: "identity", change: "widening", subject: name, message: `'${name}' ${message}` });
  const narrow = (message: string) =>
    out.push({ layer: "identity", change: "narrowing", subject: name, message: `'${name}' ${message}` });
  const [ra, rb] = [STATE_RANK[a.state] ?? -1, STATE_RANK[b.state] ?? -1];
  if (rb < ra) widen(`went from ${a.state} to ${b.state}`);
  else if (rb > ra) narrow(`went from ${a.state} to ${b.state}`);
  const newExclusions = minus(b.exclude, a.exclude);
  if (newExclusions.length) widen(`excludes ${newExclusions.join(", ")} now`);
  if (minus(a.exclude, b.exclude).length) narrow(`no longer excludes ${minus(a.exclude, b.exclude).join(", ")}`);
  const lostScope = [
    ...minus(a.include, b.include),
    ...minus(a.apps, b.apps),
    ...minus(a.clientAppTypes, b.clientAppTypes),
  ];
  if (lostScope.length) widen(`no longer covers ${lostScope.join(", ")}`);
  if (minus(b.excludedApps, a.excludedApps).length)
    widen(`excludes apps ${minus(b.excludedApps, a.excludedApps).join(", ")} now`);
  if (a.conditions !== b.conditions)
    widen("changed its conditions (platforms, locations, risk, device filter or flows): its scope may be narrower");
  if (a.grant) {
    if (!b.grant) widen("lost its grant controls");
    else {
      const lost = minus(a.grant.builtIn, b.grant.builtIn);
      if (lost.length) widen(`no longer requires ${lost.join(", ")}`);
      if (a.grant.operator === "AND" && b.grant.operator === "OR" && b.grant.builtIn.length > 1)
        widen("turned AND into OR: one control is enough now");
      if (a.grant.strength && !b.grant.strength) widen("dropped its authentication strength");
      else if (a.grant.strength && b.grant.strength && minus(b.grant.strength, a.grant.strength).length) {
        widen(`accepts weaker methods: ${minus(b.grant.strength, a.grant.strength).join(", ")}`);
      }
    }
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
export function diffPostures(approved: PostureLock, proposed: PostureLock): DiffItem[] {
  const out: DiffItem[] = [];
  for (const key of proposed.networkAllows) {
    if (!flowCovered(key, approved.networkAllows)) {
      out.push({
        layer: "network",
        change: "widening",
        subject: key,
        message: `new or broader flow: ${describeFlowKey(key)}`,
      });
    }
  }
  for (const key of approved.networkAllows) {
    if (!flowCovered(key, proposed.networkAllows)) {
      out.push({
        layer: "network",
        change: "narrowing",
        subject: key,
        message: `flow removed or narrowed: ${describeFlowKey(key)}`,
      });
    }
  }
  for (const key of minus(approved.networkDenies, proposed.networkDenies)) {
    out.push({
      layer: "network",
      change: "widening",
      subject: key,
      message: `explicit deny removed: ${describeFlowKey(key)}`,
    });
  }
  for (const key of minus(proposed.networkDenies, approved.networkDenies)) {
    out.push({
      layer: "network",
      change: "narrowing",
      subject: key,
      message: `explicit deny added: ${describeFlowKey(key)}`,
    });
  }

  for (const [name, a] of Object.entries(approved.identity)) {
    const b = proposed.identity[name];
    if (!b) out.push({ layer: "identity", change: "widening", subject: name, message: `'${name}' was removed` });
    else diffCa(name, a, b, out);
  }
  for (const name of minus(Object.keys(proposed.identity), Object.keys(approved.identity))) {
    out.push({ layer: "identity", change: "narrowing", subject: name, message: `'${name}' is a new policy` });
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
