import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fleetConflicts } from "../fleet/conflicts";
import { parseProfile } from "../profile";
import { exampleProfile, minimalProfile } from "./fixtures";

const TSX = join(__dirname, "..", "node_modules", ".bin", "tsx");
const ZT = join(__dirname, "..", "cli", "zt.ts");
const zt = (...args: string[]) => spawnSync(TSX, [ZT, ...args], { encoding: "utf8", cwd: join(__dirname, "..") });

const guid = (n: number, k: number) => `${String(n).padStart(8, "0")}-0000-4000-8000-${String(k).padStart(12, "0")}`;

describe("fleet isolation", () => {
  it("names every id two clients share, and the stacks that share it", () => {
    const a = parseProfile(exampleProfile());
    const b = parseProfile({
      ...minimalProfile(),
      identity: { tenantId: a.identity.tenantId, breakGlass: { groupId: guid(9, 9) } },
    });
    expect(
      fleetConflicts(
        new Map([
          ["a", a],
          ["b", b],
        ]),
      ),
    ).toEqual([{ key: "identity.tenantId", value: a.identity.tenantId, stacks: ["a", "b"] }]);
  });
});

describe("an MSP's first day, as a new user would do it", () => {
  it("scaffolds three clients, plans the fleet, then sees exactly the broken client fail", () => {
    const dir = mkdtempSync(join(tmpdir(), "zt-fleet-"));
    for (const [i, name] of ["northwind", "tailspin", "woodgrove"].entries()) {
      const r = zt(
        "new-client",
        name,
        "--stacks-dir",
        dir,
        "--tenant",
        guid(i + 1, 1),
        "--break-glass-group",
        guid(i + 1, 2),
        "--no-plan",
      );
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain(`wrote ${join(dir, `Pulumi.${name}.yaml`)}`);
    }
    const again = zt(
      "new-client",
      "tailspin",
      "--stacks-dir",
      dir,
      "--tenant",
      guid(7, 1),
      "--break-glass-group",
      guid(7, 2),
      "--no-plan",
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists: a client is never overwritten/);

    const page = join(dir, "fleet.md");
    const green = zt("fleet", "plan", "--stacks-dir", dir, "--markdown", page);
    expect(green.status, green.stderr).toBe(0);
    const markdown = readFileSync(page, "utf8");
    // Minimal profiles: P1 (risk controls not declared), report-only rollout, 11 of 16 policies report-only.
    expect(markdown).toMatch(
      /^\| northwind \| R \| R \| R \| R \| – \| R \| R \| R \| R \| – \| – \| – \| R \| ✓ \| R \| R \| 5 \| 0 \| 0 \| 0 \| no lock \| ok \|$/m,
    );
    expect(green.stdout).toMatch(/^northwind +northwind +\d+ +0 +\d+ +no lock +ok$/m);
    expect(green.stdout.match(/ ok$/gm)).toHaveLength(3);

    const file = join(dir, "Pulumi.tailspin.yaml");
    writeFileSync(
      file,
      readFileSync(file, "utf8")
        .replace("rollout", "rolout")
        .replace(/tenantId: .*/, "tenantId: not-a-guid"),
    );
    const red = zt("fleet", "plan", "--stacks-dir", dir);
    expect(red.status).toBe(1);
    expect(red.stdout).toMatch(/^tailspin +- +0 +0 +0 +no lock +FAIL$/m);
    expect(red.stdout).toMatch(/tailspin: Invalid zero-trust profile \(stacks\/Pulumi\.tailspin\.yaml\): \d+ problem/);
    expect(red.stdout).toContain("identity.tenantId: expected a GUID");
    expect(red.stdout.match(/ ok$/gm)).toHaveLength(2);
    expect(red.stderr).toMatch(/refused: 1 of 3 client\(s\) failed/);
  });

  it("refuses a new client that reuses another client's tenant", () => {
    const dir = mkdtempSync(join(tmpdir(), "zt-fleet-"));
    writeFileSync(
      join(dir, "Pulumi.example.yaml"),
      readFileSync(join(__dirname, "..", "stacks", "Pulumi.example.yaml"), "utf8"),
    );
    const r = zt(
      "new-client",
      "copycat",
      "--stacks-dir",
      dir,
      "--tenant",
      exampleProfile().identity.tenantId,
      "--break-glass-group",
      guid(5, 5),
      "--no-plan",
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/identity\.tenantId: 3f2b6c1e-8a4d-4f7b-9c2e-5d1a0b9e7f42 already belongs to example/);
  });
});
