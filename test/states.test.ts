import { ztHere } from "./zt-here";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { postureOf } from "../posture/build";
import { readSourceFile } from "../sources";
import { previewSidesOf } from "../sources/preview";
import { stackStateOf } from "../sources/stack-state";

const STATES = join(__dirname, "fixtures", "states");
/** zt in this process (test/zt-here.ts): the same exit code and output as its own process. */
const zt = (...args: string[]) => ztHere(args);

// export-hand-written.json follows `pulumi stack export`: apitype.UntypedDeployment wrapping a
// DeploymentV3 (manifest, secrets_providers, resources of apitype.ResourceV3).
// preview-widening.json follows `pulumi preview --json`: display.PreviewDigest (config, steps of
// display.PreviewStep with op, urn, provider, oldState/newState as apitype.ResourceV3, diffReasons;
// duration in nanoseconds; changeSummary).

describe("reading exported state and preview files", () => {
  it("reads a stack export's resources, inputs and providers", async () => {
    const doc = readSourceFile(join(STATES, "export-hand-written.json"));
    expect(doc.kind).toBe("export");
    const { resources } = stackStateOf(JSON.parse(readFileSync(join(STATES, "export-hand-written.json"), "utf8")), "f");
    expect(resources.map((r) => r.name)).toEqual(["legacy-app-prod", "default_7_0_0", "web-sg", "ops-admin"]);
    const rules = postureOf(resources).network.rules.map(
      (r) => `${r.to.kind === "tier" ? r.to.tier : "?"} ${r.ports?.from}`,
    );
    expect(rules).toEqual(["web 443", "web 22"]);
    // What every real export holds: ids, null property dependencies, ciphertext never decrypted.
    expect(resources.find((r) => r.name === "web-sg")).toMatchObject({
      id: "sg-0aaa1111bbbb2222c",
      propertyDependencies: { vpcId: [], tags: [], ingress: [] },
    });
    const provider = resources.find((r) => r.name === "default_7_0_0")!;
    expect(JSON.stringify(provider.inputs)).toContain("(secret in the state file: not decrypted)");
    expect(JSON.stringify(provider.inputs)).not.toContain("v1:9Lh3");
  });

  it("reads both sides of a preview: deletes only before, creates only after", async () => {
    const doc = JSON.parse(readFileSync(join(STATES, "preview-widening.json"), "utf8"));
    const sides = previewSidesOf(doc, "preview.json");
    expect(sides.old.map((r) => r.name)).toEqual(["db-from-app", "old-out"]);
    expect(sides.new.map((r) => r.name)).toEqual(["db-from-app", "dev-owner"]);
  });
});

describe("zt diff on a preview file", () => {
  it("reports the widened rule and the new Owner grant as widening, the deleted egress as narrowing; exit 1", async () => {
    const r = await zt("diff", join(STATES, "preview-widening.json"), "--format", "json");
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.items).toContainEqual(
      expect.objectContaining({
        layer: "network",
        change: "widening",
        message: expect.stringMatching(/10\.20\.0\.0\/16 → \(known after apply\)|10\.20\.0\.0\/16/),
      }),
    );
    expect(report.items).toContainEqual(
      expect.objectContaining({
        layer: "privilege",
        change: "widening",
        message: expect.stringMatching(/Owner \/subscriptions\//),
      }),
    );
    expect(report.items).toContainEqual(expect.objectContaining({ layer: "network", change: "narrowing" }));
    expect(r.stderr).toMatch(/refused: 2 widening change/);
  });

  it("writes markdown for a PR comment with the verdict first", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "zt-diff-")), "comment.md");
    const r = await zt("diff", join(STATES, "preview-widening.json"), "--format", "markdown", "--out", out);
    expect(r.status).toBe(1);
    expect(readFileSync(out, "utf8").split("\n")[0]).toBe("### Zero-trust posture: ⚠️ 2 widening changes");
  });

  it("plans the stack as it was at a git ref (a temporary worktree) and compares", async () => {
    const r = await zt("diff", "git:HEAD:example", "git:HEAD:example", "--format", "json");
    expect(r.stderr).not.toMatch(/cannot plan/);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).summary).toMatch(/^no widening/);
  });

  it("plans a commit once, whichever ref names it: the second diff needs no worktree, and could make none", async () => {
    const sha = execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" }).trim();
    const first = await zt("diff", "git:HEAD:example", `git:${sha}:example`, "--format", "json");
    expect(first.status).toBe(0);
    const noTemp = { TMPDIR: join(tmpdir(), "zt-no-such-folder") };
    const again = await ztHere(["diff", `git:${sha}:example`, "git:HEAD:example", "--format", "json"], { env: noTemp });
    expect(again.stderr).toBe("");
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout).summary).toMatch(/^no widening/);
    // Another stack at that commit is planned, and without a temporary folder it cannot be.
    const other = await ztHere(["diff", "git:HEAD:fabrikam", "git:HEAD:fabrikam"], { env: noTemp });
    expect(other.stderr).toMatch(/zt-no-such-folder/);
    expect(other.status).not.toBe(0);
  });

  it("names a ref that is not a commit, before planning anything", async () => {
    const r = await zt("diff", "git:no-such-ref:example", "plan:example");
    expect(r.stderr).toContain("git:no-such-ref:example: no-such-ref is not a commit of");
    expect(r.status).toBe(2);
  });

  it("compares the example's lockfile with its offline plan: nothing changed, exit 0", async () => {
    const r = await zt("diff", "stacks/example.posture-lock.json", "plan:example");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("no widening, 0 narrowing changes");
  });
});

describe("zt check --state", () => {
  /** The hand-written export as the example stack's own (its URNs name the stack it came from). */
  const asExample = () => {
    const file = join(mkdtempSync(join(tmpdir(), "zt-check-")), "example.json");
    writeFileSync(
      file,
      readFileSync(join(STATES, "export-hand-written.json"), "utf8").replaceAll(
        "urn:pulumi:prod::",
        "urn:pulumi:example::",
      ),
    );
    return file;
  };

  it("runs the pack on an exported hand-written stack and refuses SSH from the internet and admin users", async () => {
    const r = await zt("check", "--state", asExample(), "--stack", "example");
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /✗ mandatory +network-no-admin-ports-from-internet\n +SecurityGroup 'web-sg' exposes SSH \(22\) to the internet/,
    );
    expect(r.stdout).toMatch(
      /✗ mandatory +privilege-no-wildcard-admin-for-people\n +UserPolicyAttachment 'ops-admin' gives user:ops full admin/,
    );
    // No Entra in it: no SCuBA claim, whatever the profile asks for, and the reason is given.
    expect(r.stdout).toMatch(
      /○ MS\.AAD\.1\.1v1 legacy authentication blocked · ScubaGear: fail\n +'CA001-[^']+': not in the stack's resources/,
    );
  });

  it("refuses another stack's state, naming the stack it holds, before judging anything", async () => {
    const r = await zt("check", "--state", join(STATES, "export-hand-written.json"), "--stack", "example");
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/holds the state of stack prod, not example/);
  });
});

describe("zt whatif", () => {
  it("says a legacy-auth sign-in is blocked, and by which policy", async () => {
    const r = await zt("whatif", "--client", "exchangeActiveSync", "--country", "NL");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ {2}BLOCK$/m);
    expect(r.stdout).toContain("blocked by CA001-Global-BaseProtection-AllApps-AnyPlatform-BlockLegacyAuth");
  });
});
