import type { Command } from "commander";
import { expect } from "vitest";
import { cli } from "../cli/zt";

// zt calls written in documents (workflows, the README), checked against the CLI's own definition.

/** The zt command a call names, descending into subcommands (`fleet up`), and the rest of its line. */
export function resolve(words: string[]): { command?: Command; name: string } {
  let command: Command | undefined;
  let commands = cli().commands;
  const name: string[] = [];
  while (words.length && !words[0]!.startsWith("-")) {
    const next = commands.find((c) => c.name() === words[0]);
    if (!next) break;
    name.push(words.shift()!);
    command = next;
    commands = next.commands;
  }
  return { command, name: name.join(" ") };
}

/** The zt calls in shell text: `npm run -s zt -- …`, `npx zt …`, `npx zt-baseline …`, and `npm start -- …` (zt plan). */
export function ztCalls(runs: readonly string[]) {
  return runs.flatMap((r) => [
    ...[...r.matchAll(/(?:npm run -s zt --|npx zt(?:-baseline)?) ([^\n|)#>]*)/g)].map((m) => m[1]!.trim()),
    ...[...r.matchAll(/npm start(?: -s)? -- ([^\n|)#>]*)/g)].map((m) => `plan ${m[1]!.trim()}`),
  ]);
}

/** Every zt call names a command that exists (a leaf, not a group) with options it accepts. */
export function expectValidCalls(calls: readonly string[]) {
  for (const call of calls) {
    const words = call.split(/\s+/);
    const { command, name } = resolve(words);
    expect(command, call).toBeDefined();
    expect(command!.commands, `${call}: "${name}" needs a subcommand`).toHaveLength(0);
    const options = command!.options.map((o) => o.long);
    for (const [flag] of call.matchAll(/--[a-z-]+/g)) expect(options, `${name} ${flag}`).toContain(flag);
  }
}
