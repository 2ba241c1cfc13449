import { createHash } from "node:crypto";
import { z } from "zod";
import { SECRET_SIG, SIG_KEY, type PlannedResource } from "../posture/resource";
import { OPAQUE_SECRET, replaceSecrets } from "../posture/values";
import { FileError, fileProblems } from "./file-error";
import { readJsonFile } from "./json-file";

/**
 * apitype.ResourceV3: a resource as the Pulumi CLI writes it in `pulumi stack export`
 * (deployment.resources) and in `pulumi preview --json` (steps[].oldState/newState). Only the
 * fields the readers use are checked; the CLI's others (protect, created, sourcePosition...) pass.
 */
export const ResourceV3 = z.looseObject({
  urn: z.string().regex(/^urn:pulumi:[^:]*::[^:]*::/, "expected a Pulumi URN (urn:pulumi:<stack>::<project>::...)"),
  type: z.string().min(1),
  custom: z.boolean().optional(),
  delete: z.boolean().optional(),
  id: z.string().optional(),
  inputs: z.record(z.string(), z.unknown()).nullable().optional(),
  outputs: z.record(z.string(), z.unknown()).nullable().optional(),
  parent: z.string().optional(),
  /** A provider reference: `<provider urn>::<provider id>`. */
  provider: z.string().optional(),
  dependencies: z.array(z.string()).nullable().optional(),
  /** The engine writes `null` for a property that came from no other resource. */
  propertyDependencies: z.record(z.string(), z.array(z.string()).nullable()).nullable().optional(),
});
export type ResourceV3 = z.output<typeof ResourceV3>;

/** apitype.UntypedDeployment holding a DeploymentV3 (version 4 only adds `features`). */
const StackExport = z.looseObject({
  version: z.union([z.literal(3), z.literal(4)], {
    error: "expected 3 (or 4): the version `pulumi stack export` writes",
  }),
  deployment: z.looseObject({
    manifest: z.looseObject({ time: z.string().optional(), version: z.string().optional() }).optional(),
    resources: z.array(ResourceV3).nullable().optional(),
  }),
});

/** The secret the readers see for one the file holds only as ciphertext (or blinded). */
const OPAQUE = { [SIG_KEY]: SECRET_SIG, value: OPAQUE_SECRET };

/**
 * Secrets as the CLI writes them: `{sig, ciphertext}` in a stack export (never decrypted here: it
 * stays opaque, and every reader treats it as unknown), `{sig, plaintext}` with `--show-secrets`,
 * and, with `blinded`, the string "[secret]" that `pulumi preview --json` writes for every secret
 * (display.MassageSecrets), so that no rule takes "[secret]" for an address or a name. All become
 * the wire's secret wrapper, the shape the readers and the pack already know.
 */
function decodeSecrets(v: unknown, blinded: boolean): unknown {
  if (blinded && v === "[secret]") return OPAQUE;
  // Copy on write: what holds no secret is kept as parsed (a large state is not held twice).
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    v.forEach((x, i) => {
      const d = decodeSecrets(x, blinded);
      if (d !== x) (out ??= [...v])[i] = d;
    });
    return out ?? v;
  }
  if (typeof v !== "object" || v === null) return v;
  const o = v as Record<string, unknown>;
  if (o[SIG_KEY] === SECRET_SIG) {
    if (typeof o.plaintext === "string") {
      try {
        return { [SIG_KEY]: SECRET_SIG, value: decodeSecrets(JSON.parse(o.plaintext), blinded) };
      } catch {
        return OPAQUE;
      }
    }
    if ("value" in o) return { [SIG_KEY]: SECRET_SIG, value: decodeSecrets(o.value, blinded) };
    return OPAQUE;
  }
  let out: Record<string, unknown> | undefined;
  for (const k in o) {
    const d = decodeSecrets(o[k], blinded);
    if (d !== o[k]) (out ??= { ...o })[k] = d;
  }
  return out ?? o;
}

const WHAT = "`pulumi stack export` file";

/** The resource's name: the URN's last part (`urn:pulumi:<stack>::<project>::<type>::<name>`). */
const nameOf = (urn: string) => urn.split("::").slice(3).join("::");

/**
 * A ResourceV3 in the readers' shape: id, inputs and outputs kept, `null` dependencies empty.
 * `blinded`: secrets are the string "[secret]" (a `pulumi preview --json` file).
 */
export function fromV3(r: ResourceV3, blinded = false): PlannedResource {
  const propertyDependencies: Record<string, string[]> = {};
  for (const [k, urns] of Object.entries(r.propertyDependencies ?? {})) propertyDependencies[k] = urns ?? [];
  const custom = r.custom ?? true;
  return {
    urn: r.urn,
    type: r.type,
    name: nameOf(r.urn),
    custom,
    ...(r.id ? { id: r.id } : {}),
    parent: r.parent,
    provider: r.provider,
    dependencies: r.dependencies ?? [],
    propertyDependencies,
    inputs: decodeSecrets(r.inputs ?? {}, blinded) as Record<string, unknown>,
    ...(custom && r.outputs ? { outputs: decodeSecrets(r.outputs, blinded) as Record<string, unknown> } : {}),
  };
}

/** A stack export's live resources (those pending deletion are not part of the stack). */
export interface StackState {
  /** The stack the URNs name (`urn:pulumi:<stack>::...`). */
  readonly stacks: readonly string[];
  readonly resources: PlannedResource[];
}

/** The stack a URN belongs to. */
export const stackOfUrn = (urn: string) => urn.slice("urn:pulumi:".length).split("::")[0]!;

/** Reads a parsed `pulumi stack export` document; `file` names it in errors. */
export function stackStateOf(doc: unknown, file: string): StackState {
  const parsed = StackExport.safeParse(doc);
  if (!parsed.success) throw new FileError(file, WHAT, fileProblems(parsed.error));
  const resources = (parsed.data.deployment.resources ?? []).filter((r) => !r.delete).map((r) => fromV3(r));
  return { stacks: [...new Set(resources.map((r) => stackOfUrn(r.urn)))], resources };
}

/**
 * Why a state file cannot be judged as `stack`'s: it holds another stack's resources (saved under
 * the wrong name, it would pass or fail against the wrong profile). Undefined when it is the stack's.
 */
export function foreignStateProblem(state: StackState, file: string, stack: string): string | undefined {
  const foreign = state.stacks.filter((s) => s !== stack);
  return foreign.length ? `${file} holds the state of stack ${foreign.join(", ")}, not ${stack}` : undefined;
}

/** Reads and validates a `pulumi stack export` file. */
export function readStackExport(file: string): StackState {
  return stackStateOf(readJsonFile(file, WHAT), file);
}

/** Stands in for ciphertext: sealed noise derived from where the secret sits, never from its value. */
function ciphertext(where: string): string {
  const h = createHash("sha256").update(where).digest();
  return `v1:${h.subarray(0, 12).toString("base64")}:${Buffer.concat([h, h]).toString("base64")}`;
}

/** Secrets as a passphrase secrets provider writes them: ciphertext, no value. */
const encryptSecrets = (v: unknown, where: string): unknown =>
  replaceSecrets(v, (at) => ({ [SIG_KEY]: SECRET_SIG, ciphertext: ciphertext(at) }), where);

export interface ExportOptions {
  /** The root stack's outputs (the program's exports). */
  readonly outputs?: Record<string, unknown>;
  /** The CLI version the manifest names. */
  readonly cliVersion?: string;
  readonly time?: string;
}

/**
 * Writes resources as `pulumi stack export` does (apitype.UntypedDeployment, DeploymentV3): ids,
 * inputs and outputs, provider references, `null` for properties that came from no resource, and
 * secrets as ciphertext under a passphrase secrets provider. No plaintext secret is written.
 */
export function toStackExport(resources: readonly PlannedResource[], opts: ExportOptions = {}): unknown {
  const time = opts.time ?? "2026-12-01T00:00:00.000Z";
  return {
    version: 3,
    deployment: {
      manifest: {
        time,
        magic: createHash("sha256").update(time).digest("hex"),
        version: opts.cliVersion ?? "v3.270.0",
      },
      secrets_providers: {
        type: "passphrase",
        state: { salt: "v1:c2FsdHNhbHQ=:v1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==" },
      },
      resources: resources.map((r) => {
        const isStack = r.type === "pulumi:pulumi:Stack";
        const propertyDependencies = Object.fromEntries(
          Object.entries(r.propertyDependencies).map(([k, urns]) => [k, urns.length ? urns : null]),
        );
        return {
          urn: r.urn,
          custom: r.custom,
          ...(r.custom && r.id ? { id: r.id } : {}),
          type: r.type,
          ...(r.custom ? { inputs: encryptSecrets(r.inputs, `${r.urn}.inputs`) } : {}),
          outputs: encryptSecrets(
            r.custom ? (r.outputs ?? r.inputs) : isStack ? (opts.outputs ?? {}) : {},
            `${r.urn}.outputs`,
          ),
          ...(r.parent ? { parent: r.parent } : {}),
          ...(r.provider ? { provider: r.provider } : {}),
          ...(r.dependencies.length ? { dependencies: r.dependencies } : {}),
          ...(Object.keys(propertyDependencies).length ? { propertyDependencies } : {}),
          created: time,
          modified: time,
        };
      }),
    },
  };
}
