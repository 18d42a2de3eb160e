import type { Answer, ArticleDocument } from '../../src/index.js';

/**
 * What a person reads for each way an answer can end, written once for the REPL, `ask`,
 * Discord and Slack, so every front end says the same thing in the same words.
 */

/** The three outcomes of an answer, each rendered its own way everywhere. */
export type AnswerOutcome =
  /** A short answer, with the excerpts it comes from. */
  | 'short-answer'
  /** The corpus answers it, but no short span does: here is what the article says. */
  | 'excerpts'
  /** The corpus does not answer it; any excerpts are only possibly related. */
  | 'not-found';

/** Which of the three outcomes `answer` is. */
export function answerOutcome(answer: Pick<Answer, 'answered' | 'answer'>): AnswerOutcome {
  if (!answer.answered) return 'not-found';
  return answer.answer ? 'short-answer' : 'excerpts';
}

/** "the article", or "the articles" when the corpus holds several. */
export function corpusNoun(articleCount: number): string {
  return articleCount === 1 ? 'the article' : 'the articles';
}

/** The words of each outcome and of paging, for a corpus of `articleCount` articles. */
export interface Wording {
  /** `not-found`: "That is not in the article." */
  readonly notFound: string;
  /** Above the excerpts of a `not-found` answer. */
  readonly possiblyRelated: string;
  /** `excerpts`: "Here is what the article says:" */
  readonly excerpts: string;
  /** A page past the last excerpt. */
  readonly noFurther: string;
  /** Above a later page of excerpts (`range` such as "4–6"). */
  more(answered: boolean, range: string): string;
}

/** The {@link Wording} for a corpus of `articleCount` articles. */
export function wordingFor(articleCount: number): Wording {
  const noun = corpusNoun(articleCount);
  return {
    notFound: `That is not in ${noun}.`,
    possiblyRelated: 'Possibly related:',
    excerpts: `Here is what ${noun} ${articleCount === 1 ? 'says' : 'say'}:`,
    noFurther: 'No further excerpts.',
    more: (answered, range) =>
      answered
        ? `More from ${noun} (excerpts ${range}):`
        : `More possibly related excerpts (${range}):`,
  };
}

/**
 * The line above an answer's excerpts, or null for a short answer (the renderer shows the answer
 * itself, in its platform's bold). Later pages say which excerpts they hold.
 */
export function headlineOf(answer: Answer, articleCount: number): string | null {
  const words = wordingFor(articleCount);
  const shown = answer.excerpts.length;
  if (answer.offset > 0) {
    if (shown === 0) return words.noFurther;
    return words.more(answer.answered, `${answer.offset + 1}–${answer.offset + shown}`);
  }
  switch (answerOutcome(answer)) {
    case 'not-found':
      return words.notFound;
    case 'excerpts':
      return shown > 0 ? words.excerpts : words.noFurther;
    case 'short-answer':
      return null;
  }
}

const DOUBLE_MARKS = new Set(['“', '”', '"', '«', '»', '„']);
const SINGLE_MARKS = new Set(['‘', '’', "'"]);

/**
 * The part of `text` to put between our own quote marks: surrounding whitespace, and the
 * article's own quote mark at the very start or end, left out. A single mark goes only when both
 * ends have one, so the apostrophe of "the players’" stays.
 */
export function quoteBounds(text: string): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  while (start < end && /\s/.test(text[start] as string)) start += 1;
  while (end > start && /\s/.test(text[end - 1] as string)) end -= 1;
  if (DOUBLE_MARKS.has(text[start] as string)) start += 1;
  if (end > start && DOUBLE_MARKS.has(text[end - 1] as string)) end -= 1;
  if (
    end - start >= 2 &&
    SINGLE_MARKS.has(text[start] as string) &&
    SINGLE_MARKS.has(text[end - 1] as string)
  ) {
    start += 1;
    end -= 1;
  }
  return { start, end };
}

/**
 * `text` in “curly quotes” without doubling the article's own (see {@link quoteBounds}), so
 * `“Yes,” he said.` never reads `““Yes,” he said.”` and `…integrity.”` never ends `.””`.
 * Whitespace inside is collapsed, for one-line output.
 */
export function quoteInline(text: string): string {
  const { start, end } = quoteBounds(text);
  return `“${text.slice(start, end).replace(/\s+/g, ' ')}”`;
}

/** The corpus's articles as a person reads them in usage help: title and paragraph count. */
export function describeArticles(documents: readonly ArticleDocument[], max = 10): string[] {
  const shown = documents
    .slice(0, max)
    .map(
      (d) => `${d.title} (${d.paragraphs.length} paragraph${d.paragraphs.length === 1 ? '' : 's'})`,
    );
  return documents.length > max ? [...shown, `…and ${documents.length - max} more`] : shown;
}

/** True when a message only asks for help ("help", "Help?", "/help", "?"), not a question. */
export function isHelpRequest(text: string): boolean {
  return /^\s*(?:\/?help|\?)\s*[?!.]*\s*$/i.test(text);
}
