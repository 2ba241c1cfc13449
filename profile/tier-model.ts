import { DEFAULT_TIER_PORTS, INTERNET, MANAGEMENT_PORTS, REDIRECT_PORT, WEB_PORTS } from "./network-defaults";
import type { Flow } from "./network";
import { describePortRange, type PortRange } from "../posture/ports";

/** What the tier-model checks need to know of the network profile. */
export interface TierModel {
  readonly tiers: readonly string[];
  readonly edgeTier: string;
  readonly managementTier: string;
  readonly allowHttpRedirect: boolean;
}

export interface TierModelIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

/** Workload tiers from the internet inwards: every tier but the management one. */
export function workloadTiers(model: TierModel): string[] {
  return model.tiers.filter((t) => t !== model.managementTier);
}

export function edgePorts(model: TierModel): number[] {
  return model.allowHttpRedirect ? [...WEB_PORTS, REDIRECT_PORT] : [...WEB_PORTS];
}

const single = (p: number): PortRange => ({ from: p, to: p });

/** The flows a tier model allows when the profile declares none: each tier reaches the next one in. */
export function defaultFlows(model: TierModel): Flow[] {
  const order = workloadTiers(model);
  const flows: Flow[] = [{ from: INTERNET, to: model.edgeTier, protocol: "tcp", ports: edgePorts(model).map(single) }];
  for (let i = 0; i + 1 < order.length; i++) {
    const to = order[i + 1]!;
    flows.push({ from: order[i]!, to, protocol: "tcp", ports: (DEFAULT_TIER_PORTS[to] ?? [443]).map(single) });
  }
  for (const to of order.slice(1)) {
    flows.push({ from: model.managementTier, to, protocol: "tcp", ports: MANAGEMENT_PORTS.map(single) });
  }
  return flows;
}

function flowKey(f: Flow): string {
  return `${f.from}>${f.to}/${f.protocol}/${f.ports.map(describePortRange).join(",")}`;
}

/** Every way a tier model flattens segmentation or contradicts itself, with the offending path. */
export function checkTierModel(model: TierModel, flows: readonly Flow[] | undefined): TierModelIssue[] {
  const issues: TierModelIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });

  const seen = new Set<string>();
  model.tiers.forEach((t, i) => {
    if (t === INTERNET) add(["tiers", i], '"internet" is reserved and cannot name a tier');
    if (seen.has(t)) add(["tiers", i], `tier "${t}" is declared twice`);
    seen.add(t);
  });
  if (!seen.has(model.edgeTier))
    add(["edgeTier"], `edge tier "${model.edgeTier}" is not one of the tiers (${model.tiers.join(", ")})`);
  if (!seen.has(model.managementTier)) {
    add(
      ["managementTier"],
      `management tier "${model.managementTier}" is not one of the tiers (${model.tiers.join(", ")})`,
    );
  }
  const order = workloadTiers(model);
  if (seen.has(model.edgeTier) && order[0] !== model.edgeTier) {
    add(["tiers"], `the edge tier "${model.edgeTier}" must come first: tiers are listed from the internet inwards`);
  }
  if (issues.length > 0 || !flows) return issues;

  const web = edgePorts(model);
  const keys = new Set<string>();
  flows.forEach((f, i) => {
    const at = (...rest: (string | number)[]) => ["flows", i, ...rest];
    const name = `${f.from} -> ${f.to}`;
    for (const end of ["from", "to"] as const) {
      if (f[end] !== INTERNET && !seen.has(f[end]))
        add(at(end), `flow ${name}: "${f[end]}" is not a declared tier (${model.tiers.join(", ")})`);
    }
    if (f.from === INTERNET && f.to === INTERNET) add(at(), `flow ${name}: a flow must reach or leave a tier`);
    if (f.protocol === "icmp" && f.ports.length > 0) add(at("ports"), `flow ${name}: icmp has no ports; remove them`);
    if (f.protocol !== "icmp" && f.ports.length === 0)
      add(at("ports"), `flow ${name}: name the ${f.protocol} ports the flow needs`);
    if (f.cidrs && f.from !== INTERNET && f.to !== INTERNET) {
      add(at("cidrs"), `flow ${name}: tier-to-tier flows are between tiers, not addresses; remove cidrs`);
    }
    const key = flowKey(f);
    if (keys.has(key)) add(at(), `flow ${name} is declared twice`);
    keys.add(key);

    const fromIdx = order.indexOf(f.from);
    const toIdx = order.indexOf(f.to);
    if (f.from === INTERNET) {
      if (f.to !== model.edgeTier) {
        add(
          at("to"),
          `flow ${name}: only the edge tier "${model.edgeTier}" may accept internet traffic; reach "${f.to}" through the edge or through ZTNA`,
        );
      } else if (f.protocol !== "tcp" || f.ports.some((p) => p.from !== p.to || !web.includes(p.from))) {
        add(
          at("ports"),
          `flow ${name}: the edge accepts only tcp ${web.join(", ")} from the internet${model.allowHttpRedirect ? "" : " (80 with allowHttpRedirect)"}`,
        );
      }
    } else if (f.to === INTERNET) {
      if (f.from !== model.edgeTier && !f.reason) {
        add(
          at("reason"),
          `flow ${name}: egress to the internet from an inner tier needs a reason (what it calls, and why not through a proxy)`,
        );
      }
    } else if (f.to === model.managementTier && f.from !== model.managementTier && !f.reason) {
      add(
        at("to"),
        `flow ${name}: the management tier reaches others, not the other way round; give a reason if this is really needed`,
      );
    } else if (fromIdx >= 0 && toIdx >= 0) {
      if (toIdx < fromIdx) {
        add(
          at("to"),
          `flow ${name} points back towards the internet; flows go inwards only (replies are allowed by stateful rules)`,
        );
      } else if (toIdx > fromIdx + 1 && !f.reason) {
        add(
          at("to"),
          `flow ${name} skips the ${order.slice(fromIdx + 1, toIdx).join(", ")} tier; go through it, or give a reason`,
        );
      }
    }
  });
  return issues;
}
