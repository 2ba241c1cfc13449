// The Pulumi program (Pulumi.yaml `main: stacks/`): one client's baseline per stack, from the
// profile in stacks/Pulumi.<stack>.yaml. `npm start` plans this very file offline.
import * as pulumi from "@pulumi/pulumi";
import { declareBaseline } from "../program/main";
import { ProfileError } from "../profile";

function declare() {
  try {
    return declareBaseline();
  } catch (e) {
    // A RunError prints the message alone: the profile's problems, not a stack trace.
    if (e instanceof ProfileError) throw new pulumi.RunError(e.message);
    throw e;
  }
}

const { outputs } = declare();

// Resources of your own go here, with `{ provider: providers.aws }` (or azuread, azure-native,
// cloudflare) from declare(): the zero-trust pack judges them like the baseline's own.

export = outputs;
