import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseProfile } from "../profile";
import { expectValidCalls, ztCalls } from "./cli-calls";

// The README's snippets as written: every zt call names a command that exists with options it
// accepts, and the profile it shows is one the schema takes. (The runnable ones run elsewhere:
// "Try to break it" in cli.test.ts, "Use it in your own program" in consumer.test.ts.)

const README = readFileSync(join(__dirname, "..", "README.md"), "utf8");
const blocks = (lang: string) =>
  [...README.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]!);

describe("the README's snippets", () => {
  it("call only zt commands that exist, with options they accept", () => {
    const calls = ztCalls(blocks("sh"));
    expect(calls.length).toBeGreaterThanOrEqual(15);
    expectValidCalls(calls);
  });

  it("show a minimal profile the schema accepts, under the key the README names", () => {
    const [yaml] = blocks("yaml");
    const config = parse(yaml!).config as Record<string, unknown>;
    expect(Object.keys(config)).toEqual(["zt-baseline:profile"]);
    expect(parseProfile(config["zt-baseline:profile"]).client.name).toBe("fabrikam");
  });
});
