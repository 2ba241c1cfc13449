// Bundles the policy pack (policy-packs/zero-trust/bin/index.js). Runs on `npm ci` (prepare).
import { buildPack, PACK_MAIN } from "../engine/build-pack";

buildPack();
console.log(`built ${PACK_MAIN}`);
