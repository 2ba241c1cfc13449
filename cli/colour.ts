import { styleText } from "node:util";

/**
 * Colour for people at a terminal, never for pipes and files: on a TTY (or with FORCE_COLOR), and
 * never with NO_COLOR set (https://no-color.org) or `--no-color`. Renderers stay plain text; the
 * verdict words are painted here, at the edge.
 */
let allowed = true;

/** `--no-color` on the command line. */
export function setColour(on: boolean): void {
  allowed = on;
}

export function colourOn(stream: { isTTY?: boolean } = process.stdout): boolean {
  if (!allowed || (process.env.NO_COLOR ?? "") !== "") return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== "0" && force !== "false") return true;
  return stream.isTTY === true;
}

type Style = Parameters<typeof styleText>[0];

/** Verdict words and the lines they start, as zt's text output writes them. */
const PAINT: readonly [RegExp, Style][] = [
  [/^(\s*)(PASS|ok)(?=\s|$)/gm, ["green", "bold"]],
  [/^(\s*)(FAIL|WIDENING)(?=\s|$)/gm, ["red", "bold"]],
  [/^(\s*)(NARROWING|! advisory)(?=\s|$)/gm, "yellow"],
  [/^(\s*)(✗ mandatory|\+ |BLOCK)(?=\s|$)/gm, "red"],
  [/^(\s*)(GRANT)(?=\s|$)/gm, "green"],
  // The result column of the fleet table: the last word of a row.
  [/(\s)(FAIL)(?=\s*$)/gm, ["red", "bold"]],
  [/(\s)(ok)(?=\s*$)/gm, "green"],
];

/** The text with its verdict words coloured, when colour is on for the stream. */
export function paint(text: string, stream: { isTTY?: boolean } = process.stdout): string {
  if (!colourOn(stream)) return text;
  return PAINT.reduce(
    (out, [re, style]) =>
      out.replace(re, (_m, lead: string, word: string) => lead + styleText(style, word, { validateStream: false })),
    text,
  );
}
