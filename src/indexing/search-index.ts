// indexing/: the corpus index built once: MiniSearch, annotations, term relations, aliases.
// May import: language, corpus, tuning, errors.
import MiniSearch, { type AsPlainObject } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';

/** A query term with the weight it carries (1 for the question's own words, less for expansions). */
export interface WeightedTerm {
  readonly term: string;
  readonly weight: number;
}

/** One paragraph found by the index. */
export interface IndexHit {
  /** Position of the paragraph in the list the index was built from. */
  readonly id: number;
  /** MiniSearch's BM25+ score; comparable only within one query. */
  readonly score: number;
}

/** Full-text index over paragraphs whose words are already turned into terms. */
export interface ParagraphIndex {
  readonly paragraphCount: number;
  /** Number of paragraphs holding `term`; 0 when it is not in the vocabulary. */
  documentFrequency(term: string): number;
  /** Inverse document frequency of `term` (BM25 flavour, never negative). */
  idf(term: string): number;
  /** Vocabulary terms within `maxDistance` edits of `term`, nearest first. */
  similarTerms(term: string, maxDistance: number): string[];
  /** Vocabulary terms that start with `term` and are at most `extra` characters longer. */
  extensions(term: string, extra: number): string[];
  /**
   * Paragraphs matching any of `terms` exactly, best first, at most `limit`. Without a posting
   * budget, exactly MiniSearch's ranking; with one, see {@link IndexSearchOptions}.
   */
  search(terms: readonly WeightedTerm[], limit: number, options?: IndexSearchOptions): IndexHit[];
  /**
   * The index in a form {@link restoreParagraphIndex} reads back (for the snapshot file), with
   * each paragraph's id replaced by `idOf(id)` when given (a reloaded index saved in corpus order).
   */
  save(idOf?: (id: number) => number): SavedParagraphIndex;
}

/**
 * A {@link ParagraphIndex} that takes paragraphs in and out in place, for a corpus reloaded
 * article by article. Every answerer made over it sees the change at once: the caller swaps to
 * a new answerer in the same synchronous step (see `snapshot/indexed-corpus.ts`).
 */
export interface MutableParagraphIndex extends ParagraphIndex {
  /** Indexes paragraph `id` (not in the index) with its terms in text order. */
  add(id: number, terms: readonly string[]): void;
  /** Takes paragraph `id` out; `terms` must be exactly those it was added with. */
  remove(id: number, terms: readonly string[]): void;
}

/** Options for {@link ParagraphIndex.search}. */
export interface IndexSearchOptions {
  /**
   * Postings (the summed document frequencies of the terms) that may find paragraphs. The terms
   * are taken strongest first, rarest first among equally strong ones, while they fit (the first
   * always does); the rest only adds to the scores of the paragraphs found, so a paragraph found
   * scores as it would with every term searched. MiniSearch scores each posting of a term searched (a few microseconds each), and
   * skips most of the work for paragraphs left out, so this bounds the cost on a large corpus.
   * @default Infinity
   */
  readonly postingBudget?: number;
}

/** A saved {@link ParagraphIndex}: the vocabulary with document frequencies, and MiniSearch's own form. */
export interface SavedParagraphIndex {
  readonly terms: readonly string[];
  readonly frequencies: Uint32Array;
  readonly engine: AsPlainObject;
}

interface IndexedParagraph {
  readonly id: number;
  readonly terms: string;
}

/** MiniSearch over one field of ready-made terms; the same options build and load an index. */
const ENGINE_OPTIONS = {
  fields: ['terms'],
  tokenize: (text: string) => text.split(' '),
  processTerm: (term: string) => (term.length > 0 ? term : null),
};

/**
 * Builds the index with MiniSearch; the `i`-th item of `paragraphTerms` lists the terms of
 * paragraph `i` in text order. Any iterable will do, so a large corpus is indexed as it is
 * analysed.
 */
export function createParagraphIndex(
  paragraphTerms: Iterable<readonly string[]>,
): MutableParagraphIndex {
  const engine = new MiniSearch<IndexedParagraph>(ENGINE_OPTIONS);
  const frequencies = new Map<string, number>();
  let id = 0;
  for (const terms of paragraphTerms) {
    engine.add({ id, terms: terms.join(' ') });
    for (const term of new Set(terms)) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    id += 1;
  }
  return wrapEngine(engine, frequencies);
}

/**
 * Reads back a saved index.
 *
 * @throws {Error} when the vocabulary and its frequencies do not fit together.
 */
export function restoreParagraphIndex(saved: SavedParagraphIndex): MutableParagraphIndex {
  if (saved.terms.length !== saved.frequencies.length) {
    throw new Error('paragraph index: the saved vocabulary does not fit its frequencies');
  }
  const frequencies = new Map<string, number>();
  saved.terms.forEach((term, i) => {
    frequencies.set(term, saved.frequencies[i] ?? 0);
  });
  return wrapEngine(MiniSearch.loadJS<IndexedParagraph>(saved.engine, ENGINE_OPTIONS), frequencies);
}

function wrapEngine(
  engine: MiniSearch<IndexedParagraph>,
  frequencies: Map<string, number>,
): MutableParagraphIndex {
  const frequencyOf = (term: string): number => frequencies.get(term) ?? 0;
  // Typo and prefix look-ups walk a tree of the vocabulary.
  const vocabulary = SearchableMap.from([...frequencies]);
  const count = (terms: readonly string[], by: 1 | -1) => {
    for (const term of new Set(terms)) {
      const n = frequencyOf(term) + by;
      if (n > 0) frequencies.set(term, n);
      else frequencies.delete(term);
      if (n === 1 && by === 1) vocabulary.set(term, n);
      else if (n <= 0) vocabulary.delete(term);
    }
  };

  return {
    get paragraphCount() {
      return engine.documentCount;
    },
    documentFrequency: frequencyOf,
    idf(term) {
      const total = engine.documentCount;
      const n = frequencyOf(term);
      return Math.log(1 + (total - n + 0.5) / (n + 0.5));
    },
    add(id, terms) {
      engine.add({ id, terms: terms.join(' ') });
      count(terms, 1);
    },
    remove(id, terms) {
      engine.remove({ id, terms: terms.join(' ') });
      count(terms, -1);
    },
    similarTerms(term, maxDistance) {
      return [...vocabulary.fuzzyGet(term, maxDistance)]
        .filter(([candidate]) => candidate !== term)
        .sort((a, b) => a[1][1] - b[1][1] || frequencyOf(b[0]) - frequencyOf(a[0]))
        .map(([candidate]) => candidate);
    },
    extensions(term, extra) {
      const found: string[] = [];
      for (const [candidate] of vocabulary.atPrefix(term)) {
        if (candidate !== term && candidate.length - term.length <= extra) found.push(candidate);
      }
      return found;
    },
    search(terms, limit, options = {}) {
      const boosts = new Map<string, number>();
      for (const { term, weight } of terms) {
        if (frequencies.has(term)) boosts.set(term, weight);
      }
      if (boosts.size === 0) return [];
      const run = (query: readonly string[], only?: ReadonlyMap<number, unknown>) =>
        engine.search(query.join(' '), {
          boostTerm: (term) => boosts.get(term) ?? 1,
          // Zero leaves a paragraph out before MiniSearch computes anything for it.
          ...(only ? { boostDocument: (id: unknown) => (only.has(id as number) ? 1 : 0) } : {}),
          fuzzy: false,
          prefix: false,
        });
      const budget = options.postingBudget ?? Number.POSITIVE_INFINITY;
      let total = 0;
      for (const term of boosts.keys()) total += frequencyOf(term);
      if (total <= budget) {
        return run([...boosts.keys()])
          .slice(0, limit)
          .map((result) => ({ id: Number(result.id), score: result.score }));
      }
      const byRarity = [...boosts.keys()].sort(
        (a, b) =>
          (boosts.get(b) as number) - (boosts.get(a) as number) || frequencyOf(a) - frequencyOf(b),
      );
      let postings = frequencyOf(byRarity[0] as string);
      let finding = 1;
      while (postings + frequencyOf(byRarity[finding] as string) <= budget) {
        postings += frequencyOf(byRarity[finding] as string);
        finding += 1;
      }
      // MiniSearch's score is the summed term scores times the number of query terms matched.
      const found = new Map<number, { sum: number; matched: number }>();
      for (const result of run(byRarity.slice(0, finding))) {
        const matched = result.queryTerms.length;
        found.set(Number(result.id), { sum: result.score / matched, matched });
      }
      if (found.size > 0) {
        for (const result of run(byRarity.slice(finding), found)) {
          const entry = found.get(Number(result.id));
          if (!entry) continue;
          entry.sum += result.score / result.queryTerms.length;
          entry.matched += result.queryTerms.length;
        }
      }
      return bestHits(found, limit);
    },
    save(idOf) {
      const saved = engine.toJSON();
      if (idOf) {
        const ids: Record<string, number> = {};
        for (const [short, id] of Object.entries(saved.documentIds)) ids[short] = idOf(Number(id));
        saved.documentIds = ids;
      }
      return {
        terms: [...frequencies.keys()],
        frequencies: Uint32Array.from(frequencies.values()),
        engine: saved,
      };
    },
  };
}

/** The `limit` best of the paragraphs found, best first (ties in the order found). */
function bestHits(
  found: ReadonlyMap<number, { readonly sum: number; readonly matched: number }>,
  limit: number,
): IndexHit[] {
  const best: IndexHit[] = [];
  for (const [id, { sum, matched }] of found) {
    const score = sum * matched;
    if (best.length >= limit && score <= (best[best.length - 1] as IndexHit).score) continue;
    let at = best.length;
    while (at > 0 && (best[at - 1] as IndexHit).score < score) at -= 1;
    best.splice(at, 0, { id, score });
    if (best.length > limit) best.pop();
  }
  return best;
}
