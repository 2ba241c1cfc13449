import { INTERNET } from "../../profile/network-defaults";
import type { NetworkProfile } from "../../profile/network";
import { describePorts } from "../../profile/primitives";
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

/** One edge of the diagram: every declared flow between the same two endpoints, merged. */
interface Edge {
  readonly from: string;
  readonly to: string;
  readonly labels: string[];
  readonly cidrs: string[];
}

/**
 * A client's tier graph as inline SVG: the internet and the workload tiers in a row, from the
 * outside in, the management tier below them, and one arrow per allowed flow (ports on it).
 * Everything not drawn is denied. No script, no external assets: it renders in any mail client.
 */
export function tierDiagram(network: NetworkProfile, label: string): string {
  const row = [INTERNET, ...network.tiers.filter((t) => t !== network.managementTier)];
  // The profile only lets flows name tiers or the internet; should one ever name anything else, it
  // gets a box of its own at the end of the row rather than a flow going undrawn.
  const known = new Set([...row, ...network.tiers]);
  for (const e of network.flows.flatMap((f) => [f.from, f.to])) {
    if (!known.has(e)) {
      known.add(e);
      row.push(e);
    }
  }
  const step = BOX.w + GAP;
  const index = new Map(row.map((name, i) => [name, i]));
  // Arcs rise above the row by how far they reach; the row sits just below the highest one.
  const arcs = network.flows.map((f) => arcLift(index.get(f.from), index.get(f.to))).filter((l) => l > 0);
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

  const edges = new Map<string, Edge>();
  for (const f of network.flows) {
    const key = `${f.from}>${f.to}`;
    const edge = edges.get(key) ?? { from: f.from, to: f.to, labels: [], cidrs: [] };
    edge.labels.push(f.protocol === "icmp" ? "icmp" : `${f.protocol} ${f.ports.map(describePorts).join(",")}`);
    edge.cidrs.push(...(f.cidrs ?? []));
    edges.set(key, edge);
  }

  const width = 32 + row.length * step - GAP;
  const height = (hasMgmt ? MGMT_Y + BOX.h : ROW_Y + BOX.h) + 24;
  const body = [...[...edges.values()].map((e) => edgeSvg(e, nodes)), ...[...nodes.values()].map(nodeSvg)].join("\n");
  return [
    `<svg class="tier-graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(label)}">`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="currentColor"/></marker></defs>`,
    body,
    `</svg>`,
  ].join("\n");
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
  const { path, lx, ly } = route(a, b);
  const cidrs = e.cidrs.length ? ` from/to ${e.cidrs.join(", ")}` : "";
  const title = `${e.from} → ${e.to}: ${e.labels.join("; ")}${cidrs}`;
  return [
    `<g class="flow" data-from="${escapeHtml(e.from)}" data-to="${escapeHtml(e.to)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<path d="${path}" marker-end="url(#arrow)"/>`,
    `<text x="${lx}" y="${ly}" text-anchor="middle">${escapeHtml(e.labels.join(" · "))}</text>`,
    `</g>`,
  ].join("");
}

/** How far above the row a flow between row positions i and j arcs; 0 for a straight arrow. */
function arcLift(i: number | undefined, j: number | undefined): number {
  if (i === undefined || j === undefined || j === i + 1) return 0;
  // Outward flows (egress) arc higher than inward ones over the same span, so both stay readable.
  return 18 + Math.abs(j - i) * 16 + (j < i ? 12 : 0);
}

/** Inward row neighbours: a straight arrow; longer or outward hops: arcs above the row. */
function route(a: Node, b: Node): { path: string; lx: number; ly: number } {
  if (a.col === undefined || b.col === undefined) {
    // To or from the management tier, between the rows.
    const down = a.y < b.y;
    const x1 = a.x + BOX.w / 2;
    const x2 = b.x + BOX.w / 2;
    const y1 = down ? a.y + BOX.h : a.y;
    const y2 = down ? b.y : b.y + BOX.h;
    return { path: `M${x1},${y1} L${x2},${y2}`, lx: (x1 + x2) / 2, ly: (y1 + y2) / 2 };
  }
  const lift = arcLift(a.col, b.col);
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
