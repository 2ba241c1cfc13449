import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PostureLock } from "../posture/lock";
import { FileError } from "./file-error";
import { parseLock } from "./lockfile";

const ROOT = join(__dirname, "..");

/**
 * The posture a stack had at a git ref: the program and stack config at that ref, planned offline
 * in a temporary worktree (sharing this checkout's node_modules), read by this checkout's readers
 * so that both sides of a diff are read the same way (`program`: the entry, relative to the root).
 */
export function postureAtRef(
  ref: string,
  stack: string,
  program = "stacks/index.ts",
  stacksDir = "stacks",
): PostureLock {
  const dir = mkdtempSync(join(tmpdir(), "zt-ref-"));
  const git = (...args: string[]) =>
    execFileSync("git", ["-C", ROOT, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  try {
    git("worktree", "add", "--detach", "--force", dir, ref);
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    const tsx = join(ROOT, "node_modules", ".bin", "tsx");
    const args = [
      "lock",
      "--stack",
      stack,
      "--print",
      "--stacks-dir",
      join(dir, stacksDir),
      "--program",
      join(dir, program),
    ];
    const out = execFileSync(tsx, [join(ROOT, "cli", "zt.ts"), ...args], {
      cwd: dir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return parseLock(JSON.parse(out), `git:${ref}:${stack}`);
  } catch (e) {
    if (e instanceof FileError) throw e;
    const stderr = (e as { stderr?: string }).stderr ?? "";
    throw new Error(
      `cannot plan stack "${stack}" at ${ref}: ${stderr.trim().split("\n").pop() || (e as Error).message}`,
    );
  } finally {
    try {
      git("worktree", "remove", "--force", dir);
    } catch {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
