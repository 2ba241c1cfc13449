import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { asAnalyzed, providerUrnOf, type PlannedResource } from "../posture/resource";

type ByUrn = ReadonlyMap<string, PlannedResource>;

/**
 * What one preview's requests have encoded, kept for as long as its resource map lives: a
 * resource's properties are sent twice (Analyze, then AnalyzeStack: the same object in a new
 * stack's preview) and a provider's once per resource that uses it. Encoding was most of the
 * engine side's time (`bench:fleet`). Messages are never changed once built, so sharing is safe.
 */
const encoded = new WeakMap<
  ByUrn,
  { structs: WeakMap<object, Struct>; providers: Map<string, analyzerpb.AnalyzerProviderResource> }
>();
function encodingOf(byUrn: ByUrn) {
  let e = encoded.get(byUrn);
  if (!e) encoded.set(byUrn, (e = { structs: new WeakMap(), providers: new Map() }));
  return e;
}

/** Struct.fromJavaScript refuses `undefined`: the wire has no such value, so drop those keys. */
function struct(value: Readonly<Record<string, unknown>>, byUrn: ByUrn): Struct {
  const { structs } = encodingOf(byUrn);
  let s = structs.get(value);
  if (!s) structs.set(value, (s = Struct.fromJavaScript(JSON.parse(JSON.stringify(value)))));
  return s;
}

/** Every request needs options set, or the pack answers that a newer Pulumi CLI is required. */
function options(r: PlannedResource): analyzerpb.AnalyzerResourceOptions {
  const o = new analyzerpb.AnalyzerResourceOptions();
  o.setProtect(false);
  o.setIgnorechangesList([]);
  o.setDeletebeforereplace(false);
  o.setDeletebeforereplacedefined(false);
  o.setAdditionalsecretoutputsList([]);
  o.setAliasesList((r.aliases ?? []).flatMap((a) => (a.urn ? [a.urn] : [])));
  o.setCustomtimeouts(new analyzerpb.AnalyzerResourceOptions.CustomTimeouts());
  if (r.parent) o.setParent(r.parent);
  return o;
}

/** The provider a resource uses, as the engine describes it: from `<urn>::<id>` references. */
function provider(r: PlannedResource, byUrn: ByUrn): analyzerpb.AnalyzerProviderResource | undefined {
  if (!r.provider) return undefined;
  const urn = providerUrnOf(r.provider);
  const p = byUrn.get(urn);
  if (!p) return undefined;
  const { providers } = encodingOf(byUrn);
  let out = providers.get(urn);
  if (!out) {
    out = new analyzerpb.AnalyzerProviderResource();
    out.setType(p.type);
    out.setUrn(p.urn);
    out.setName(p.name);
    out.setProperties(struct(asAnalyzed(p).inputs, byUrn));
    providers.set(urn, out);
  }
  return out;
}

/**
 * The fields `Analyze` and `AnalyzeStack` describe a resource with. As the engine does, `Analyze`
 * carries the inputs and `AnalyzeStack` the outputs, once the provider has returned them.
 */
function describe<M extends analyzerpb.AnalyzeRequest | analyzerpb.AnalyzerResource>(
  msg: M,
  r: PlannedResource,
  byUrn: ByUrn,
  properties: Readonly<Record<string, unknown>>,
): M {
  msg.setType(r.type);
  msg.setUrn(r.urn);
  msg.setName(r.name);
  msg.setProperties(struct(properties, byUrn));
  msg.setOptions(options(r));
  const p = provider(r, byUrn);
  if (p) msg.setProvider(p);
  return msg;
}

/** `Analyze`: one resource, as the engine sends it when the resource is registered. */
export function analyzeRequest(
  r: PlannedResource,
  byUrn: ReadonlyMap<string, PlannedResource>,
): analyzerpb.AnalyzeRequest {
  return describe(new analyzerpb.AnalyzeRequest(), r, byUrn, r.inputs);
}

/** `AnalyzeStack`: every resource, with parents and (property) dependencies. */
export function analyzeStackRequest(
  resources: readonly PlannedResource[],
  byUrn: ByUrn = new Map(resources.map((r) => [r.urn, r])),
): analyzerpb.AnalyzeStackRequest {
  const req = new analyzerpb.AnalyzeStackRequest();
  req.setResourcesList(
    resources.map((r) => {
      const out = describe(new analyzerpb.AnalyzerResource(), r, byUrn, asAnalyzed(r).inputs);
      if (r.parent) out.setParent(r.parent);
      out.setDependenciesList([...r.dependencies]);
      const deps = out.getPropertydependenciesMap();
      for (const [key, urns] of Object.entries(r.propertyDependencies)) {
        const d = new analyzerpb.AnalyzerPropertyDependencies();
        d.setUrnsList([...urns]);
        deps.set(key, d);
      }
      return out;
    }),
  );
  return req;
}
