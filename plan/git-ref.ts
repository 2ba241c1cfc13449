import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PostureLock } from "../posture/lock";

const ROOT = join(__dirname, "..");

/**
 * The posture a stack had at a git ref: the program at that ref, planned offline in a temporary
 * worktree (sharing this checkout's node_modules), through that ref's own `zt lock --print`.
 */
export function postureAtRef(ref: string, stack: string): PostureLock {
  const dir = mkdtempSync(join(tmpdir(), "zt-ref-"));
  const git = (...args: string[]) =>
    execFileSync("git", ["-C", ROOT, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  try {
    git("worktree", "add", "--detach", "--force", dir, ref);
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    const tsx = join(ROOT, "node_modules", ".bin", "tsx");
    const out = execFileSync(tsx, [join(dir, "cli", "zt.ts"), "lock", "--stack", stack, "--print"], {
      cwd: dir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return JSON.parse(out) as PostureLock;
  } catch (e) {
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
