import type { PolicyResource, ResourceValidationArgs } from "@pulumi/policy";
import type { PlannedResource } from "../../posture/resource";

/** The policy SDK's proxies expose their raw target under this key (see @pulumi/policy proxy.ts). */
const PROXY_TARGET = "__getSpecialProxyTarget";
const SECRET_SIG = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" };

/** The object behind a policy argument's properties: the same one for every policy of a request. */
export const propsOf = (args: { props: object }): object =>
  ((args.props as Record<string, unknown>)[PROXY_TARGET] as object | undefined) ?? args.props;

/**
 * The raw inputs behind the SDK's unknown-checking proxy: reading through the proxy throws on the
 * first value unknown during a preview, while the readers need to see the rest. Secrets (`Secret`
 * objects in resource policies) become wire-format secrets, which the readers unwrap.
 */
function raw(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const target = (value as Record<string, unknown>)[PROXY_TARGET] ?? value;
  if (Array.isArray(target)) return target.map(raw);
  if (target.constructor?.name === "Secret" && "value" in (target as object)) {
    return { ...SECRET_SIG, value: raw((target as { value: unknown }).value) };
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(target as Record<string, unknown>)) out[k] = raw(v);
  return out;
}

/**
 * A stack policy's resource, in the shape the posture readers read. Stack policies get plain
 * values behind the proxy (secrets already unwrapped), so the target is used as it is: no copy.
 */
export function fromPolicyResource(r: PolicyResource): PlannedResource {
  const propertyDependencies: Record<string, string[]> = {};
  for (const [k, deps] of Object.entries(r.propertyDependencies)) propertyDependencies[k] = deps.map((d) => d.urn);
  return {
    urn: r.urn,
    type: r.type,
    name: r.name,
    custom: true,
    parent: r.parent?.urn,
    provider: r.provider?.urn,
    dependencies: r.dependencies.map((d) => d.urn),
    propertyDependencies,
    inputs: ((r.props as Record<string, unknown>)[PROXY_TARGET] ?? r.props) as Record<string, unknown>,
  };
}

/** A resource policy's resource: the engine sends no dependencies with `Analyze`. */
export function fromResourceArgs(args: ResourceValidationArgs): PlannedResource {
  return {
    urn: args.urn,
    type: args.type,
    name: args.name,
    custom: true,
    dependencies: [],
    propertyDependencies: {},
    inputs: raw(args.props) as Record<string, unknown>,
  };
}
