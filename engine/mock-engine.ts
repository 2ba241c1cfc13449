import * as pulumi from "@pulumi/pulumi";
import { runInPulumiStack } from "@pulumi/pulumi/runtime/stack";
import { providerUrnOf, type PlannedResource, type ResourceAlias } from "../posture/resource";
import { deployed, deployedCall } from "./deployed-outputs";
import { OPAQUE_SECRET } from "../posture/values";
import { engineUrn } from "./urn";

/** The parts of a RegisterResourceRequest the recorder reads (see @pulumi/pulumi/proto/resource_pb). */
interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getProvider(): string;
  getDependenciesList(): string[];
  getPropertydependenciesMap(): { forEach(cb: (deps: { getUrnsList(): string[] }, key: string) => void): void };
  getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
  getAliasesList(): { getUrn(): string; getSpec(): { getName(): string; getType(): string } | undefined }[];
}
interface RegisterResponse {
  getUrn(): string;
  getId(): string;
  getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
}
type Callback = (err: unknown, res?: RegisterResponse) => void;
interface Monitor {
  /** The mock monitor's URN maker (@pulumi/pulumi/runtime/mocks): replaced by the engine's rule. */
  newUrn(parent: string, type: string, name: string): string;
  registerResource(req: RegisterRequest, cb: Callback): unknown;
  registerResourceOutputs(
    req: { getUrn(): string; getOutputs(): { toJavaScript(): Record<string, unknown> } | undefined },
    cb: (err: unknown) => void,
  ): unknown;
}

export interface MockRunOptions {
  readonly project: string;
  readonly stack: string;
  /** Flat Pulumi config: "<namespace>:<key>" to string (structured values as JSON). */
  readonly config: Record<string, string>;
  /**
   * `new` (the default): a new stack's preview, ids unknown, outputs only what inputs give.
   * `deployed`: the same stack after `pulumi up`, ids and provider-computed outputs known.
   */
  readonly mode?: StackMode;
}

/** Whether Node was asked for a stack depth (`--stack-trace-limit`, on its command line or in NODE_OPTIONS). */
const STACK_TRACE_LIMIT_GIVEN = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)].some((a) =>
  a.startsWith("--stack-trace-limit"),
);

/** Which of a stack's views a mock run produces (see MockRunOptions.mode). */
export type StackMode = "new" | "deployed";

export interface MockRunResult {
  readonly resources: PlannedResource[];
  /** Stack outputs as serialized for the engine: secrets keep their signature wrapper. */
  readonly outputs: Record<string, unknown>;
}

/**
 * Runs a Pulumi program under the mock runtime as the engine would during a `pulumi preview`:
 * of a new stack (ids unknown), or of the same stack once deployed (ids and outputs known, as
 * providers return them). Every registration is recorded with its parent, dependencies and
 * property dependencies, exactly as the engine would hand it to a policy pack.
 * The mock runtime is process-global: call this once per process.
 */
export async function runProgramOffline(program: () => unknown, opts: MockRunOptions): Promise<MockRunResult> {
  const deployedMode = opts.mode === "deployed";
  const providerInputs = new Map<string, Record<string, unknown>>();
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        // New: unknown ids, as in a preview; state echoes inputs so outputs derived from inputs resolve.
        if (!deployedMode) return { id: undefined, state: args.inputs };
        const provider = args.provider ? providerInputs.get(providerUrnOf(args.provider)) : undefined;
        const { id, outputs } = deployed({
          type: args.type,
          name: args.name,
          inputs: args.inputs,
          providerInputs: provider,
        });
        return { id, state: outputs };
      },
      call: (args) => (deployedMode ? deployedCall(args.token, args.inputs) : args.inputs),
    },
    opts.project,
    opts.stack,
    true,
  );
  // Config the stack file holds encrypted is marked secret, as the engine marks it.
  pulumi.runtime.setAllConfig(
    opts.config,
    Object.keys(opts.config).filter((k) => opts.config[k] === OPAQUE_SECRET),
  );

  const resources: PlannedResource[] = [];
  const monitor = pulumi.runtime.getMonitor() as unknown as Monitor;
  // URNs as the engine gives them (engine/urn.ts), for registrations and reads alike.
  monitor.newUrn = (parent, type, name) => engineUrn(opts.stack, opts.project, parent || undefined, type, name);
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, cb) =>
    register(req, (err, res) => {
      if (!err && res) {
        const r = recordOf(req, res, deployedMode);
        if (r.type.startsWith("pulumi:providers:")) providerInputs.set(r.urn, r.inputs);
        resources.push(r);
      }
      cb(err, res);
    });

  let outputs: Record<string, unknown> = {};
  const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
  monitor.registerResourceOutputs = (req, cb) => {
    if (req.getUrn().endsWith(`::pulumi:pulumi:Stack::${opts.project}-${opts.stack}`)) {
      outputs = req.getOutputs()?.toJavaScript() ?? {};
    }
    return registerOutputs(req, cb);
  };

  // The SDK records a source position per resource and takes a stack trace for each promise and
  // output it makes; offline nobody reads them (zt reports an error's message, never its frames).
  // Mapped through source maps (Node's own under tsx, or a hook such as a test runner's
  // Error.prepareStackTrace) each costs milliseconds: none is mapped during the run. Frames are
  // not even captured (a plan ~20% less CPU), unless Node is given `--stack-trace-limit`; the
  // SDK's source positions set their own limit.
  const sourceMaps = process.sourceMapsEnabled;
  const hooks = Error as { prepareStackTrace?: ErrorConstructor["prepareStackTrace"] };
  const prepareStackTrace = hooks.prepareStackTrace;
  const stackTraceLimit = Error.stackTraceLimit;
  process.setSourceMapsEnabled(false);
  hooks.prepareStackTrace = undefined;
  if (!STACK_TRACE_LIMIT_GIVEN) Error.stackTraceLimit = 0;
  try {
    await runInPulumiStack(async () => program());
    // Stack outputs can settle before every registration has: wait for the engine traffic to
    // drain, as the language host does before it exits (`waitForRPCs` is internal, hence untyped).
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
  } finally {
    process.setSourceMapsEnabled(sourceMaps);
    hooks.prepareStackTrace = prepareStackTrace;
    Error.stackTraceLimit = stackTraceLimit;
  }
  return { resources, outputs };
}

function recordOf(req: RegisterRequest, res: RegisterResponse, deployedMode: boolean): PlannedResource {
  const propertyDependencies: Record<string, string[]> = {};
  req.getPropertydependenciesMap().forEach((deps, key) => {
    propertyDependencies[key] = deps.getUrnsList();
  });
  return {
    urn: res.getUrn(),
    type: req.getType(),
    name: req.getName(),
    custom: req.getCustom(),
    ...(deployedMode && req.getCustom() && res.getId() ? { id: res.getId() } : {}),
    parent: req.getParent() || undefined,
    provider: req.getProvider() || undefined,
    dependencies: req.getDependenciesList(),
    propertyDependencies,
    inputs: req.getObject()?.toJavaScript() ?? {},
    ...(deployedMode && req.getCustom() ? { outputs: res.getObject()?.toJavaScript() ?? {} } : {}),
    ...(req.getAliasesList().length > 0 ? { aliases: req.getAliasesList().map(aliasOf) } : {}),
  };
}

function aliasOf(a: ReturnType<RegisterRequest["getAliasesList"]>[number]): ResourceAlias {
  if (a.getUrn()) return { urn: a.getUrn() };
  const spec = a.getSpec();
  return { ...(spec?.getName() ? { name: spec.getName() } : {}), ...(spec?.getType() ? { type: spec.getType() } : {}) };
}
