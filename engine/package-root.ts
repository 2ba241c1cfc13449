import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** This package's root: one folder up from its sources, two from the compiled `dist/`. */
export const PACKAGE_ROOT = [join(__dirname, ".."), join(__dirname, "..", "..")].find((d) =>
  existsSync(join(d, "package.json")),
)!;

/** This package's version, as npm installed it. */
export const PACKAGE_VERSION = (
  JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }
).version;
