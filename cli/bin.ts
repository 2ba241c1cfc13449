#!/usr/bin/env node
// The `zt` and `zt-baseline` commands. The Node version is checked here, before anything else is
// loaded: on an older Node the first dependency to load died with a stack trace (ERR_REQUIRE_ESM on
// 20.11). Only Node's own modules are used until the check has passed.
import type * as Zt from "./zt";

/** The oldest Node this package runs on: package.json's engines (">=22.12"), read as npm wrote it. */
export function minimumNode(range: string): [number, number] | undefined {
  const m = /^\s*>=\s*v?(\d+)(?:\.(\d+))?/.exec(range);
  return m ? [Number(m[1]), Number(m[2] ?? 0)] : undefined;
}

/** The one line an unsupported Node gets, or undefined when this Node will do. */
export function unsupportedNode(version: string, range: string): string | undefined {
  const min = minimumNode(range);
  const [major, minor] = version.split(".").map(Number) as [number, number];
  if (!min || major > min[0] || (major === min[0] && minor >= min[1])) return undefined;
  return `zt: zt-baseline needs Node.js ${range.trim().replace(/^>=\s*/, "")} or later; this is Node.js ${version}.`;
}

function engines(): string {
  const { readFileSync } = require("node:fs") as typeof import("node:fs");
  const { join } = require("node:path") as typeof import("node:path");
  // One folder up from the sources, two from the compiled dist/cli.
  for (const up of ["..", "../.."]) {
    try {
      const pkg = JSON.parse(readFileSync(join(__dirname, up, "package.json"), "utf8"));
      if (pkg.name === "zt-baseline") return String(pkg.engines?.node ?? ">=22.12");
    } catch {
      // not this folder
    }
  }
  return ">=22.12";
}

if (require.main === module) {
  const refusal = unsupportedNode(process.versions.node, engines());
  if (refusal) {
    process.stderr.write(`${refusal}\n`);
    process.exit(2);
  }
  (require("./zt") as typeof Zt).main(process.argv.slice(2));
}
