import type { ClientResult } from "../fleet/check-client";

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
export function fleetProgress(stream: ProgressStream): (done: number, total: number, r: ClientResult) => void {
  let failing = 0;
  return (done, total, r) => {
    if (r.failure) failing++;
    const verdict = r.failure ? "FAIL" : "ok";
    if (!stream.isTTY) {
      stream.write(`[${done}/${total}] ${r.stack}: ${verdict}\n`);
      return;
    }
    const filled = Math.round((done / total) * BAR);
    const bar = `[${"█".repeat(filled)}${"░".repeat(BAR - filled)}] ${done}/${total}`;
    const status = `${bar}  ${failing} failing  ${r.stack} ${verdict}`;
    const fit = stream.columns ? status.slice(0, stream.columns - 1) : status;
    const above = r.failure ? `\r\x1b[2K✗ ${r.stack}: ${firstLine(r.failure)}\n` : "";
    stream.write(`${above}\r\x1b[2K${fit}${done === total ? "\n" : ""}`);
  };
}

const firstLine = (text: string) => text.split("\n")[0]!;
