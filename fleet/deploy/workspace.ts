import { LocalWorkspace, PulumiCommand, type OpMap } from "@pulumi/pulumi/automation";

/** What one operation on a client stack is given: the pack to enforce and its config. */
export interface DeployRunOptions {
  readonly policyPacks: string[];
  readonly policyPackConfigs: string[];
  readonly message?: string;
  /** Refresh the state from the cloud first, so drift (console edits) is part of the run. */
  readonly refresh?: boolean;
  readonly onOutput?: (text: string) => void;
}

/**
 * The part of a Pulumi stack the fleet drives. The Automation API's `Stack` satisfies it (the
 * type-checker proves it in `automationWorkspace`); tests drive the orchestration with a fake.
 */
export interface DeployTarget {
  preview(opts: DeployRunOptions): Promise<{ changeSummary: OpMap }>;
  up(opts: DeployRunOptions): Promise<{ summary: { result: string; resourceChanges?: OpMap } }>;
}

/** Opens the stack of one client. */
export interface FleetWorkspace {
  stack(name: string): Promise<DeployTarget>;
}

/** Pulumi's Automation API on this project: `LocalWorkspace`, one stack per client stack file. */
export async function automationWorkspace(workDir: string): Promise<FleetWorkspace> {
  let pulumiCommand: PulumiCommand;
  try {
    pulumiCommand = await PulumiCommand.get();
  } catch (e) {
    throw new Error(
      `zt fleet preview/up drive the Pulumi CLI through the Automation API, and no usable \`pulumi\` was found on PATH ` +
        `(${firstLine((e as Error).message)}). Install it (https://www.pulumi.com/docs/install/), log in, then retry. ` +
        `\`zt fleet plan\` needs no CLI.`,
    );
  }
  return {
    stack: (name) => LocalWorkspace.createOrSelectStack({ stackName: name, workDir }, { pulumiCommand }),
  };
}

/** A CommandError's message as lines, without the "code:", "stdout:", "stderr:" labels. */
export function commandErrorLines(message: string): string[] {
  return message
    .split("\n")
    .map((l) => l.trim().replace(/^(code|stdout|stderr|err\?):\s*/, ""))
    .filter((l) => l && !/^-?\d+$/.test(l));
}

const firstLine = (text: string) => {
  const lines = commandErrorLines(text);
  return lines.find((l) => /ENOENT|not found|error/i.test(l)) ?? lines[0] ?? text;
};
