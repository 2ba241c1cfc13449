// Regenerates the profile reference and JSON Schema from the zod schema: `npm run docs`.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { complianceReference } from "../compliance/reference";
import { baselinesReference } from "../components/identity/baselines-reference";
import { controlsReference } from "../components/identity/controls-reference";
import { rulesReference } from "../policy-packs/zero-trust/rules-reference";
import { configurationReference, profileJsonSchema } from "../profile/reference";

const root = join(__dirname, "..");
writeFileSync(join(root, "docs", "configuration.md"), configurationReference());
writeFileSync(join(root, "docs", "controls.md"), controlsReference());
writeFileSync(join(root, "docs", "compliance.md"), complianceReference());
writeFileSync(join(root, "docs", "baselines.md"), baselinesReference());
writeFileSync(join(root, "policy-packs", "zero-trust", "RULES.md"), rulesReference());
writeFileSync(join(root, "schema", "profile.schema.json"), JSON.stringify(profileJsonSchema(), null, 2) + "\n");
console.log(
  "wrote docs/configuration.md, docs/controls.md, docs/compliance.md, docs/baselines.md, policy-packs/zero-trust/RULES.md and schema/profile.schema.json",
);
