import type { NetworkRule, Ports, Protocol } from "./model";

/** A flow the tier model allows, as far as ports go: a protocol and the ranges it may use. */
export interface PortedFlow {
  readonly protocol: Protocol;
  readonly ports: readonly Ports[];
}

/** The rule's protocol is the flow's, and its ports lie within one of the flow's ranges. */
export function withinFlowPorts(r: Pick<NetworkRule, "protocol" | "ports">, f: PortedFlow): boolean {
  if (f.protocol !== r.protocol) return false;
  return (
    r.protocol === "icmp" ||
    (r.ports !== undefined && f.ports.some((p) => p.from <= r.ports!.from && r.ports!.to <= p.to))
  );
}
