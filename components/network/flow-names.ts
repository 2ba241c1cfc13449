import { INTERNET } from "../../profile/network-defaults";
import type { Flow } from "../../profile/network";
import { describePortRange, type PortRange } from "../../posture/ports";

/** Stable, readable logical-name fragment for one port range of a flow: `web-to-app-tcp-8443`. */
export function flowSlug(flow: Flow, ports?: PortRange): string {
  const p = ports ? `-${describePortRange(ports)}` : "";
  return `${flow.from}-to-${flow.to}-${flow.protocol}${p}`;
}

/** What a rule's description says: which declared flow it implements. */
export function flowDescription(flow: Flow): string {
  const ports = flow.ports.length ? `/${flow.ports.map(describePortRange).join(",")}` : "";
  return `zt flow ${flow.from} -> ${flow.to} ${flow.protocol}${ports}${flow.reason ? ` (${flow.reason})` : ""}`.slice(
    0,
    255,
  );
}

/** Internet-side addresses of a flow: its declared CIDRs, or everywhere. */
export function internetCidrs(flow: Flow): string[] {
  return flow.cidrs && flow.cidrs.length > 0 ? [...flow.cidrs] : ["0.0.0.0/0"];
}

export const isInternet = (endpoint: string) => endpoint === INTERNET;
