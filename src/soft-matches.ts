import type { AnnotatedParagraph } from './annotated-corpus.js';
import type { Token } from './language.js';
import type { RelatedTerm } from './term-relations.js';
import type { WordVectors } from './word-vectors.js';

/** Similarity below which two words are not taken as related. */
const MIN_SIMILARITY = 0.55;
/** Only content words carry meaning worth matching softly. */
const CONTENT_POS = new Set(['NOUN', 'VERB', 'ADJ']);
/** Similarity at which a soft match reaches its full weight. */
const FULL_SIMILARITY = 0.9;
/** A soft match never counts as much as the word itself or a WordNet synonym. */
const MAX_WEIGHT = 0.75;

/**
 * Finds words of the candidate paragraphs that mean nearly the same as a question word, by cosine
 * similarity of their word vectors ("soldiers" ~ "troops", "lawmakers" ~ "senators"). Names are
 * left out on both sides: vectors put "Russia" next to "Ukraine", which is no match at all.
 */
export function findSoftMatches(
  word: Pick<Token, 'text' | 'pos' | 'term'>,
  paragraphs: readonly AnnotatedParagraph[],
  vectors: WordVectors,
  cache: Map<string, number>,
): RelatedTerm[] {
  const form = word.text.toLowerCase();
  if (!CONTENT_POS.has(word.pos) || !vectors.has(form)) return [];
  const found = new Map<string, number>();
  for (const paragraph of paragraphs) {
    for (const token of paragraph.analysis.tokens) {
      if (!token.term || token.isStopWord || !CONTENT_POS.has(token.pos)) continue;
      if (token.term === word.term) continue;
      const other = token.text.toLowerCase();
      const key = `${form} ${other}`;
      let similarity = cache.get(key);
      if (similarity === undefined) {
        similarity = vectors.similarity(form, other) ?? 0;
        cache.set(key, similarity);
      }
      if (similarity < MIN_SIMILARITY) continue;
      const capped =
        MAX_WEIGHT *
        Math.min(1, (similarity - MIN_SIMILARITY) / (FULL_SIMILARITY - MIN_SIMILARITY));
      if ((found.get(token.term) ?? 0) < capped) found.set(token.term, capped);
    }
  }
  return [...found].map(([term, weight]) => ({ term, weight }));
}
