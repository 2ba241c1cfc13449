import { LogpushJob } from "@pulumi/cloudflare/logpushJob";
import * as pulumi from "@pulumi/pulumi";
import { clientProblems, refuseInvalidArgs, type ArgProblem } from "../args";

/** Cloudflare Access request logs pushed to the client's storage. */
export interface CloudflareLogpushArgs {
  readonly client: string;
  readonly accountId: pulumi.Input<string>;
  /** Logpush destination_conf (e.g. s3://bucket/path?region=eu-west-1). */
  readonly destination: pulumi.Input<string>;
}

/** What is wrong with the args on their own; empty when they are fine. */
export function cloudflareLogpushProblems(args: CloudflareLogpushArgs): ArgProblem[] {
  return [
    ...clientProblems(args.client),
    ...(typeof args.destination === "string" && args.destination.trim() === ""
      ? [{ path: "destination", message: "a Logpush destination (destination_conf) is needed" }]
      : []),
  ];
}

export class CloudflareLogpush extends pulumi.ComponentResource {
  constructor(name: string, args: CloudflareLogpushArgs, opts?: pulumi.ComponentResourceOptions) {
    refuseInvalidArgs("CloudflareLogpush", name, cloudflareLogpushProblems(args));
    super("zt-baseline:monitoring:CloudflareLogpush", name, {}, opts);
    new LogpushJob(
      `${name}-access-requests`,
      {
        accountId: args.accountId,
        name: `zt-${args.client}-access-requests`,
        dataset: "access_requests",
        destinationConf: args.destination,
        enabled: true,
      },
      { parent: this },
    );
    this.registerOutputs({});
  }
}
