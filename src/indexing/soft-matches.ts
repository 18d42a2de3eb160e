// indexing/: the corpus index built once: MiniSearch, annotations, term relations, aliases.
// May import: language, corpus, tuning, errors.
import type { Token } from '../language/text-analysis.js';
import type { WordVectors } from '../language/word-vectors.js';
import type { IndexingTuning, RelatedTerm } from './term-relations.js';

/** Finds corpus words that mean nearly the same as a question word. */
export interface SoftMatcher {
  /**
   * For each of `words`, the terms among `terms` (corpus terms, such as those of the paragraphs
   * being ranked) that mean nearly the same: comparing with those alone costs far less than with
   * the whole vocabulary of a large corpus.
   */
  matchAll(words: readonly SoftWord[], terms: Iterable<string>): (readonly RelatedTerm[])[];
}

/** What the soft matcher needs of a question word. */
export type SoftWord = Pick<Token, 'text' | 'pos' | 'term'>;

/** Only content words carry meaning worth matching softly. */
const CONTENT_POS = new Set(['NOUN', 'VERB', 'ADJ']);
/** Question words whose vectors are kept (a few MB at most). */
const CACHE_LIMIT = 5_000;

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

/**
 * A matcher over the corpus vocabulary by cosine similarity of word vectors ("soldiers" ~
 * "troops", "lawmakers" ~ "legislators"), over the forms gathered with {@link addSoftForms} at
 * index time (or read from a snapshot). Names are left out on both sides: vectors put "Spain"
 * next to "Portugal", which is no match at all.
 */
export function createSoftMatcherFrom(
  forms: ReadonlyMap<string, string>,
  vectors: WordVectors,
  tuning: IndexingTuning['softMatch'],
): SoftMatcher {
  const { minSimilarity, fullSimilarity, maxWeight } = tuning;
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
    matchAll(words, terms) {
      const found = words.map(() => new Map<string, number>());
      const asked: number[] = [];
      for (const [i, word] of words.entries()) {
        if (CONTENT_POS.has(word.pos) && queryVector(word.text.toLowerCase())) asked.push(i);
      }
      if (asked.length === 0) return found.map(() => []);
      // The question words' vectors side by side, as doubles; four running sums per dot product
      // (about twice as fast as one in V8).
      const queries = new Float64Array(asked.length * dimensions);
      asked.forEach((i, k) => {
        queries.set(queryVector((words[i] as SoftWord).text.toLowerCase()) ?? [], k * dimensions);
      });
      const whole = dimensions - (dimensions % 4);
      for (const term of terms) {
        for (const row of rowsOf.get(term) ?? []) {
          const base = row * dimensions;
          for (let k = 0; k < asked.length; k += 1) {
            const word = words[asked[k] as number] as SoftWord;
            if (term === word.term) continue;
            const q = k * dimensions;
            let s0 = 0;
            let s1 = 0;
            let s2 = 0;
            let s3 = 0;
            let d = 0;
            for (; d < whole; d += 4) {
              s0 += (queries[q + d] as number) * (matrix[base + d] as number);
              s1 += (queries[q + d + 1] as number) * (matrix[base + d + 1] as number);
              s2 += (queries[q + d + 2] as number) * (matrix[base + d + 2] as number);
              s3 += (queries[q + d + 3] as number) * (matrix[base + d + 3] as number);
            }
            for (; d < dimensions; d += 1) {
              s0 += (queries[q + d] as number) * (matrix[base + d] as number);
            }
            const dot = s0 + s1 + s2 + s3;
            if (dot < minSimilarity) continue;
            const weight =
              maxWeight * Math.min(1, (dot - minSimilarity) / (fullSimilarity - minSimilarity));
            const into = found[asked[k] as number] as Map<string, number>;
            if ((into.get(term) ?? 0) < weight) into.set(term, weight);
          }
        }
      }
      return found.map((map) => [...map].map(([term, weight]) => ({ term, weight })));
    },
  };
}
