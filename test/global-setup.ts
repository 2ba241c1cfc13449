import { mkdtempSync, readFileSync, rmSync, statfsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildPack } from "../engine/build-pack";

/** Room the run's files need in memory: the consumer's node_modules alone is ~400 MB. */
const SHM_NEEDED_BYTES = 2 * 1024 ** 3;

/**
 * Where the run's files go: in memory (/dev/shm) when it has room and runs programs (the consumer
 * runs its installed bins), else the system's temporary folder. On this 2-core machine's disk, the
 * consumer's `npm install` (42k files) spent 36 s of CPU in the kernel, 11 s in memory.
 */
function tempRoot(): string {
  try {
    const shm = statfsSync("/dev/shm");
    const mount = readFileSync("/proc/mounts", "utf8")
      .split("\n")
      .map((line) => line.split(" "))
      .find(([, at]) => at === "/dev/shm");
    const noexec = mount?.[3]?.split(",").includes("noexec") ?? true;
    if (!noexec && shm.bavail * shm.bsize >= SHM_NEEDED_BYTES) return "/dev/shm";
  } catch {
    // No /dev/shm (not Linux): the system's temporary folder.
  }
  return tmpdir();
}

/**
 * The pack under test is always built from the sources under test. Every temporary folder the
 * run makes (its own, and those of the zt, npm and pack processes it starts) goes in one folder
 * of its own, removed when the run ends: TMPDIR is read by os.tmpdir() in each worker and child.
 */
export default function setup(): () => void {
  buildPack();
  const run = mkdtempSync(join(tempRoot(), "zt-test-run-"));
  process.env.TMPDIR = run;
  return () => rmSync(run, { recursive: true, force: true });
}
