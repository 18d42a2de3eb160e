/** Narrower than this, wrapping helps nobody; the terminal's own folding is left to it. */
const MIN_WIDTH = 20;

// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts every ANSI sequence.
const ANSI_SEQUENCE = /\u001b\[[0-9;]*m/g;

/** Columns `text` takes on screen: code points, ANSI styling excluded. */
export function visibleWidth(text: string): number {
  return [...text.replace(ANSI_SEQUENCE, '')].length;
}

/**
 * Wraps each line of `text` at word boundaries to `width` columns; continuation lines start
 * with `indent` spaces, so a numbered excerpt stays aligned under its text. A word wider than
 * the line (a long URL) gets a line of its own, uncut, so it stays whole for copying. With no
 * width (output is not a terminal) the text is returned as it is.
 */
export function wrapText(text: string, width: number | undefined, indent = 0): string {
  if (width === undefined || width < MIN_WIDTH) return text;
  return text
    .split('\n')
    .map((line) => wrapLine(line, width, indent))
    .join('\n');
}

function wrapLine(line: string, width: number, indent: number): string {
  if (visibleWidth(line) <= width) return line;
  const lead = /^ */.exec(line)?.[0] ?? '';
  const words = line.slice(lead.length).split(/ +/);
  const pad = ' '.repeat(lead.length + indent);
  const out: string[] = [];
  let current = lead;
  let used = lead.length;
  let empty = true;
  for (const word of words) {
    const size = visibleWidth(word);
    if (!empty && used + 1 + size > width) {
      out.push(current);
      current = pad;
      used = pad.length;
      empty = true;
    }
    current += empty ? word : ` ${word}`;
    used += empty ? size : size + 1;
    empty = false;
  }
  out.push(current);
  return out.join('\n');
}
