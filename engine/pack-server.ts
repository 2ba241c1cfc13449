import * as grpc from "@grpc/grpc-js";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { PlannedResource } from "../posture/resource";
import { analyzeRequest, analyzeStackRequest } from "./analyzer-requests";

import type { EnforcementLevel, PackConfig } from "../sources/policy-pack-config";
import { reconcilePackConfig } from "./pack-config";

export type { EnforcementLevel, PackConfig };
const LEVELS: Record<number, EnforcementLevel> = { 0: "advisory", 1: "mandatory", 2: "disabled", 3: "remediate" };
const LEVEL_CODES: Record<EnforcementLevel, analyzerpb.EnforcementLevel> = {
  advisory: 0,
  mandatory: 1,
  disabled: 2,
  remediate: 3,
};

/** A policy violation as the engine receives it. */
export interface Diagnostic {
  readonly policyName: string;
  readonly policyPackName: string;
  readonly message: string;
  readonly enforcementLevel: EnforcementLevel;
  /** Set by stack policies; resource-policy violations belong to the analysed resource. */
  readonly urn?: string;
}

export interface PolicyInfo {
  readonly name: string;
  readonly enforcementLevel: EnforcementLevel;
  readonly description: string;
  readonly configSchema?: Record<string, unknown>;
  /** The policy's tags as the pack publishes them: its layer, then its references. */
  readonly tags: readonly string[];
}

const RUN_POLICY_PACK = require.resolve("@pulumi/pulumi/cmd/run-policy-pack");

/**
 * A policy pack served by `@pulumi/pulumi`'s run-policy-pack, started the way the Pulumi engine
 * starts it (`node run-policy-pack <engine> <pack dir>`, from the pack's folder) and driven over
 * the Analyzer gRPC protocol. Nothing here reimplements the pack's side.
 */
export class PackServer {
  /** What the pack publishes: it does not change while it serves. */
  private published?: PackInfo;

  private constructor(
    private readonly child: ChildProcess,
    private readonly client: AnalyzerClient,
    private readonly stderr: string[],
  ) {}

  /**
   * Starts the pack in `packDir`; `runPolicyPack` is the script that serves it (by default this
   * package's `@pulumi/pulumi`'s, as the engine finds the one beside the pack).
   */
  static async start(
    packDir: string,
    { timeoutMs = 30_000, runPolicyPack = RUN_POLICY_PACK }: { timeoutMs?: number; runPolicyPack?: string } = {},
  ): Promise<PackServer> {
    const dir = resolve(packDir);
    // Offline there is no engine to call back; the pack only needs an address to hold on to.
    const child = spawn(process.execPath, [runPolicyPack, "127.0.0.1:1", dir], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stderr: string[] = [];
    child.stderr!.on("data", (d: Buffer) => stderr.push(d.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`policy pack did not start within ${timeoutMs} ms\n${stderr.join("")}`)),
        timeoutMs,
      );
      const lines = createInterface({ input: child.stdout! });
      lines.once("line", (line) => {
        clearTimeout(timer);
        const port = Number(line.trim());
        Number.isInteger(port) && port > 0
          ? resolve(port)
          : reject(new Error(`policy pack printed "${line}" instead of its port`));
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`policy pack exited with code ${code} before serving:\n${stderr.join("")}`));
      });
    });
    const client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
      "grpc.max_receive_message_length": 1 << 30,
      "grpc.max_send_message_length": 1 << 30,
    });
    return new PackServer(child, client, stderr);
  }

  private call<Req, Res>(
    method: (req: Req, cb: (err: grpc.ServiceError | null, res: Res) => void) => unknown,
    req: Req,
  ): Promise<Res> {
    return new Promise((resolve, reject) =>
      method.call(this.client, req, (err, res) =>
        err ? reject(new Error(`${err.message}\n${this.stderr.join("")}`)) : resolve(res),
      ),
    );
  }

  /** The pack's name, version and policies (GetAnalyzerInfo), asked once per server. */
  async info(): Promise<PackInfo> {
    return (this.published ??= infoOf(
      await this.call<Empty, analyzerpb.AnalyzerInfo>(this.client.getAnalyzerInfo, new Empty()),
    ));
  }

  /**
   * What `--policy-pack-config` does: the engine reconciles the given config with what the pack
   * publishes (every policy's own level and defaults, `all`'s level) and configures the result.
   */
  async configure(config: PackConfig): Promise<void> {
    const req = new analyzerpb.ConfigureAnalyzerRequest();
    const map = req.getPolicyconfigMap();
    const reconciled = reconcilePackConfig((await this.info()).policies, config);
    for (const [name, { enforcementLevel, ...properties }] of Object.entries(reconciled)) {
      const c = new analyzerpb.PolicyConfig();
      c.setEnforcementlevel(LEVEL_CODES[enforcementLevel]);
      c.setProperties(Struct.fromJavaScript(JSON.parse(JSON.stringify(properties))));
      map.set(name, c);
    }
    await this.call(this.client.configure, req);
  }

  /** Resource policies on one resource (the engine calls this as each resource registers). */
  async analyze(resource: PlannedResource, byUrn: ReadonlyMap<string, PlannedResource>): Promise<Diagnostic[]> {
    const res = await this.call<analyzerpb.AnalyzeRequest, analyzerpb.AnalyzeResponse>(
      this.client.analyze,
      analyzeRequest(resource, byUrn),
    );
    return diagnostics(res).map((d) => ({ ...d, urn: d.urn ?? resource.urn }));
  }

  /** Stack policies over every resource (the engine calls this once, after the program). */
  async analyzeStack(
    resources: readonly PlannedResource[],
    byUrn?: ReadonlyMap<string, PlannedResource>,
  ): Promise<Diagnostic[]> {
    return this.analyzeStackRaw(analyzeStackRequest(resources, byUrn));
  }

  /** AnalyzeStack with a request built beforehand (benchmarks time the server, not the encoding). */
  async analyzeStackRaw(request: analyzerpb.AnalyzeStackRequest): Promise<Diagnostic[]> {
    return diagnostics(
      await this.call<analyzerpb.AnalyzeStackRequest, analyzerpb.AnalyzeResponse>(this.client.analyzeStack, request),
    );
  }

  /** The pack server's process id (for memory figures). */
  get pid(): number {
    return this.child.pid!;
  }

  /** Both passes, as a preview runs them: `analyze` per resource, then `analyzeStack`. */
  async analyzeAll(resources: readonly PlannedResource[]): Promise<Diagnostic[]> {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const custom = resources.filter((r) => r.custom);
    // A bounded number of Analyze calls in flight, as the engine registers resources a few at a
    // time: all at once held every request and response of a 58k-resource state in memory.
    const perResource: Diagnostic[][] = new Array(custom.length);
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < custom.length; i = next++) perResource[i] = await this.analyze(custom[i]!, byUrn);
    };
    await Promise.all(Array.from({ length: Math.min(ANALYZE_IN_FLIGHT, custom.length) }, lane));
    return [...perResource.flat(), ...(await this.analyzeStack(resources, byUrn))];
  }

  async stop(): Promise<void> {
    this.client.close();
    if (this.child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      this.child.once("exit", () => resolve());
      this.child.kill();
    });
  }
}

/** Analyze calls in flight at once: enough to keep the server busy, few enough to hold little. */
const ANALYZE_IN_FLIGHT = 32;

/** What GetAnalyzerInfo tells of the pack. */
export interface PackInfo {
  readonly name: string;
  readonly version: string;
  readonly policies: readonly PolicyInfo[];
}

function infoOf(info: analyzerpb.AnalyzerInfo): PackInfo {
  return {
    name: info.getName(),
    version: info.getVersion(),
    policies: info.getPoliciesList().map((p) => ({
      name: p.getName(),
      description: p.getDescription(),
      enforcementLevel: LEVELS[p.getEnforcementlevel()]!,
      configSchema: p.getConfigschema()?.getProperties()?.toJavaScript(),
      tags: p.getTagsList(),
    })),
  };
}

function diagnostics(res: analyzerpb.AnalyzeResponse): Diagnostic[] {
  return res.getDiagnosticsList().map((d) => ({
    policyName: d.getPolicyname(),
    policyPackName: d.getPolicypackname(),
    message: d.getMessage(),
    enforcementLevel: LEVELS[d.getEnforcementlevel()]!,
    ...(d.getUrn() ? { urn: d.getUrn() } : {}),
  }));
}
