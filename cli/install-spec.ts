import { readFileSync } from "node:fs";
import { basename, dirname, isAbsolute, relative, resolve } from "node:path";

/**
 * The `zt-baseline` dependency `zt init` writes: the one the project this zt was installed into
 * names (a tarball, a git URL, a registry range), so the new project's `npm install` finds the
 * package where the user got it. A `file:` path is rebased onto the new project's folder (npm reads
 * it from the folder of the package.json that names it). Undefined when zt does not run from a
 * project's node_modules (from this repository's sources, say).
 */
export function installedSpec(packageRoot: string, newProject: string): string | undefined {
  if (basename(dirname(packageRoot)) !== "node_modules") return undefined;
  const owner = dirname(dirname(packageRoot));
  let manifest: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  try {
    manifest = JSON.parse(readFileSync(resolve(owner, "package.json"), "utf8"));
  } catch {
    return undefined;
  }
  const spec = manifest.dependencies?.["zt-baseline"] ?? manifest.devDependencies?.["zt-baseline"];
  if (typeof spec !== "string" || !spec.trim()) return undefined;
  const file = /^file:(.*)$/.exec(spec.trim());
  if (!file) return spec.trim();
  const path = file[1]!;
  if (isAbsolute(path)) return `file:${path}`;
  const rebased = relative(resolve(newProject), resolve(owner, path)).split("\\").join("/");
  return `file:${rebased.startsWith(".") ? rebased : `./${rebased}`}`;
}
