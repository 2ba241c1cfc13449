import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { OPAQUE_SECRET } from "../posture/values";
import { FileError } from "./file-error";
import { configNamespace } from "./project";

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
  const project = configNamespace(stacksDir);
  if (!existsSync(file)) {
    const known = existsSync(stacksDir) ? listStacks(stacksDir) : [];
    throw new Error(`No stack "${stack}": ${file} does not exist. Known stacks: ${known.join(", ") || "none"}.`);
  }
  let doc: { config?: Record<string, unknown> };
  try {
    doc = (parse(readFileSync(file, "utf8")) ?? {}) as typeof doc;
  } catch (e) {
    // The YAML library's message says where (line, column); the file name is ours to add.
    throw new FileError(file, "stack config", [
      { path: "(file)", message: `not YAML: ${(e as Error).message.split("\n")[0]}` },
    ]);
  }
  const config: Record<string, string> = {};
  for (const [key, value] of Object.entries(doc.config ?? {})) {
    const fullKey = key.includes(":") ? key : `${project}:${key}`;
    // `pulumi config set` without --path writes a dotted key that no program ever reads.
    if (fullKey.startsWith(`${project}:profile.`)) {
      throw new FileError(file, "stack config", [
        {
          path: `config.${key}`,
          message: `a profile key set on its own is never read: set it with \`pulumi config set --path '${fullKey.slice(project.length + 1)}' <value>\``,
        },
      ]);
    }
    // Ciphertext: an offline plan never decrypts it. The program still finds the key (as a secret
    // whose value is opaque), so a required secret such as a Logpush destination plans.
    if (typeof value === "object" && value !== null && "secure" in value) {
      config[fullKey] = OPAQUE_SECRET;
      continue;
    }
    config[fullKey] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return config;
}
