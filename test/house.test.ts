import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { dirname, join, normalize, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { POLICY_IDS } from "../catalog/policy-ids";
import { RULES } from "../policy-packs/zero-trust/rules";

// The house (shared/DESIGN.md, ARCHITECTURE.md): arrows that must never exist. Imports are read with
// the TypeScript compiler's own parser (already a dependency), which tells type-only imports apart.

const ROOT = join(__dirname, "..");

interface Import {
  readonly from: string;
  /** A repository path (`posture/model`) for relative imports, else the package name. */
  readonly to: string;
  readonly typeOnly: boolean;
}

/** Every import and re-export of one source text. */
export function importsOf(file: string, text: string): Import[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const out: Import[] = [];
  const add = (spec: string, typeOnly: boolean) => {
    const to = spec.startsWith(".") ? normalize(join(dirname(file), spec)) : spec;
    out.push({ from: file, to, typeOnly });
  };
  for (const s of source.statements) {
    if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier)) {
      const clause = s.importClause;
      const typeOnly =
        clause?.isTypeOnly === true ||
        (clause !== undefined &&
          clause.name === undefined &&
          clause.namedBindings !== undefined &&
          ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 &&
          clause.namedBindings.elements.every((e) => e.isTypeOnly));
      add(s.moduleSpecifier.text, typeOnly);
    } else if (ts.isExportDeclaration(s) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)) {
      add(s.moduleSpecifier.text, s.isTypeOnly);
    }
  }
  return out;
}

interface Wall {
  readonly rule: string;
  /** The files it applies to. */
  readonly in: RegExp;
  /** An import it forbids. */
  readonly forbids: (i: Import) => boolean;
}

const within =
  (...dirs: string[]) =>
  (path: string) =>
    dirs.some((d) => path === d || path.startsWith(`${d}/`));

/** One module per idea that every part may read, the profile included. */
const VOCABULARY = ["posture/ports", "posture/durations"];

export const WALLS: readonly Wall[] = [
  {
    // ipaddr.js: trusted ranges are judged by what addresses they hold, as the posture judges them.
    rule: "profile imports only the catalog and the vocabulary (and zod, ipaddr.js)",
    in: /^profile\//,
    forbids: (i) => !within("profile", "catalog", ...VOCABULARY)(i.to) && i.to !== "zod" && i.to !== "ipaddr.js",
  },
  {
    rule: "the vocabulary (ports, durations) imports nothing",
    in: new RegExp(`^(${VOCABULARY.join("|")})\\.ts$`),
    forbids: (i) => !i.typeOnly,
  },
  {
    rule: "catalog imports nothing but types",
    in: /^catalog\//,
    forbids: (i) => !i.typeOnly && !within("catalog")(i.to),
  },
  {
    rule: "rules read only the posture: no reader, no provider SDK, no component, no I/O",
    in: /^policy-packs\/zero-trust\/rules\//,
    forbids: (i) =>
      within("posture/readers", "components", "sources", "engine", "program")(i.to) ||
      i.to.startsWith("@pulumi/") ||
      i.to.startsWith("node:"),
  },
  {
    rule: "the posture does no I/O",
    in: /^posture\//,
    forbids: (i) =>
      within("sources", "engine", "cli", "fleet", "reports")(i.to) ||
      ["node:fs", "node:child_process", "fs", "child_process", "node:net", "node:http"].includes(i.to),
  },
  {
    rule: "reports never import rules",
    in: /^(reports|plan\/render|fleet\/report)\//,
    forbids: (i) => within("policy-packs/zero-trust/rules")(i.to),
  },
  {
    rule: "zt and its commands' definitions load no engine (--help, --version): cli/actions are required when a command runs (cli/lazy-actions.ts)",
    in: /^cli\/(commands\/|zt\.ts$|lazy-actions\.ts$)/,
    forbids: (i) =>
      !i.typeOnly &&
      i.to !== "commander" &&
      !i.to.startsWith("node:") &&
      !within("cli/commands", "catalog", "fleet/stacks")(i.to) &&
      ![
        "cli/common",
        "cli/lazy-actions",
        "cli/client-flags",
        "cli/colour",
        "engine/package-root",
        "sources/file-error",
        "profile/errors",
      ].includes(i.to),
  },
  {
    rule: "the fleet never reaches up into reports or the CLI",
    in: /^fleet\//,
    forbids: (i) => within("reports", "cli")(i.to),
  },
];

export function breaches(imports: readonly Import[]): string[] {
  return WALLS.flatMap((w) =>
    imports.filter((i) => w.in.test(i.from) && w.forbids(i)).map((i) => `${w.rule}: ${i.from} imports ${i.to}`),
  );
}

const sources = () =>
  execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "*.ts"], {
    cwd: ROOT,
    encoding: "utf8",
  })
    .split("\n")
    .filter((f) => f && !f.startsWith("test/") && !f.startsWith("node_modules/"));

describe("the house", () => {
  it("has none of the imports that must never exist", () => {
    const imports = sources().flatMap((f) => importsOf(f, readFileSync(join(ROOT, f), "utf8")));
    expect(imports.length).toBeGreaterThan(300);
    expect(breaches(imports)).toEqual([]);
  });

  it("catches each kind of forbidden import (the walls are not empty)", () => {
    const sample: [string, string][] = [
      ["profile/x.ts", `import { CONTROLS } from "../components/identity/conditional-access-baseline";`],
      ["posture/ports.ts", `import { OPAQUE_SECRET } from "./values";`],
      ["catalog/x.ts", `import { z } from "zod";`],
      ["policy-packs/zero-trust/rules/network/x.ts", `import { AWS } from "../../../../posture/readers/aws-network";`],
      ["policy-packs/zero-trust/rules/network/y.ts", `import * as aws from "@pulumi/aws";`],
      ["posture/x.ts", `import { readFileSync } from "node:fs";`],
      ["reports/x.ts", `import { RULES } from "../policy-packs/zero-trust/rules";`],
      ["cli/commands/x.ts", `import { planStack } from "../../engine/plan-stack";`],
      ["fleet/x.ts", `import { tierDiagram } from "../reports/fleet/tier-diagram";`],
    ];
    const found = breaches(sample.flatMap(([f, text]) => importsOf(f, text)));
    const wallOf = (b: string) => WALLS.find((w) => b.startsWith(`${w.rule}: `))!.rule;
    expect(found.map(wallOf)).toEqual(WALLS.flatMap((w, i) => (i === 3 ? [w.rule, w.rule] : [w.rule])));
    // A type-only import from outside is what the catalog may have.
    expect(breaches(importsOf("catalog/y.ts", `import type { input } from "@pulumi/azuread/types";`))).toEqual([]);
  });

  it("the catalog's policy ids are the pack's rules", () => {
    expect([...POLICY_IDS].sort()).toEqual(RULES.map((r) => r.name).sort());
  });

  it("every source file is in a part of the house", () => {
    const parts =
      /^((catalog|profile|components|program|posture|policy-packs|engine|sources|reports|fleet|cli|compliance|bench|scripts|stacks)\/|index\.ts$)/;
    expect(sources().filter((f) => !parts.test(relative(ROOT, join(ROOT, f))))).toEqual([]);
  });
});
