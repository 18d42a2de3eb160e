import type { Highlight } from './answer-schema.js';
import type { AnnotatedParagraph } from './annotated-corpus.js';

/** A verbatim quote cut from a paragraph, with the matched words marked. */
export interface Quote {
  readonly text: string;
  readonly highlights: Highlight[];
}

/**
 * Picks the sentence of `paragraph` that holds most of the matched terms (by count of distinct
 * terms, earlier sentence on ties) and returns it verbatim with the matched words marked.
 */
export function selectQuote(paragraph: AnnotatedParagraph, matched: ReadonlySet<string>): Quote {
  const { sentences, tokens } = paragraph.analysis;
  let bestIndex = 0;
  let bestScore = -1;
  sentences.forEach((sentence, index) => {
    const found = new Set<string>();
    for (let t = sentence.firstToken; t < sentence.endToken; t += 1) {
      const term = tokens[t]?.term;
      if (term && matched.has(term)) found.add(term);
    }
    if (found.size > bestScore) {
      bestScore = found.size;
      bestIndex = index;
    }
  });
  const sentence = sentences[bestIndex];
  if (!sentence) return { text: paragraph.text, highlights: [] };
  const highlights: Highlight[] = [];
  for (let t = sentence.firstToken; t < sentence.endToken; t += 1) {
    const token = tokens[t];
    if (token?.term && matched.has(token.term)) {
      highlights.push({ start: token.start - sentence.start, end: token.end - sentence.start });
    }
  }
  return { text: paragraph.text.slice(sentence.start, sentence.end), highlights };
}
