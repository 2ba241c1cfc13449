import { z } from "zod";
import { ClientProfile } from "./schema";

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  pattern?: string;
  format?: string;
  not?: unknown;
};

/** The profile as JSON Schema (input side: what users write), for editors and the reference. */
export function profileJsonSchema(): JsonSchema & Record<string, unknown> {
  return z.toJSONSchema(ClientProfile, { io: "input", unrepresentable: "any" }) as JsonSchema & Record<string, unknown>;
}

interface Row {
  path: string;
  type: string;
  required: boolean;
  default?: unknown;
  description: string;
}

function typeOf(s: JsonSchema): string {
  if (s.not !== undefined) return "never (refused)";
  // A long list (the 249 country codes) is named, not spelled out: the JSON Schema holds it.
  if (s.enum && s.enum.length > 40) return `one of ${s.enum.length} codes (see the JSON Schema)`;
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.anyOf?.every((b) => b.properties)) return "one of the objects below";
  if (s.anyOf) return s.anyOf.map(typeOf).join(" | ");
  if (Array.isArray(s.type)) return s.type.join(" | ");
  if (s.type === "array") return `${s.items ? typeOf(s.items) : "any"}[]`;
  if (s.format) return `${s.type} (${s.format})`;
  return String(s.type ?? "any");
}

function rows(schema: JsonSchema, prefix: string, required: boolean, out: Row[]): Row[] {
  if (prefix) {
    out.push({
      path: prefix,
      type: typeOf(schema),
      required,
      default: schema.default,
      description: schema.description ?? "",
    });
  }
  if (schema.properties) {
    for (const [key, child] of Object.entries(schema.properties)) {
      rows(child, prefix ? `${prefix}.${key}` : key, (schema.required ?? []).includes(key), out);
    }
  } else if (schema.type === "array" && schema.items?.properties) {
    out.push(...rows({ ...schema.items, description: undefined }, `${prefix}[]`, true, []).slice(1));
  } else if (schema.anyOf?.every((b) => b.properties)) {
    // One of several shapes (a plain destination, or one from a secret): each shape's keys, as "one of".
    for (const branch of schema.anyOf)
      for (const row of rows({ ...branch, description: undefined }, prefix, true, []).slice(1))
        out.push({ ...row, required: false, description: `(one of) ${row.description}` });
  }
  return out;
}

/** docs/configuration.md: every profile key with its type, default and meaning, from the schema. */
export function configurationReference(): string {
  const table = rows(profileJsonSchema(), "", true, [])
    .map((r) => {
      const def = r.default === undefined ? "" : `\`${JSON.stringify(r.default)}\``;
      return `| \`${r.path}\` | ${r.type.replace(/\|/g, "\\|")} | ${r.required ? "yes" : ""} | ${def} | ${r.description} |`;
    })
    .join("\n");
  return [
    "# Profile reference",
    "",
    "Generated from the zod schema (`profile/schema.ts`) by `npm run docs`; a test fails when it is stale.",
    "The profile lives in the stack config under `zt-baseline:profile` (`stacks/Pulumi.<stack>.yaml`), or is set key by key",
    "with `pulumi config set --path 'profile.identity.rollout' enforce`. Unknown keys are errors.",
    "`schema/profile.schema.json` is the same schema for editors (YAML language server).",
    "",
    "| Key | Type | Required | Default | Meaning |",
    "| --- | --- | --- | --- | --- |",
    table,
    "",
  ].join("\n");
}
