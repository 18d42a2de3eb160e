import type { AnnotatedParagraph } from './annotated-corpus.js';
import type { Token } from './language.js';
import type { RelatedTerm } from './term-relations.js';
import type { WordVectors } from './word-vectors.js';

/** Finds corpus words that mean nearly the same as a question word. */
export interface SoftMatcher {
  matches(word: Pick<Token, 'text' | 'pos' | 'term'>): readonly RelatedTerm[];
}

/** Similarity below which two words are not taken as related. */
const MIN_SIMILARITY = 0.55;
/** Similarity at which a soft match reaches its full weight. */
const FULL_SIMILARITY = 0.9;
/** A soft match never counts as much as the word itself or a WordNet synonym. */
const MAX_WEIGHT = 0.75;
/** Only content words carry meaning worth matching softly. */
const CONTENT_POS = new Set(['NOUN', 'VERB', 'ADJ']);
const CACHE_LIMIT = 5_000;

/**
 * Builds a matcher over the corpus vocabulary by cosine similarity of word vectors ("soldiers" ~
 * "troops", "lawmakers" ~ "senators"). Names are left out on both sides: vectors put "Russia"
 * next to "Ukraine", which is no match at all. The corpus side is prepared once, here.
 */
export function createSoftMatcher(
  paragraphs: readonly AnnotatedParagraph[],
  vectors: WordVectors,
): SoftMatcher {
  const forms = new Map<string, string>();
  for (const paragraph of paragraphs) addSoftForms(forms, paragraph.analysis.tokens);
  return createSoftMatcherFrom(forms, vectors);
}

/**
 * Adds the corpus words a soft matcher compares against (lower-cased form → term) from one
 * paragraph's tokens, so the vocabulary can be gathered while a corpus is analysed.
 */
export function addSoftForms(
  forms: Map<string, string>,
  tokens: Iterable<Pick<Token, 'text' | 'pos' | 'term' | 'isStopWord'>>,
): void {
  for (const token of tokens) {
    if (!token.term || token.isStopWord || !CONTENT_POS.has(token.pos)) continue;
    forms.set(token.text.toLowerCase(), token.term);
  }
}

/** {@link createSoftMatcher} over forms gathered with {@link addSoftForms} (or from a snapshot). */
export function createSoftMatcherFrom(
  forms: ReadonlyMap<string, string>,
  vectors: WordVectors,
): SoftMatcher {
  const terms: string[] = [];
  const rows: Float32Array[] = [];
  for (const [form, term] of forms) {
    const vector = vectors.vector(form);
    if (vector) {
      terms.push(term);
      rows.push(vector);
    }
  }
  const dimensions = vectors.dimensions;
  const matrix = new Float32Array(rows.length * dimensions);
  rows.forEach((row, i) => matrix.set(row, i * dimensions));
  const cache = new Map<string, readonly RelatedTerm[]>();

  return {
    matches(word) {
      const form = word.text.toLowerCase();
      if (!CONTENT_POS.has(word.pos)) return [];
      const cached = cache.get(form);
      if (cached) return cached;
      const query = vectors.vector(form);
      const found = new Map<string, number>();
      if (query) {
        for (let i = 0; i < terms.length; i += 1) {
          let dot = 0;
          const base = i * dimensions;
          for (let d = 0; d < dimensions; d += 1)
            dot += (query[d] as number) * (matrix[base + d] as number);
          if (dot < MIN_SIMILARITY) continue;
          const term = terms[i] as string;
          if (term === word.term) continue;
          const weight =
            MAX_WEIGHT * Math.min(1, (dot - MIN_SIMILARITY) / (FULL_SIMILARITY - MIN_SIMILARITY));
          if ((found.get(term) ?? 0) < weight) found.set(term, weight);
        }
      }
      const result = [...found].map(([term, weight]) => ({ term, weight }));
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(form, result);
      return result;
    },
  };
}
