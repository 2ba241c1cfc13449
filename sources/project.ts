import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { FileError } from "./file-error";

/** The config namespace of a stack folder that belongs to no Pulumi project (this package's own). */
export const DEFAULT_PROJECT = "zt-baseline";

/**
 * The parts of `Pulumi.yaml` zt reads, as the Pulumi CLI's project schema defines them (other
 * keys are the CLI's business and pass). The Automation API would read it too, but only through
 * an installed `pulumi` binary, which offline planning must not need.
 */
export const ProjectFile = z.looseObject({
  name: z.string().regex(/^[\w.-]+$/, { message: "a project name is letters, digits, '.', '_' or '-'" }),
  runtime: z.union([z.string(), z.looseObject({ name: z.string() })]),
  main: z.string().min(1).optional(),
  stackConfigDir: z.string().min(1).optional(),
});

/** A Pulumi project as zt uses it: its name (the config namespace), program and stack folder. */
export interface Project {
  readonly dir: string;
  readonly name: string;
  /** The program file Pulumi runs: `main` (a file, or a folder's entry), else the project's entry. */
  readonly program: string;
  /** Where `Pulumi.<stack>.yaml` files live (`stackConfigDir`, else the project folder). */
  readonly stacksDir: string;
}

const PROJECT_FILES = ["Pulumi.yaml", "Pulumi.yml"];

/** The `Pulumi.yaml` at `dir` or the nearest folder above it, as the CLI looks for it. */
export function findProjectFile(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    const file = PROJECT_FILES.map((f) => join(d, f)).find((f) => existsSync(f));
    if (file) return file;
    if (dirname(d) === d) return undefined;
  }
}

/** Reads and validates a `Pulumi.yaml`; errors name the file and the key. */
export function readProject(file: string): Project {
  let doc: unknown;
  try {
    doc = parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new FileError(file, "Pulumi project", [
      { path: "(file)", message: `not YAML: ${(e as Error).message.split("\n")[0]}` },
    ]);
  }
  const parsed = ProjectFile.safeParse(doc);
  if (!parsed.success) {
    throw new FileError(
      file,
      "Pulumi project",
      parsed.error.issues.map((i) => ({ path: i.path.join(".") || "(file)", message: i.message })),
    );
  }
  const dir = dirname(file);
  const { name, main, stackConfigDir } = parsed.data;
  return {
    dir,
    name,
    program: entryOf(main ? resolve(dir, main) : dir),
    stacksDir: resolve(dir, stackConfigDir ?? "."),
  };
}

/** Projects by folder: each stack config read asks for its namespace, and a fleet has hundreds. */
const projects = new Map<string, Project | undefined>();

/** The project a folder is in (`Pulumi.yaml` there or above), if any; read once per folder. */
export function projectAt(dir: string): Project | undefined {
  const key = resolve(dir);
  if (!projects.has(key)) {
    const file = findProjectFile(key);
    projects.set(key, file ? readProject(file) : undefined);
  }
  return projects.get(key);
}

/**
 * The config namespace of the stacks in a folder: the name of the project it belongs to, as
 * `pulumi config` writes keys without one (`corp-infra:profile` in a project named corp-infra).
 */
export function configNamespace(stacksDir: string): string {
  return projectAt(stacksDir)?.name ?? DEFAULT_PROJECT;
}

/** The stack config key holding a client's profile, in a project's namespace. */
export const profileKey = (namespace: string) => `${namespace}:profile`;

/**
 * The file Node's `require` runs for a program path, as the language host requires it: a file as
 * it is; a folder by its `package.json` `main`, else its `index.ts` or `index.js`.
 */
function entryOf(path: string): string {
  if (!existsSync(path)) return ["", ".ts", ".js"].map((x) => path + x).find((f) => existsSync(f)) ?? path;
  if (!statSync(path).isDirectory()) return path;
  const pkg = join(path, "package.json");
  if (existsSync(pkg)) {
    const main = (JSON.parse(readFileSync(pkg, "utf8")) as { main?: unknown }).main;
    if (typeof main === "string") return entryOf(resolve(path, main));
  }
  return ["index.ts", "index.js"].map((f) => join(path, f)).find((f) => existsSync(f)) ?? join(path, "index.ts");
}
