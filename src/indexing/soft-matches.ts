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
/** Vocabularies up to this many terms keep the weights worked out (see `known` below). */
const REMEMBERED_VOCABULARY = 20_000;
/** Memory for the weights kept, at most. */
const REMEMBERED_BYTES = 8 * 2 ** 20;

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
  // A term's number and rows: its forms with a vector ("troop", "troops").
  const termsByName = new Map<string, { readonly id: number; readonly rows: number[] }>();
  for (const [form, term] of forms) {
    const vector = vectors.vector(form);
    if (!vector) continue;
    const own = termsByName.get(term);
    if (own) own.rows.push(rows.length);
    else termsByName.set(term, { id: termsByName.size, rows: [rows.length] });
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

  const whole = dimensions - (dimensions % 4);
  /** The weight a term with `termRows` earns as a stand-in for the word with vector `query`. */
  const weightOf = (query: Float32Array, termRows: readonly number[]): number => {
    let dot = Number.NEGATIVE_INFINITY;
    for (const row of termRows) {
      const base = row * dimensions;
      // Four running sums per dot product: about twice as fast as one in V8.
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let d = 0;
      for (; d < whole; d += 4) {
        s0 += (query[d] as number) * (matrix[base + d] as number);
        s1 += (query[d + 1] as number) * (matrix[base + d + 1] as number);
        s2 += (query[d + 2] as number) * (matrix[base + d + 2] as number);
        s3 += (query[d + 3] as number) * (matrix[base + d + 3] as number);
      }
      for (; d < dimensions; d += 1) s0 += (query[d] as number) * (matrix[base + d] as number);
      dot = Math.max(dot, s0 + s1 + s2 + s3);
    }
    if (dot < minSimilarity) return 0;
    return maxWeight * Math.min(1, (dot - minSimilarity) / (fullSimilarity - minSimilarity));
  };

  // A small corpus (one article, a folder of them) is asked about in the same words again and
  // again, and these dot products were the largest single cost of ranking it: each word form's
  // weight against each term is kept once worked out (NaN: not yet). A large vocabulary would
  // need a large row per form and is rarely asked the same pair twice, so it is not kept there.
  const termCount = termsByName.size;
  const keepsWeights = termCount <= REMEMBERED_VOCABULARY;
  const rememberedForms = Math.max(1, Math.floor(REMEMBERED_BYTES / (8 * Math.max(1, termCount))));
  const known = new Map<string, Float64Array>();
  const knownOf = (form: string): Float64Array | null => {
    if (!keepsWeights) return null;
    let found = known.get(form);
    if (!found) {
      if (known.size >= rememberedForms) known.clear();
      found = new Float64Array(termCount).fill(Number.NaN);
      known.set(form, found);
    }
    return found;
  };

  return {
    matchAll(words, terms) {
      const found = words.map(() => new Map<string, number>());
      const asked: { index: number; query: Float32Array; known: Float64Array | null }[] = [];
      for (const [index, word] of words.entries()) {
        if (!CONTENT_POS.has(word.pos)) continue;
        const form = word.text.toLowerCase();
        const query = queryVector(form);
        if (query) asked.push({ index, query, known: knownOf(form) });
      }
      if (asked.length === 0) return found.map(() => []);
      for (const term of terms) {
        const entry = termsByName.get(term);
        if (!entry) continue;
        for (const { index, query, known: weights } of asked) {
          if (term === (words[index] as SoftWord).term) continue;
          let weight = weights ? (weights[entry.id] as number) : Number.NaN;
          if (Number.isNaN(weight)) {
            weight = weightOf(query, entry.rows);
            if (weights) weights[entry.id] = weight;
          }
          if (weight > 0) (found[index] as Map<string, number>).set(term, weight);
        }
      }
      return found.map((map) => [...map].map(([term, weight]) => ({ term, weight })));
    },
  };
}
