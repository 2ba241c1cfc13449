/**
 * A resource as the engine sees it at registration: what the policy pack receives in
 * `AnalyzeStack` and what the posture readers consume. Values are plain JSON as serialized
 * on the wire: unknowns (ids of resources not yet created) keep Pulumi's unknown sentinel,
 * secrets keep their signature wrapper.
 */
export interface PlannedResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  /** The provider's id, once known (a deployed stack); undefined while unknown (a new stack's preview). */
  readonly id?: string;
  readonly parent?: string;
  /** Provider reference (`<provider urn>::<provider id>`), for custom resources. */
  readonly provider?: string;
  readonly dependencies: readonly string[];
  /** For each input property, the URNs of the resources its value came from. */
  readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
  /** What `Analyze` sees: the resource's inputs. */
  readonly inputs: Readonly<Record<string, unknown>>;
  /**
   * What `AnalyzeStack` sees once the provider has answered (a deployed stack, an export): inputs
   * plus what the provider computed. Undefined while only inputs are known (a new stack's preview).
   */
  readonly outputs?: Readonly<Record<string, unknown>>;
  /** Aliases declared for the resource (by the program, or by an SDK for its old type tokens). */
  readonly aliases?: readonly ResourceAlias[];
}

/** A previous identity of a resource: a full URN, or a spec with the parts that changed. */
export interface ResourceAlias {
  readonly urn?: string;
  readonly name?: string;
  readonly type?: string;
}

/** Pulumi's wire sentinel for a value not known until apply. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** Pulumi's wire signature key, and the value that marks a secret. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

export function isSecretValue(v: unknown): v is { value: unknown } {
  return typeof v === "object" && v !== null && (v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
}

/**
 * The resource as its posture is read: its outputs (what the provider reports is deployed, as
 * `AnalyzeStack` carries them) over its inputs (what the program asked for, where the provider
 * reports nothing: azure-native path parameters, say). A new stack's preview has inputs only.
 */
export function asAnalyzed(r: PlannedResource): PlannedResource {
  return r.outputs === undefined ? r : { ...r, inputs: { ...r.inputs, ...r.outputs } };
}

/** The URN a provider reference (`<provider urn>::<provider id>`) names. */
export function providerUrnOf(reference: string): string {
  const cut = reference.lastIndexOf("::");
  return cut < 0 ? "" : reference.slice(0, cut);
}

/** The component or stack a resource belongs to, nearest first. */
export function ancestors(r: PlannedResource, byUrn: ReadonlyMap<string, PlannedResource>): PlannedResource[] {
  const out: PlannedResource[] = [];
  for (let p = r.parent && byUrn.get(r.parent); p; p = p.parent ? byUrn.get(p.parent) : undefined) out.push(p);
  return out;
}
