import { describe, expect, it } from "vitest";
import { deserializeOncePerRequest, type DeserializeModule } from "../policy-packs/zero-trust/deserialize-once";

describe("deserializeOncePerRequest (the pack's patch of the policy server)", () => {
  it("deserializes each Struct once, however many policies ask; secrets proxies are never cached", () => {
    let calls = 0;
    const module: DeserializeModule = { deserializeProperties: (s) => ({ n: ++calls, of: s }) };
    expect(deserializeOncePerRequest(module)).toBe(true);
    const a = {};
    const b = {};
    const first = module.deserializeProperties!(a, false);
    expect(module.deserializeProperties!(a, false)).toBe(first);
    expect(module.deserializeProperties!(b, false)).not.toBe(first);
    module.deserializeProperties!(a, true);
    module.deserializeProperties!(a, true);
    expect(calls).toBe(4);
  });
  it("patches nothing when the module no longer has the function", () => {
    const module: DeserializeModule = {};
    expect(deserializeOncePerRequest(module)).toBe(false);
    expect(module.deserializeProperties).toBeUndefined();
  });
  it("finds the function where the installed @pulumi/policy keeps it", () => {
    const module = require("@pulumi/policy/deserialize") as DeserializeModule;
    expect(typeof module.deserializeProperties).toBe("function");
  });
});
