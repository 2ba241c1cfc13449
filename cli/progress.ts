import type { ClientResult } from "../fleet/client-verdict";

/** Where progress goes: stderr, or a fake in tests. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

const BAR = 24;

/**
 * Reports a fleet run client by client. On a terminal: one bar rewritten in place, with failing
 * clients printed above it as they come, so none scrolls by unseen. Elsewhere (CI logs): one
 * plain line per client.
 */
export function fleetProgress(stream: ProgressStream): FleetProgress {
  let failing = 0;
  const bar = (done: number, total: number) => {
    const filled = total ? Math.round((done / total) * BAR) : 0;
    return `[${"█".repeat(filled)}${"░".repeat(BAR - filled)}] ${done}/${total}`;
  };
  const fit = (line: string) => (stream.columns ? line.slice(0, stream.columns - 1) : line);
  const report = (done: number, total: number, r: ClientResult) => {
    if (r.failure) failing++;
    const verdict = r.failure ? "FAIL" : "ok";
    if (!stream.isTTY) {
      stream.write(`[${done}/${total}] ${r.stack}: ${verdict}\n`);
      return;
    }
    const status = fit(`${bar(done, total)}  ${failing} failing  ${r.stack} ${verdict}`);
    const above = r.failure ? `\r\x1b[2K✗ ${r.stack}: ${firstLine(r.failure)}\n` : "";
    stream.write(`${above}\r\x1b[2K${status}${done === total ? "\n" : ""}`);
  };
  // The first client takes a few seconds: show the empty bar at once rather than nothing.
  const start = (total: number, doing: string) => {
    if (stream.isTTY && total) stream.write(`\r\x1b[2K${fit(`${bar(0, total)}  ${doing}…`)}`);
  };
  return Object.assign(report, { start });
}

/** Called as each client is done; `start` draws the empty bar before the first. */
export type FleetProgress = ((done: number, total: number, r: ClientResult) => void) & {
  start(total: number, doing: string): void;
};

const firstLine = (text: string) => text.split("\n")[0]!;
