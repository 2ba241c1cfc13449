import { PolicyPack } from "@pulumi/policy";
import { deserializeOncePerRequest } from "./deserialize-once";
import { PACK_DESCRIPTION, PACK_NAME, POLICIES } from "./policies";

// The server deserializes each resource again for every policy; once per request is enough.
deserializeOncePerRequest(require("@pulumi/policy/deserialize"));

new PolicyPack(PACK_NAME, { description: PACK_DESCRIPTION, policies: [...POLICIES] });
