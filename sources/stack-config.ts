import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

export const PROJECT = "zt-baseline";
const STACK_FILE = /^Pulumi\.([\w.-]+)\.yaml$/;

/** The stacks a folder declares, by their `Pulumi.<stack>.yaml` files. */
export function listStacks(stacksDir: string): string[] {
  return readdirSync(stacksDir)
    .map((f) => STACK_FILE.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
}

export function stackFile(stacksDir: string, stack: string): string {
  return join(stacksDir, `Pulumi.${stack}.yaml`);
}

/**
 * A stack's config as the engine passes it to a program: "<namespace>:<key>" to a string, with
 * structured values as JSON. Keys without a namespace belong to the project, as in the CLI.
 */
export function loadStackConfig(stacksDir: string, stack: string): Record<string, string> {
  const file = stackFile(stacksDir, stack);
  if (!existsSync(file)) {
    const known = existsSync(stacksDir) ? listStacks(stacksDir) : [];
    throw new Error(`No stack "${stack}": ${file} does not exist. Known stacks: ${known.join(", ") || "none"}.`);
  }
  const doc = (parse(readFileSync(file, "utf8")) ?? {}) as { config?: Record<string, unknown> };
  const config: Record<string, string> = {};
  for (const [key, value] of Object.entries(doc.config ?? {})) {
    const fullKey = key.includes(":") ? key : `${PROJECT}:${key}`;
    if (typeof value === "object" && value !== null && "secure" in value) continue; // ciphertext: offline plans never see secrets
    config[fullKey] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return config;
}
