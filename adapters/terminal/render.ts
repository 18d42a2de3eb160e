import type { Answer, Excerpt } from '../../src/index.js';

/** ANSI styling, or none when the output is not a terminal. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  highlight(text: string): string;
}

export const PLAIN: Style = { bold: (t) => t, dim: (t) => t, highlight: (t) => t };

export const ANSI: Style = {
  bold: (t) => `\u001b[1m${t}\u001b[22m`,
  dim: (t) => `\u001b[2m${t}\u001b[22m`,
  highlight: (t) => `\u001b[33m${t}\u001b[39m`,
};

/** Attribution line of an excerpt: title, ¶N and the link when there is one. */
export function renderAttribution(excerpt: Excerpt): string {
  const parts = [`${excerpt.title}, ¶${excerpt.paragraph}`];
  if (excerpt.source) parts.push(excerpt.source);
  if (excerpt.url) parts.push(excerpt.url);
  return `— ${parts.join(' · ')}`;
}

function renderQuote(excerpt: Excerpt, style: Style): string {
  let text = '';
  let at = 0;
  for (const { start, end } of excerpt.highlights) {
    text += excerpt.quote.slice(at, start) + style.highlight(excerpt.quote.slice(start, end));
    at = end;
  }
  return `“${text}${excerpt.quote.slice(at)}”`;
}

/** Multi-line, human-readable rendering of an answer for a terminal. */
export function renderAnswer(answer: Answer, style: Style = PLAIN): string {
  const lines: string[] = [];
  if (!answer.answered) {
    lines.push("I couldn't find that in the article.");
    if (answer.excerpts.length > 0) lines.push(style.dim('Possibly related:'));
  } else if (answer.answer) {
    lines.push(style.bold(answer.answer));
  }
  answer.excerpts.forEach((excerpt, i) => {
    lines.push('', `${answer.offset + i + 1}. ${renderQuote(excerpt, style)}`);
    lines.push(`   ${style.dim(renderAttribution(excerpt))}`);
  });
  if (answer.answered && answer.excerpts.length === 0) lines.push('No further excerpts.');
  if (answer.hasMore) lines.push('', style.dim('(:more for further excerpts)'));
  return lines.join('\n');
}

/** One-line rendering, for batch output: short answer or verdict, then the first excerpt. */
export function renderAnswerLine(answer: Answer): string {
  const first = answer.excerpts[0];
  const head = answer.answered ? (answer.answer ?? 'Found') : 'Not in the article';
  if (!first || !answer.answered) return head;
  return `${head} | ${first.title} ¶${first.paragraph}: “${first.quote.replace(/\s+/g, ' ')}”`;
}

/** A whole paragraph with its attribution. */
export function renderParagraph(excerpt: Excerpt): string {
  return `${excerpt.text}\n${renderAttribution(excerpt)}`;
}
