import type { AnnotatedParagraph } from './annotated-corpus.js';
import type { Token } from './language.js';
import type { RelatedTerm } from './term-relations.js';
import type { WordVectors } from './word-vectors.js';

/** Finds corpus words that mean nearly the same as a question word. */
export interface SoftMatcher {
  /**
   * A matcher over `terms` alone (corpus terms, such as those of the paragraphs being ranked):
   * comparing with those costs far less than with the whole vocabulary of a large corpus.
   */
  among(terms: Iterable<string>): SoftMatches;
}

/** The terms of one set that mean nearly the same as a question word. */
export type SoftMatches = (word: Pick<Token, 'text' | 'pos' | 'term'>) => readonly RelatedTerm[];

/** Similarity below which two words are not taken as related. */
const MIN_SIMILARITY = 0.55;
/** Similarity at which a soft match reaches its full weight. */
const FULL_SIMILARITY = 0.9;
/** A soft match never counts as much as the word itself or a WordNet synonym. */
const MAX_WEIGHT = 0.75;
/** Only content words carry meaning worth matching softly. */
const CONTENT_POS = new Set(['NOUN', 'VERB', 'ADJ']);
/** Question words whose vectors are kept (a few MB at most). */
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
  const dimensions = vectors.dimensions;
  const rows: Float32Array[] = [];
  // A term's rows: its forms with a vector ("troop", "troops").
  const rowsOf = new Map<string, number[]>();
  for (const [form, term] of forms) {
    const vector = vectors.vector(form);
    if (!vector) continue;
    const own = rowsOf.get(term);
    if (own) own.push(rows.length);
    else rowsOf.set(term, [rows.length]);
    rows.push(vector);
  }
  const matrix = new Float32Array(rows.length * dimensions);
  rows.forEach((row, i) => {
    matrix.set(row, i * dimensions);
  });
  const queries = new Map<string, Float32Array | null>();

  const queryVector = (form: string): Float32Array | null => {
    let query = queries.get(form);
    if (query === undefined) {
      query = vectors.vector(form);
      if (queries.size >= CACHE_LIMIT) queries.clear();
      queries.set(form, query);
    }
    return query;
  };

  return {
    among(terms) {
      const chosenRows: number[] = [];
      const rowTerms: string[] = [];
      for (const term of terms) {
        for (const row of rowsOf.get(term) ?? []) {
          chosenRows.push(row);
          rowTerms.push(term);
        }
      }
      return (word) => {
        if (!CONTENT_POS.has(word.pos)) return [];
        const query = queryVector(word.text.toLowerCase());
        if (!query) return [];
        const found = new Map<string, number>();
        for (let r = 0; r < chosenRows.length; r += 1) {
          const term = rowTerms[r] as string;
          if (term === word.term) continue;
          const base = (chosenRows[r] as number) * dimensions;
          let dot = 0;
          for (let d = 0; d < dimensions; d += 1)
            dot += (query[d] as number) * (matrix[base + d] as number);
          if (dot < MIN_SIMILARITY) continue;
          const weight =
            MAX_WEIGHT * Math.min(1, (dot - MIN_SIMILARITY) / (FULL_SIMILARITY - MIN_SIMILARITY));
          if ((found.get(term) ?? 0) < weight) found.set(term, weight);
        }
        return [...found].map(([term, weight]) => ({ term, weight }));
      };
    },
  };
}
