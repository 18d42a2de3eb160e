// quote/: the verbatim excerpt cut from a paragraph, with the matched words marked.
// May import: indexing, the answer contract.
import type { Highlight } from '../answer.js';
import type { AnnotatedParagraph } from '../indexing/annotated-paragraphs.js';

/** A verbatim quote cut from a paragraph, with the matched words marked. */
export interface Quote {
  readonly text: string;
  readonly highlights: Highlight[];
}

/**
 * Cuts the window of sentences (`first`, `count`) out of `paragraph` verbatim and marks the
 * words whose terms matched the question.
 */
export function selectQuote(
  paragraph: AnnotatedParagraph,
  window: { readonly first: number; readonly count: number },
  matched: ReadonlyMap<string, number>,
): Quote {
  const { sentences, tokens } = paragraph.analysis;
  const first = sentences[window.first];
  const last = sentences[window.first + window.count - 1] ?? first;
  if (!first || !last) return { text: paragraph.text, highlights: [] };
  const highlights: Highlight[] = [];
  for (let t = first.firstToken; t < last.endToken; t += 1) {
    const token = tokens[t];
    if (token?.term && matched.has(token.term)) {
      highlights.push({ start: token.start - first.start, end: token.end - first.start });
    }
  }
  return { text: paragraph.text.slice(first.start, last.end), highlights };
}
