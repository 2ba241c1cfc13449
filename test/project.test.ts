import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileError } from "../sources/file-error";
import { configNamespace, DEFAULT_PROJECT, projectAt } from "../sources/project";
import { loadStackConfig } from "../sources/stack-config";

// zt reads the Pulumi project it runs in the way the Pulumi CLI does: Pulumi.yaml in the folder
// or above, `name` as the config namespace, `main` as the program, `stackConfigDir` for stacks.

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "zt-project-"));
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(join(dir, f, ".."), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  return dir;
}

describe("the Pulumi project zt runs in", () => {
  it("takes name, main and stackConfigDir from Pulumi.yaml, found from a folder below it", () => {
    const dir = project({
      "Pulumi.yaml": "name: corp-infra\nruntime: nodejs\nmain: src/\nstackConfigDir: config\n",
      "src/index.ts": "export {};\n",
      "config/Pulumi.dev.yaml": "config:\n  profile:\n    client:\n      name: corp\n  aws:region: eu-west-1\n",
    });
    const p = projectAt(join(dir, "config"))!;
    expect(p).toEqual({
      dir,
      name: "corp-infra",
      program: join(dir, "src", "index.ts"),
      stacksDir: join(dir, "config"),
    });
    // Keys without a namespace are the project's, as `pulumi config set` writes them.
    expect(configNamespace(p.stacksDir)).toBe("corp-infra");
    expect(Object.keys(loadStackConfig(p.stacksDir, "dev")).sort()).toEqual(["aws:region", "corp-infra:profile"]);
  });

  it("without main, runs the project folder's entry: package.json main, else index.ts", () => {
    const withMain = project({
      "Pulumi.yaml": "name: a\nruntime:\n  name: nodejs\n",
      "package.json": '{ "main": "infra.ts" }',
      "infra.ts": "",
    });
    expect(projectAt(withMain)!.program).toBe(join(withMain, "infra.ts"));
    const plain = project({ "Pulumi.yaml": "name: b\nruntime: nodejs\n", "index.ts": "" });
    expect(projectAt(plain)!.program).toBe(join(plain, "index.ts"));
    expect(projectAt(plain)!.stacksDir).toBe(plain);
  });

  it("refuses a Pulumi.yaml that is not one, naming the file and the key", () => {
    const dir = project({ "Pulumi.yaml": "name: corp infra\nmain: 3\n" });
    try {
      projectAt(dir);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FileError);
      const message = (e as Error).message;
      expect(message).toContain(join(dir, "Pulumi.yaml"));
      expect(message).toMatch(/name: a project name is letters/);
      expect(message).toMatch(/runtime: /);
      expect(message).toMatch(/main: /);
    }
  });

  it("a stack folder in no project keeps this package's namespace", () => {
    const dir = project({ "Pulumi.x.yaml": "config: {}\n" });
    expect(configNamespace(dir)).toBe(DEFAULT_PROJECT);
  });
});
