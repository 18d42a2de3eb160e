import type { Answer, Excerpt } from '../../src/index.js';
import { linkToQuote } from '../shared/text-fragment.js';
import { headlineOf, quoteBounds, quoteInline, wordingFor } from '../shared/wording.js';
import { PLAIN, type Style } from './style.js';
import { wrapText } from './wrap.js';

export { ANSI, chooseStyle, PLAIN, type Style } from './style.js';

/** Options for {@link renderAnswer} and {@link renderParagraph}. */
export interface TerminalOptions {
  /** @default PLAIN */
  style?: Style;
  /** Columns to wrap at, at word boundaries; none when output is not a terminal. */
  width?: number | undefined;
  /** Articles in the corpus, for "the article" or "the articles". @default 1 */
  articleCount?: number;
  /** End with the REPL's "(:more for further excerpts)" when there are more. @default false */
  moreHint?: boolean;
}

/**
 * Attribution line of an excerpt: title, ¶N, source, and the link that opens the article at the
 * quoted text (`linked` is what the link should select: the quote, or the whole paragraph).
 */
export function renderAttribution(excerpt: Excerpt, linked: string = excerpt.quote): string {
  const parts = [`${excerpt.title}, ¶${excerpt.paragraph}`];
  if (excerpt.source) parts.push(excerpt.source);
  const link = excerpt.url ? (linkToQuote(excerpt.url, linked) ?? excerpt.url) : null;
  if (link) parts.push(link);
  return `— ${parts.join(' · ')}`;
}

/** The quote between our own marks (the article's own at its edges left out), highlights styled. */
function renderQuote(excerpt: Excerpt, style: Style): string {
  const { start, end } = quoteBounds(excerpt.quote);
  let text = '';
  let at = start;
  for (const highlight of excerpt.highlights) {
    const from = Math.max(highlight.start, at);
    const to = Math.min(highlight.end, end);
    if (to <= from) continue;
    text += excerpt.quote.slice(at, from) + style.highlight(excerpt.quote.slice(from, to));
    at = to;
  }
  return `“${text}${excerpt.quote.slice(at, end)}”`.replace(/\s*\n\s*/g, ' ');
}

/**
 * Multi-line, human-readable rendering of an answer for a terminal: the short answer in bold, or
 * the line that says which outcome this is, then each excerpt numbered with its attribution,
 * wrapped at word boundaries to `width`.
 */
export function renderAnswer(answer: Answer, options: TerminalOptions = {}): string {
  const style = options.style ?? PLAIN;
  const width = options.width;
  const headline = headlineOf(answer, options.articleCount ?? 1);
  const lines: string[] = [];
  if (answer.answer && answer.offset === 0) lines.push(wrapText(style.bold(answer.answer), width));
  else if (headline) lines.push(wrapText(headline, width));
  if (!answer.answered && answer.offset === 0 && answer.excerpts.length > 0) {
    lines.push(style.dim(wordingFor(options.articleCount ?? 1).possiblyRelated));
  }
  answer.excerpts.forEach((excerpt, i) => {
    const number = `${answer.offset + i + 1}. `;
    lines.push('', wrapText(`${number}${renderQuote(excerpt, style)}`, width, number.length));
    const attribution = wrapText(
      `${' '.repeat(number.length)}${renderAttribution(excerpt)}`,
      width,
      2,
    );
    lines.push(style.dim(attribution));
  });
  if (options.moreHint && answer.hasMore) {
    lines.push('', style.dim('(:more for further excerpts)'));
  }
  return lines.join('\n');
}

/**
 * One-line rendering, for batch output: the short answer or the outcome's words, then the first
 * excerpt of an answered question with its place.
 */
export function renderAnswerLine(answer: Answer, articleCount = 1): string {
  const first = answer.excerpts[0];
  const head = answer.answer ?? headlineOf(answer, articleCount) ?? '';
  if (!first || !answer.answered) return head;
  return `${head} | ${first.title} ¶${first.paragraph}: ${quoteInline(first.quote)}`;
}

/** A whole paragraph with its attribution, wrapped to `width`. */
export function renderParagraph(excerpt: Excerpt, options: TerminalOptions = {}): string {
  const style = options.style ?? PLAIN;
  const attribution = renderAttribution(excerpt, excerpt.text);
  return `${wrapText(excerpt.text, options.width)}\n${style.dim(wrapText(attribution, options.width, 2))}`;
}
