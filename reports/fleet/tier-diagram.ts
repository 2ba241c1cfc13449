import { INTERNET } from "../../profile/network-defaults";
import type { NetworkProfile } from "../../profile/network";
import { describePortRange } from "../../posture/ports";
import type { DeployedFlow, DeployedView } from "../../fleet/deployed-view";
import { withinFlowPorts } from "../../posture/ports";
import { escapeHtml } from "./escape";

const BOX = { w: 112, h: 36 } as const;
const GAP = 96;
/** Space between the row and the management tier below it. */
const MGMT_DROP = 96;

interface Node {
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly kind: "internet" | "tier" | "management";
  /** Position in the row; undefined for the management tier below it. */
  readonly col?: number;
}

/**
 * `declared`: a flow of the profile the resources hold; `not-held`: declared, but no resource
 * allows it; `undeclared`: allowed by the resources, declared nowhere (drift, or a hand edit).
 */
type EdgeKind = "declared" | "not-held" | "undeclared";

/** One arrow: every flow of one kind between the same two endpoints, merged. */
interface Edge {
  readonly kind: EdgeKind;
  readonly from: string;
  readonly to: string;
  readonly labels: string[];
  readonly cidrs: string[];
}

/**
 * A client's tier graph as inline SVG: the internet and the workload tiers in a row, from the
 * outside in, the management tier below them, and one arrow per allowed flow (ports on it).
 * Given what the resources hold, declared flows they do not hold are dotted and flows they allow
 * that the profile never declared are red. No script, no external assets: it renders anywhere.
 */
export function tierDiagram(network: NetworkProfile, label: string, deployed?: DeployedView): string {
  const edges = edgesOf(network, deployed);
  const row = [INTERNET, ...network.tiers.filter((t) => t !== network.managementTier)];
  // Flows only name tiers or the internet; should one ever name anything else, it gets a box of
  // its own at the end of the row rather than a flow going undrawn.
  const known = new Set([...row, ...network.tiers]);
  for (const e of edges.flatMap((x) => [x.from, x.to])) {
    if (!known.has(e)) {
      known.add(e);
      row.push(e);
    }
  }
  const step = BOX.w + GAP;
  const index = new Map(row.map((name, i) => [name, i]));
  // Arcs rise above the row by how far they reach; the row sits just below the highest one.
  const arcs = edges.map((e) => arcLift(index.get(e.from), index.get(e.to), e.kind)).filter((l) => l > 0);
  const ROW_Y = 16 + (arcs.length ? Math.max(...arcs) + 14 : 0);
  const MGMT_Y = ROW_Y + BOX.h + MGMT_DROP;
  const nodes = new Map<string, Node>(
    row.map((name, i) => [
      name,
      { name, x: 16 + i * step, y: ROW_Y, col: i, kind: name === INTERNET ? "internet" : "tier" },
    ]),
  );
  const hasMgmt = network.tiers.includes(network.managementTier);
  if (hasMgmt) {
    const x = 16 + ((row.length - 1) * step) / 2 + step / 2;
    nodes.set(network.managementTier, { name: network.managementTier, x, y: MGMT_Y, kind: "management" });
  }

  const width = 32 + row.length * step - GAP;
  const height = (hasMgmt ? MGMT_Y + BOX.h : ROW_Y + BOX.h) + 24;
  const body = [...edges.map((e) => edgeSvg(e, nodes)), ...[...nodes.values()].map(nodeSvg)].join("\n");
  return [
    `<svg class="tier-graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(label)}">`,
    `<defs>${(["declared", "undeclared"] as const).map(marker).join("")}</defs>`,
    body,
    `</svg>`,
  ].join("\n");
}

/** The arrows: declared flows (held or not), then what the resources allow beyond them. */
function edgesOf(network: NetworkProfile, deployed: DeployedView | undefined): Edge[] {
  const edges = new Map<string, Edge>();
  const add = (kind: EdgeKind, from: string, to: string, label: string, cidrs: readonly string[] = []) => {
    const key = `${kind} ${from}>${to}`;
    const edge = edges.get(key) ?? { kind, from, to, labels: [], cidrs: [] };
    if (!edge.labels.includes(label)) edge.labels.push(label);
    edge.cidrs.push(...cidrs);
    edges.set(key, edge);
  };
  const held = new Set(deployed?.flows.map((f) => `${f.from}>${f.to}`));
  for (const f of network.flows) {
    const kind = !deployed || held.has(`${f.from}>${f.to}`) ? "declared" : "not-held";
    add(
      kind,
      f.from,
      f.to,
      f.protocol === "icmp" ? "icmp" : `${f.protocol} ${f.ports.map(describePortRange).join(",")}`,
      f.cidrs,
    );
  }
  for (const f of deployed ? undeclaredFlows(network, deployed.flows) : []) {
    const ports = f.protocol === "icmp" ? "" : ` ${f.ports ? describePortRange(f.ports) : "all ports"}`;
    add("undeclared", f.from, f.to, `${f.protocol}${ports} (${f.cloud})`);
  }
  return [...edges.values()];
}

function marker(kind: "declared" | "undeclared"): string {
  return `<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="head ${kind}"/></marker>`;
}

function nodeSvg(n: Node): string {
  return [
    `<g class="node ${n.kind}" data-tier="${escapeHtml(n.name)}">`,
    `<rect x="${n.x}" y="${n.y}" width="${BOX.w}" height="${BOX.h}" rx="6"/>`,
    `<text x="${n.x + BOX.w / 2}" y="${n.y + BOX.h / 2 + 5}" text-anchor="middle">${escapeHtml(n.name)}</text>`,
    `</g>`,
  ].join("");
}

function edgeSvg(e: Edge, nodes: ReadonlyMap<string, Node>): string {
  const a = nodes.get(e.from);
  const b = nodes.get(e.to);
  if (!a || !b) throw new Error(`tier diagram: flow ${e.from} -> ${e.to} has no box`); // every endpoint gets one above
  const { path, lx, ly } = route(a, b, e.kind);
  const cidrs = e.cidrs.length ? ` from/to ${e.cidrs.join(", ")}` : "";
  const what = {
    declared: "",
    "not-held": " (declared, but no resource allows it)",
    undeclared: " (allowed, never declared)",
  };
  const title = `${e.from} → ${e.to}: ${e.labels.join("; ")}${cidrs}${what[e.kind]}`;
  const head = e.kind === "undeclared" ? "undeclared" : "declared";
  return [
    `<g class="flow ${e.kind}" data-from="${escapeHtml(e.from)}" data-to="${escapeHtml(e.to)}" data-kind="${e.kind}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<path d="${path}" marker-end="url(#arrow-${head})"/>`,
    `<text x="${lx}" y="${ly}" text-anchor="middle">${escapeHtml(e.labels.join(" · "))}</text>`,
    `</g>`,
  ].join("");
}

/**
 * How far above the row a flow between row positions i and j arcs; 0 for a straight arrow.
 * Outward flows (egress) arc higher than inward ones over the same span, and undeclared ones
 * higher still (even between neighbours), so none hides another.
 */
function arcLift(i: number | undefined, j: number | undefined, kind: EdgeKind): number {
  if (i === undefined || j === undefined) return 0;
  const extra = kind === "undeclared" ? 24 : 0;
  if (j === i + 1 && !extra) return 0;
  return 18 + Math.abs(j - i) * 16 + (j < i ? 12 : 0) + extra;
}

/** Inward row neighbours: a straight arrow; longer, outward or undeclared hops: arcs above the row. */
function route(a: Node, b: Node, kind: EdgeKind): { path: string; lx: number; ly: number } {
  if (a.col === undefined || b.col === undefined) {
    // To or from the management tier, between the rows; undeclared ones beside the declared.
    const shift = kind === "undeclared" ? 14 : 0;
    const down = a.y < b.y;
    const x1 = a.x + BOX.w / 2 + shift;
    const x2 = b.x + BOX.w / 2 + shift;
    const y1 = down ? a.y + BOX.h : a.y;
    const y2 = down ? b.y : b.y + BOX.h;
    return { path: `M${x1},${y1} L${x2},${y2}`, lx: (x1 + x2) / 2 + shift, ly: (y1 + y2) / 2 };
  }
  const lift = arcLift(a.col, b.col, kind);
  if (lift === 0) {
    const y = a.y + BOX.h / 2;
    return { path: `M${a.x + BOX.w},${y} L${b.x},${y}`, lx: (a.x + BOX.w + b.x) / 2, ly: y - 6 };
  }
  const sx = a.x + BOX.w / 2 + (a.x < b.x ? 10 : -10);
  const ex = b.x + BOX.w / 2 + (a.x < b.x ? -10 : 10);
  // A quadratic curve peaks halfway to its control point.
  return {
    path: `M${sx},${a.y} Q${(sx + ex) / 2},${a.y - lift * 2} ${ex},${a.y}`,
    lx: (sx + ex) / 2,
    ly: a.y - lift + 4,
  };
}

/** The deployed allows no declared flow covers (same ends and protocol, ports within). */
export function undeclaredFlows(network: NetworkProfile, flows: readonly DeployedFlow[]): DeployedFlow[] {
  return flows.filter((d) => !network.flows.some((f) => f.from === d.from && f.to === d.to && withinFlowPorts(d, f)));
}
