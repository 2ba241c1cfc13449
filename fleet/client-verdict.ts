import type { Diagnostic, PackConfig } from "../engine/pack-server";
import type { Verdict } from "../engine/run-pack";
import { readLock } from "../sources/lockfile";
import { packConfigFor } from "../engine/pack-config";
import { postureOf } from "../posture/build";
import { diffLocks } from "../posture/lock-diff";
import { lockOf } from "../posture/lock";
import type { PlannedResource } from "../posture/resource";
import type { ClientProfile } from "../profile/schema";
import { deployedView, type DeployedView } from "./deployed-view";

/** One client's verdict in a fleet run (plan or check). */
export interface ClientResult {
  readonly stack: string;
  readonly client?: string;
  readonly resources: number;
  readonly mandatory: number;
  readonly advisory: number;
  /** Widening items against the stack's lockfile; undefined when it has none. */
  readonly widening?: number;
  /** Why the client fails; undefined when it passes. */
  readonly failure?: string;
  /** The validated profile, when it was valid. */
  readonly profile?: ClientProfile;
  /** Every diagnostic the pack reported (mandatory and advisory). */
  readonly violations: readonly Diagnostic[];
  /** What the resources hold (planned, or deployed); undefined when there were none to read. */
  readonly deployed?: DeployedView;
}

/** How a summary names a violation: the policy, and the resource it is on (`SecurityGroup 'web'`). */
function violationName(d: Diagnostic): string {
  if (!d.urn) return d.policyName;
  const [type = "", name = ""] = d.urn.split("::").slice(-2);
  return `${d.policyName} on ${type.split(":").pop()} '${name}'`;
}

/** The first few, and how many more: a summary line says why without becoming the whole report. */
function namedFew(names: readonly string[], few = 3): string {
  const unique = [...new Set(names)];
  const more = unique.length - few;
  return unique.slice(0, few).join("; ") + (more > 0 ? `; and ${more} more` : "");
}

/** A client that could not be checked at all (invalid profile, missing state...). */
export function failedClient(stack: string, failure: string, profile?: ClientProfile): ClientResult {
  return { stack, resources: 0, mandatory: 0, advisory: 0, violations: [], failure, ...(profile ? { profile } : {}) };
}

/**
 * Runs the pack on one client's resources (planned, or read from its state), configured from its
 * profile and lockfile, and compares the posture with the lockfile.
 */
/** Runs the pack on resources: the served pack (plans) or the same policies in this process (states). */
export type Judge = (resources: readonly PlannedResource[], config: PackConfig) => Verdict | Promise<Verdict>;

export async function checkClient(
  judge: Judge,
  stacksDir: string,
  stack: string,
  profile: ClientProfile,
  resources: readonly PlannedResource[],
): Promise<ClientResult> {
  const lock = readLock(stacksDir, stack);
  const { diagnostics, mandatory } = await judge(resources, packConfigFor(profile, lock));
  const posture = postureOf(resources);
  const widenings = lock ? diffLocks(lock, lockOf(posture)).filter((i) => i.change === "widening") : undefined;
  const widening = widenings?.length;
  const violations = diagnostics.filter((d) => d.enforcementLevel === "mandatory");
  const problems = [
    ...(mandatory ? [`${mandatory} mandatory policy violation(s): ${namedFew(violations.map(violationName))}`] : []),
    ...(widening
      ? [`${widening} widening change(s) against the lockfile: ${namedFew(widenings!.map((w) => w.subject))}`]
      : []),
  ];
  return {
    stack,
    client: profile.client.name,
    resources: resources.filter((x) => x.custom).length,
    mandatory,
    advisory: diagnostics.length - mandatory,
    widening,
    ...(problems.length ? { failure: problems.join("; ") } : {}),
    profile,
    violations: diagnostics,
    deployed: deployedView(posture),
  };
}
