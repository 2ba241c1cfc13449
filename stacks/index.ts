// Entry point of the Pulumi program (Pulumi.yaml `main: stacks/`): one client's baseline per stack.
import * as pulumi from "@pulumi/pulumi";
import { main } from "../program/main";
import { ProfileError } from "../profile";

function run() {
  try {
    return main();
  } catch (e) {
    // A RunError prints the message alone: the profile's problems, not a stack trace.
    if (e instanceof ProfileError) throw new pulumi.RunError(e.message);
    throw e;
  }
}

export = run();
