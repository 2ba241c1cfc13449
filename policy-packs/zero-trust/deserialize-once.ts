/** The shape of `@pulumi/policy/deserialize` this relies on. */
export interface DeserializeModule {
  deserializeProperties?: (struct: object, proxySecrets: boolean) => unknown;
}

/**
 * The policy server (`@pulumi/policy` server.js) deserializes a resource's properties again for
 * every policy it runs, in Analyze and AnalyzeStack alike: with 20 stack policies, AnalyzeStack
 * paid that 20 times over every resource. The properties of one request arrive as one protobuf
 * Struct object per resource, so the result is kept per Struct for as long as the request holds
 * it. Shared between policies, it is only read: every rule reads, none writes. Secrets proxies
 * (remediation) are not cached; if the module's shape changes, nothing is patched.
 */
export function deserializeOncePerRequest(module: DeserializeModule): boolean {
  const original = module.deserializeProperties;
  if (typeof original !== "function") return false;
  const cache = new WeakMap<object, unknown>();
  module.deserializeProperties = (struct, proxySecrets) => {
    if (proxySecrets) return original(struct, proxySecrets);
    if (!cache.has(struct)) cache.set(struct, original(struct, false));
    return cache.get(struct);
  };
  return true;
}
