import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildPack } from "../engine/build-pack";

/**
 * The pack under test is always built from the sources under test. Every temporary folder the
 * run makes (its own, and those of the zt, npm and pack processes it starts) goes in one folder
 * of its own, removed when the run ends: TMPDIR is read by os.tmpdir() in each worker and child.
 */
export default function setup(): () => void {
  buildPack();
  const run = mkdtempSync(join(tmpdir(), "zt-test-run-"));
  process.env.TMPDIR = run;
  return () => rmSync(run, { recursive: true, force: true });
}
