import { mergeConfig } from "vitest/config";
import base from "./vitest.config.mts";
export default mergeConfig(base, { test: { execArgv: ["--cpu-prof", "--cpu-prof-dir=/tmp/wprof"] } });
