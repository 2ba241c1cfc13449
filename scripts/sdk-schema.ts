import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";

/**
 * The input schema of a Pulumi provider package, read from its declaration files as text: every
 * custom resource's type token (its class's `__pulumiType`), the members of its `*Args` interface,
 * and the nested input types of `types/input.d.ts` they name. The TypeScript compiler takes 12-31 s
 * and 1.2-1.9 GB only to check a program importing these four packages (FIELD-NOTES); their generated
 * declarations have one regular shape, which a small scanner reads in under 2 CPU-s and 240 MB.
 */

/** One member of an input interface, as declared. */
export interface Member {
  readonly name: string;
  /** The declared type, as written (`pulumi.Input<pulumi.Input<inputs.ec2.X>[] | undefined>`). */
  readonly type: string;
}

/** What a declared type is made of. */
export interface TypeShape {
  /** Input types it names, as `namespace.Name` (or `Name` in packages without namespaces). */
  readonly refs: readonly string[];
  /** Enumerations it names (azure-native), as `namespace.Name`. */
  readonly enums: readonly string[];
  readonly string: boolean;
  readonly boolean: boolean;
  readonly number: boolean;
  /** `any` or an index signature (`{ [key: string]: ... }`): a free-form map. */
  readonly map: boolean;
  readonly list: boolean;
  /** Members of an inline object type (`{ a: ...; b: ... }`), when the type is one. */
  readonly inline: readonly Member[];
}

export interface ResourceSchema {
  /** The type token, from the class's `static __pulumiType`. */
  readonly token: string;
  /** The declaration file, relative to the package. */
  readonly file: string;
  /** The class's name (`SecurityGroup`). */
  readonly className: string;
  readonly args: readonly Member[];
}

export interface ProviderSchema {
  readonly pkg: string;
  readonly version: string;
  readonly resources: readonly ResourceSchema[];
  /** `types/input.d.ts`: interface name (`ns.Name` or `Name`) to its members. */
  readonly inputs: ReadonlyMap<string, readonly Member[]>;
}

/** Comments out: documentation blocks and line comments (declaration files have no strings with them). */
const uncomment = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");

/** The index of the brace that closes the one at `open`. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces from offset ${open}`);
}

/** The members of an interface or object type body (the text between its braces). */
export function membersOf(body: string): Member[] {
  const out: Member[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= body.length; i++) {
    const c = i < body.length ? body[i] : ";";
    if (c === "{" || c === "<" || c === "(" || c === "[") depth++;
    else if (c === "}" || c === ">" || c === ")" || c === "]") {
      // `=>` in a function type is not a closing angle.
      if (!(c === ">" && body[i - 1] === "=")) depth--;
    } else if ((c === ";" || c === ",") && depth === 0) {
      const member = body.slice(start, i).trim();
      start = i + 1;
      const m = /^(?:readonly\s+)?(?:"([^"]+)"|'([^']+)'|([A-Za-z_$][\w$]*))\??\s*:\s*([\s\S]+)$/.exec(member);
      if (m) out.push({ name: (m[1] ?? m[2] ?? m[3])!, type: m[4]!.replace(/\s+/g, " ") });
    }
  }
  return out;
}

/** What a declared type is made of (see TypeShape). */
export function shapeOf(type: string): TypeShape {
  const refs = [...type.matchAll(/\binputs\.((?:[A-Za-z_$][\w$]*\.)?[A-Za-z_$][\w$]*)/g)].map((m) => m[1]!);
  const enums = [...type.matchAll(/\benums\.((?:[A-Za-z_$][\w$]*\.)?[A-Za-z_$][\w$]*)/g)].map((m) => m[1]!);
  // An inline object type with named members (not an index signature).
  const brace = type.indexOf("{");
  const inline =
    brace >= 0 && !/^\{\s*\[/.test(type.slice(brace)) ? membersOf(type.slice(brace + 1, closing(type, brace))) : [];
  return {
    refs: [...new Set(refs)],
    enums: [...new Set(enums)],
    string: /\bstring\b/.test(type.replace(/\[key: string\]/g, "")),
    boolean: /\bboolean\b/.test(type),
    number: /\bnumber\b/.test(type),
    map: /\[key: string\]/.test(type) || /\bany\b/.test(type),
    list: /\[\]/.test(type),
    inline,
  };
}

/** Every interface of `types/input.d.ts`, by `namespace.Name` (or `Name` outside namespaces). */
export function parseInputs(text: string): Map<string, Member[]> {
  const src = uncomment(text);
  const out = new Map<string, Member[]>();
  const re =
    /^(export declare namespace ([\w$]+) \{|(export )?\s*interface ([\w$]+)(?:<[^>]*>)?(?: extends [^{]+)? \{|\})/gm;
  let ns: string | undefined;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    if (m[2]) ns = m[2];
    else if (m[0] === "}") ns = undefined;
    else if (m[4]) {
      const open = m.index + m[0].length - 1;
      const close = closing(src, open);
      const top = m[0].startsWith("export interface");
      out.set(top || !ns ? m[4] : `${ns}.${m[4]}`, membersOf(src.slice(open + 1, close)));
      re.lastIndex = close + 1;
    }
  }
  return out;
}

/** The custom resource declared in one `.d.ts` (with its `.js` next to it), if it declares one. */
export function parseResource(dts: string, js: string, file: string): ResourceSchema | undefined {
  const cls = /export declare class ([\w$]+) extends pulumi\.CustomResource \{/.exec(dts);
  if (!cls) return undefined;
  const token = /static __pulumiType = '([^']+)'/.exec(js)?.[1];
  if (!token) throw new Error(`${file}: a custom resource class without __pulumiType in its .js`);
  const src = uncomment(dts);
  const args = new RegExp(`export interface ${cls[1]}Args \\{`).exec(src);
  const members = args
    ? membersOf(src.slice(args.index + args[0].length, closing(src, args.index + args[0].length - 1)))
    : [];
  return { token, file, className: cls[1]!, args: members };
}

function* declarationFiles(dir: string, rel = ""): Generator<string> {
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (e.name !== "node_modules" && !(rel === "" && e.name === "types")) yield* declarationFiles(dir, path);
    } else if (e.name.endsWith(".d.ts")) yield path;
  }
}

/** Reads one installed provider package (`@pulumi/aws`...) from `node_modules`. */
export function readProvider(root: string, pkg: string): ProviderSchema {
  const dir = join(root, "node_modules", pkg);
  const version = (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
  const resources: ResourceSchema[] = [];
  for (const file of declarationFiles(dir)) {
    const dts = readFileSync(join(dir, file), "utf8");
    if (!dts.includes("extends pulumi.CustomResource")) continue;
    const jsFile = join(dir, file.replace(/\.d\.ts$/, ".js"));
    const resource = parseResource(dts, existsSync(jsFile) ? readFileSync(jsFile, "utf8") : "", file);
    if (resource) resources.push(resource);
  }
  const inputs = parseInputs(readFileSync(join(dir, "types", "input.d.ts"), "utf8"));
  return { pkg, version, resources: resources.sort((a, b) => (a.token < b.token ? -1 : 1)), inputs };
}
