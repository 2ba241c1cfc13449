import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { nodeArgsFor, sibling } from "../engine/typescript";
import type { PostureLock } from "../posture/lock";
import { FileError } from "./file-error";
import { parseLock } from "./lockfile";

/** This zt's own entry, run again inside the worktree. */
const ZT = sibling(join(__dirname, "..", "cli"), "zt");

/** Postures planned at a commit, by commit, stack, program and stacks folder: a commit does not change. */
const planned = new Map<string, PostureLock>();

/**
 * The posture a stack had at a git ref: the program and stack config at that ref, planned offline
 * in a temporary worktree of the repository they are in (sharing its node_modules), read by this
 * zt's readers so that both sides of a diff are read the same way. Planned once per commit: both
 * sides of a diff often name the same one (a pull request's base and head on main).
 */
export function postureAtRef(ref: string, stack: string, program: string, stacksDir: string): PostureLock {
  const run = (cwd: string, ...args: string[]) =>
    execFileSync("git", ["-C", cwd, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  let root: string;
  try {
    root = run(resolve(stacksDir), "rev-parse", "--show-toplevel");
  } catch {
    throw new Error(`git:${ref}:${stack}: ${stacksDir} is not in a git repository`);
  }
  const git = (...args: string[]) => run(root, ...args);
  let commit: string;
  try {
    commit = git("rev-parse", "--verify", "--end-of-options", `${ref}^{commit}`);
  } catch {
    throw new Error(`git:${ref}:${stack}: ${ref} is not a commit of ${root}`);
  }
  const key = [commit, stack, resolve(program), resolve(stacksDir)].join("\0");
  const known = planned.get(key);
  if (known) return structuredClone(known);
  const dir = mkdtempSync(join(tmpdir(), "zt-ref-"));
  const inTree = (path: string) => join(dir, relative(root, resolve(path)));
  try {
    git("worktree", "add", "--detach", "--force", dir, commit);
    if (existsSync(join(root, "node_modules")))
      symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
    const args = ["lock", "--stack", stack, "--print", "--stacks-dir", inTree(stacksDir), "--program", inTree(program)];
    const out = execFileSync(process.execPath, [...nodeArgsFor(ZT), ...args], {
      cwd: dir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    const lock = parseLock(JSON.parse(out), `git:${ref}:${stack}`);
    planned.set(key, structuredClone(lock));
    return lock;
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
