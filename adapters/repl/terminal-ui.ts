import type { ArticleDocument } from '../../src/index.js';

/** Titles cut shorter than this say too little; the banner then names the count instead. */
const MIN_TITLE_CHARS = 12;

const width = (text: string) => [...text].length;

/**
 * The REPL's one-line greeting, whatever the number of articles: the title when there is one,
 * else how many (`:docs` lists them); in a narrow terminal the title is cut with "…", or left
 * out, and as a last resort the line itself is cut, so it never wraps.
 */
export function bannerLine(documents: readonly ArticleDocument[], columns?: number): string {
  const tail = ' Type help for commands.';
  const [only] = documents;
  const count = `${documents.length} article${documents.length === 1 ? '' : 's'}`;
  const withTitle = (title: string) => `article-qa: ask about “${title}”.${tail}`;
  const candidates =
    documents.length === 1 && only
      ? [withTitle(only.title)]
      : [`article-qa: ask about ${count} (:docs lists them).${tail}`];
  if (columns === undefined) return candidates[0] as string;
  if (documents.length === 1 && only) {
    const room = columns - width(withTitle('…'));
    if (room >= MIN_TITLE_CHARS) {
      candidates.push(withTitle(`${[...only.title].slice(0, room).join('').trimEnd()}…`));
    }
  }
  candidates.push(`article-qa: ${count} loaded.${tail}`);
  const fitting = candidates.find((line) => width(line) <= columns);
  return fitting ?? `${[...(candidates.at(-1) as string)].slice(0, columns - 1).join('')}…`;
}

/** What a Ctrl-C at the prompt does. */
export type InterruptAction = 'clear' | 'exit';

/** The REPL's Ctrl-C habit, as in node's and Python's REPLs. */
export interface InterruptPolicy {
  /** A Ctrl-C: clear the line (and say how to leave), or leave when the last key was one too. */
  interrupt(): InterruptAction;
  /** Any other key or line: the next Ctrl-C clears again. */
  reset(): void;
}

/**
 * The first Ctrl-C clears a half-typed line (or, on an empty one, says how to leave); a second
 * straight after it, now on an empty line, leaves. Anything typed in between starts over.
 */
export function createInterruptPolicy(): InterruptPolicy {
  let armed = false;
  return {
    interrupt() {
      if (armed) return 'exit';
      armed = true;
      return 'clear';
    },
    reset() {
      armed = false;
    },
  };
}

/** What the REPL prints after a Ctrl-C that did not leave. */
export const INTERRUPT_HINT = '(To leave, press Ctrl-C again or Ctrl-D, or type :quit)';
