import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** This package's root: one folder up from its sources, two from the compiled `dist/`. */
export const PACKAGE_ROOT = [join(__dirname, ".."), join(__dirname, "..", "..")].find((d) =>
  existsSync(join(d, "package.json")),
)!;

/** What zt reads of its own package.json, as npm installed it (read once). */
const PACKAGE = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as {
  version: string;
  peerDependencies: Record<string, string>;
};

export const PACKAGE_VERSION = PACKAGE.version;

/** The @pulumi/pulumi range this package is built against: what a scaffolded project depends on. */
export const PULUMI_RANGE = PACKAGE.peerDependencies["@pulumi/pulumi"]!;
