import type {
  PolicyResource,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationPolicy,
} from "@pulumi/policy";
import { z } from "zod";
import { postureOf } from "../../posture/build";
import { readsResource } from "../../posture/readers/read-from";
import type { Posture } from "../../posture/model";
import { settingsSchema, type Settings } from "./config";
import { fromPolicyResource, fromResourceArgs, propsOf } from "./engine-resources";
import { judge } from "./exceptions";
import { notices, packNotices } from "./pack-notices";
import { referencesOf, type Rule } from "./rule";
import { RULES } from "./rules";

/** The pack's name, as `pulumi preview --policy-pack` reports it on every diagnostic. */
export const PACK_NAME = "zero-trust";
export const PACK_DESCRIPTION = "zt-baseline: blocks deployments that widen privileges or flatten segmentation.";

/**
 * The server hands every stack policy its own copy of the same resources, one policy after the
 * other within a single turn of the event loop. The posture is read once per AnalyzeStack and
 * shared: the cache lives until the next turn, and its key guards against any other request.
 */
let shared: { key: string; posture: Posture } | undefined;
function stackPosture(resources: readonly PolicyResource[]): Posture {
  const key = `${resources.length} ${resources[0]?.urn} ${resources[resources.length - 1]?.urn}`;
  if (shared?.key !== key) {
    shared = { key, posture: postureOf(resources.map(fromPolicyResource)) };
    setImmediate(() => (shared = undefined));
  }
  return shared.posture;
}

/**
 * Forgets what an earlier run left behind (the shared stack posture, notices not yet reported),
 * for a caller that runs the policies in its own process, several runs within one turn.
 */
export function forgetEarlierRuns(): void {
  shared = undefined;
  resourcePostures.clear();
  notices.clear();
}

/**
 * One resource's posture, shared by every resource policy of the same Analyze request: the
 * server hands each the same deserialized properties (deserialize-once.ts), so they key it (with
 * the URN, should two resources ever share one object). Built per policy, the readers ran ~15
 * times over each resource. Only the latest are kept: requests in flight interleave, but a run
 * in one process over a 58k-resource state must not keep every resource's posture.
 */
const RECENT_POSTURES = 256;
const resourcePostures = new Map<object, { urn: string; posture: Posture }>();
function resourcePosture(args: ResourceValidationArgs): Posture {
  const key = propsOf(args);
  const hit = resourcePostures.get(key);
  if (hit?.urn === args.urn) return hit.posture;
  const posture = postureOf([fromResourceArgs(args)]);
  resourcePostures.set(key, { urn: args.urn, posture });
  if (resourcePostures.size > RECENT_POSTURES) resourcePostures.delete(resourcePostures.keys().next().value!);
  return posture;
}

type SettingsSchema = ReturnType<typeof settingsSchema>;

function evaluate(
  rule: Rule,
  schema: SettingsSchema,
  posture: () => Posture,
  config: unknown,
  report: ReportViolation,
): void {
  const parsed = schema.safeParse(config);
  if (!parsed.success) {
    // Fail closed: a policy that cannot read its config blocks rather than passes.
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(config)"}: ${i.message}`).join("; ");
    report(`The config of policy '${rule.name}' is invalid (${problems}); fix the --policy-pack-config file.`);
    return;
  }
  const settings = parsed.data as unknown as Settings;
  const today = new Date().toISOString().slice(0, 10);
  const findings = rule.judge(posture(), settings);
  for (const n of findings.filter((f) => f.notice))
    notices.set(`${rule.name} ${n.message}`, `${rule.name}: ${n.message}`);
  const { violations, excepted, problems } = judge(
    findings.filter((f) => !f.notice),
    settings.exceptions,
    today,
  );
  for (const v of violations) report(v.message, v.urn);
  for (const { finding, exception } of excepted) {
    notices.set(
      `${rule.name} ${finding.urn ?? ""}`,
      `${rule.name}: exception applied to ${finding.urn ?? "the stack"} until ${exception.expires}, approved by ${exception.approvedBy} (${exception.reason}). Suppressed: ${finding.message}`,
    );
  }
  for (const p of problems) notices.set(`${rule.name} ${p}`, `${rule.name}: ${p}`);
}

function policyOf(rule: Rule): StackValidationPolicy | ResourceValidationPolicy {
  // Built once per policy: zod compiles a schema on its first parse, and the server calls each
  // resource policy for every resource (rebuilding it per call was ~15% of the pack's time).
  const settings = settingsSchema([...rule.uses, "exceptions"]);
  const schema = z.toJSONSchema(settings, {
    target: "draft-7",
    io: "input",
    unrepresentable: "any",
  }) as { properties?: Record<string, object> };
  const base = {
    name: rule.name,
    description: rule.description,
    enforcementLevel: rule.enforcementLevel,
    severity: rule.severity,
    remediationSteps: rule.remediation,
    tags: [rule.layer, ...referencesOf(rule)],
    configSchema: { properties: (schema.properties ?? {}) as never },
  };
  if (rule.kind === "stack") {
    return {
      ...base,
      validateStack: (args, report) =>
        evaluate(rule, settings, () => stackPosture(args.resources), args.getConfig(), report),
    };
  }
  const reads = readsResource(rule.reads);
  return {
    ...base,
    validateResource: (args, report) => {
      if (reads(args.type, propsOf(args) as Record<string, unknown>))
        evaluate(rule, settings, () => resourcePosture(args), args.getConfig(), report);
    },
  };
}

/** The pack's policies, in the order the server runs them: every rule, then the notices. */
export const POLICIES: readonly (StackValidationPolicy | ResourceValidationPolicy)[] = [
  ...RULES.map(policyOf),
  packNotices,
];
