import type { ArticleDocument } from '../../src/index.js';

/**
 * The REPL's one-line greeting, whatever the number of articles: the title when there is one,
 * else how many (`:docs` lists them), cut with "…" to fit `width` columns.
 */
export function bannerLine(documents: readonly ArticleDocument[], width?: number): string {
  const tail = ' Type help for commands.';
  const [only] = documents;
  const about =
    documents.length === 1 && only
      ? `“${only.title}” (${only.paragraphs.length} paragraphs).`
      : `${documents.length} articles (:docs lists them).`;
  const line = `article-qa: ask about ${about}${tail}`;
  if (width === undefined || [...line].length <= width || !only || documents.length !== 1) {
    return line;
  }
  const room =
    width - [...`article-qa: ask about “…” (${only.paragraphs.length} paragraphs).${tail}`].length;
  const title = [...only.title].slice(0, Math.max(0, room)).join('').trimEnd();
  return `article-qa: ask about “${title}…” (${only.paragraphs.length} paragraphs).${tail}`;
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
