import { readFileSync } from "node:fs";
import { join } from "node:path";
import type {
  PolicyResource,
  PolicyResourceOptions,
  ReportViolation,
  ResourceValidationArgs,
  StackValidationArgs,
} from "@pulumi/policy";
import { forgetEarlierRuns, PACK_NAME, POLICIES } from "../policy-packs/zero-trust/policies";
import { asAnalyzed, providerUrnOf, type PlannedResource } from "../posture/resource";
import { PACK_DIR } from "./build-pack";
import { reconcilePackConfig, type PublishedPolicy, type ReconciledPackConfig } from "./pack-config";
import type { Diagnostic, EnforcementLevel, PackConfig } from "./pack-server";

type Policy = (typeof POLICIES)[number];

/** The pack's version, as run-policy-pack reads it from the pack's package.json. */
export const PACK_VERSION: string = JSON.parse(readFileSync(join(PACK_DIR, "package.json"), "utf8")).version;

/** The pack's policies as it publishes them to the engine (GetAnalyzerInfo). */
const PUBLISHED: readonly PublishedPolicy[] = POLICIES.map((p) => ({
  name: p.name,
  enforcementLevel: p.enforcementLevel ?? "advisory",
  configSchema: p.configSchema?.properties,
}));

/**
 * A policy's level and the properties it reads (`args.getConfig()`), from the reconciled config
 * (which gives every policy a level). A remediation level reports as mandatory: nothing is
 * remediated.
 */
function settingsOf(policy: Policy, config: ReconciledPackConfig) {
  const { enforcementLevel, ...properties } = config[policy.name]!;
  const level: EnforcementLevel = enforcementLevel === "remediate" ? "mandatory" : enforcementLevel;
  return { level, properties };
}

/**
 * Violations as the server reports them: the policy's description, then the message. A resource
 * policy's violation belongs to the resource analysed unless it names another (`of`).
 */
function reporter(policy: Policy, level: EnforcementLevel, out: Diagnostic[], of?: string): ReportViolation {
  return (message, urn = of) => {
    // The pack's policies report strings; the object form (a violation naming another policy) is never used.
    const text = typeof message === "string" && message ? `${policy.description}\n${message}` : policy.description;
    out.push({
      policyName: policy.name,
      policyPackName: PACK_NAME,
      message: text,
      enforcementLevel: level,
      ...(urn ? { urn } : {}),
    });
  };
}

const OPTIONS: PolicyResourceOptions = {
  protect: false,
  ignoreChanges: [],
  aliases: [],
  customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
  additionalSecretOutputs: [],
};
const NO_TAGS: ReadonlyMap<string, string> = new Map();
const notApplicable = (reason?: string): never => {
  throw new Error(`a zero-trust policy declared itself not applicable (${reason}); the pack's policies never do`);
};
// Type checks against SDK classes: the pack reads types by token, never by class.
const byClass = () => false;

/** A failing policy stops the run, as the server answers the engine with an error. */
function run(policy: Policy, validate: () => void | Promise<void>): void {
  try {
    const done = validate();
    if (done) throw new Error("returned a promise; the zero-trust pack's policies are synchronous");
  } catch (e) {
    throw new Error(
      `Error validating resource with policy '${policy.name}' from policy pack '${PACK_NAME}@v${PACK_VERSION}': ${(e as Error).message}`,
      { cause: e },
    );
  }
}

/**
 * The zero-trust pack judged in this process: the pack's own policies (the objects its bundle
 * serves), called as `@pulumi/policy`'s server calls them on `Analyze` per custom resource (its
 * inputs) and then `AnalyzeStack` (every resource, outputs once known), with the config that
 * `Configure` would have set. No properties are encoded, sent or decoded, so a large state costs
 * one copy of itself: what `zt check` needs on a 58k-resource export. test/in-process-pack.test.ts
 * holds it to the served pack's diagnostics, one for one.
 */
export function judgeInProcess(resources: readonly PlannedResource[], given: PackConfig): Diagnostic[] {
  forgetEarlierRuns();
  const config = reconcilePackConfig(PUBLISHED, given);
  const out: Diagnostic[] = [];
  const active = POLICIES.map((policy) => ({ policy, ...settingsOf(policy, config) })).filter(
    (p) => p.level !== "disabled",
  );
  for (const r of resources) {
    if (!r.custom) continue;
    const props = r.inputs as Record<string, unknown>;
    for (const { policy, level, properties } of active) {
      if (!("validateResource" in policy) || typeof policy.validateResource !== "function") continue;
      const validate = policy.validateResource;
      const args: ResourceValidationArgs = {
        type: r.type,
        props,
        urn: r.urn,
        name: r.name,
        opts: OPTIONS,
        stackTags: NO_TAGS,
        isType: byClass,
        asType: () => undefined,
        getConfig: <T extends object>() => properties as T,
        notApplicable,
      };
      run(policy, () => validate(args, reporter(policy, level, out, r.urn)));
    }
  }
  const stack = stackResources(resources);
  for (const { policy, level, properties } of active) {
    if (!("validateStack" in policy)) continue;
    const args: StackValidationArgs = {
      resources: stack,
      stackTags: NO_TAGS,
      getConfig: <T extends object>() => properties as T,
      notApplicable,
    };
    run(policy, () => policy.validateStack(args, reporter(policy, level, out)));
  }
  return out;
}

/**
 * Every resource as a stack policy receives it: outputs where the provider has answered, parents
 * and dependencies linked to the resource objects they name (names no resource holds dropped).
 */
function stackResources(resources: readonly PlannedResource[]): PolicyResource[] {
  const byUrn = new Map<string, PolicyResource>();
  const policyResources = resources.map((r) => {
    const pr: PolicyResource = {
      type: r.type,
      props: asAnalyzed(r).inputs as Record<string, unknown>,
      urn: r.urn,
      name: r.name,
      opts: OPTIONS,
      dependencies: [],
      propertyDependencies: {},
      isType: byClass,
      asType: () => undefined,
    };
    byUrn.set(r.urn, pr);
    return pr;
  });
  const linked = (urns: readonly string[]) => urns.flatMap((u) => byUrn.get(u) ?? []);
  resources.forEach((r, i) => {
    const pr = policyResources[i]!;
    if (r.parent && byUrn.has(r.parent)) pr.parent = byUrn.get(r.parent);
    const provider = r.provider && byUrn.get(providerUrnOf(r.provider));
    if (provider) pr.provider = { type: provider.type, urn: provider.urn, name: provider.name, props: provider.props };
    pr.dependencies = linked(r.dependencies);
    for (const [key, urns] of Object.entries(r.propertyDependencies)) pr.propertyDependencies[key] = linked(urns);
  });
  return policyResources;
}
