// quote/: the verbatim excerpt cut from a paragraph, with the question's own words marked.
// May import: indexing, the answer contract.
import type { Highlight } from '../answer.js';
import type { AnnotatedParagraph } from '../indexing/annotated-paragraphs.js';

/** A verbatim quote cut from a paragraph, with the question's own words marked. */
export interface Quote {
  readonly text: string;
  readonly highlights: Highlight[];
}

/**
 * Cuts the window of sentences (`first`, `count`) out of `paragraph` verbatim and marks the
 * words the question itself used: tokens whose term is one of `questionTerms` (the same word in
 * another form, "meet" ~ "meeting", counts). Words that matched only as relatives (synonyms,
 * word-vector neighbours such as "tanks" for "troops") helped rank the paragraph but are not
 * marked: a reader would take them for words of the question.
 */
export function selectQuote(
  paragraph: AnnotatedParagraph,
  window: { readonly first: number; readonly count: number },
  questionTerms: ReadonlySet<string>,
): Quote {
  const { sentences, tokens } = paragraph.analysis;
  const first = sentences[window.first];
  const last = sentences[window.first + window.count - 1] ?? first;
  if (!first || !last) return { text: paragraph.text, highlights: [] };
  const highlights: Highlight[] = [];
  for (let t = first.firstToken; t < last.endToken; t += 1) {
    const token = tokens[t];
    if (token?.term && questionTerms.has(token.term)) {
      highlights.push({ start: token.start - first.start, end: token.end - first.start });
    }
  }
  return { text: paragraph.text.slice(first.start, last.end), highlights };
}
