/** How terminal output is styled: ANSI colours and weights, or none. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  highlight(text: string): string;
}

/** No styling: for pipes, files, `NO_COLOR` and tests. */
export const PLAIN: Style = { bold: (t) => t, dim: (t) => t, highlight: (t) => t };

/** ANSI SGR styling; each style resets only what it set, so styles can nest. */
export const ANSI: Style = {
  bold: (t) => `\u001b[1m${t}\u001b[22m`,
  dim: (t) => `\u001b[2m${t}\u001b[22m`,
  highlight: (t) => `\u001b[33m${t}\u001b[39m`,
};

/**
 * Whether to colour output, by the conventions people set once in their shell: a non-empty
 * `FORCE_COLOR` forces colour (except `0` or `false`, which turn it off, as in Node itself),
 * else a non-empty `NO_COLOR` turns it off (no-color.org), else colour goes to terminals only.
 */
export function wantsColour(
  env: Readonly<Record<string, string | undefined>>,
  isTerminal: boolean,
): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTerminal;
}

/** {@link ANSI} or {@link PLAIN}, as {@link wantsColour} decides. */
export function chooseStyle(
  env: Readonly<Record<string, string | undefined>>,
  isTerminal: boolean,
): Style {
  return wantsColour(env, isTerminal) ? ANSI : PLAIN;
}
