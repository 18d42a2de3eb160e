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
  /** Paragraphs matching any of `terms` exactly, best first, at most `limit`. */
  search(terms: readonly WeightedTerm[], limit: number): IndexHit[];
  /** The index in a form {@link restoreParagraphIndex} reads back (for the snapshot file). */
  save(): SavedParagraphIndex;
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
export function createParagraphIndex(paragraphTerms: Iterable<readonly string[]>): ParagraphIndex {
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
export function restoreParagraphIndex(saved: SavedParagraphIndex): ParagraphIndex {
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
  frequencies: ReadonlyMap<string, number>,
): ParagraphIndex {
  const total = engine.documentCount;
  const frequencyOf = (term: string): number => frequencies.get(term) ?? 0;
  // Typo and prefix look-ups walk a tree of the vocabulary.
  const vocabulary = SearchableMap.from([...frequencies]);

  return {
    paragraphCount: total,
    documentFrequency: frequencyOf,
    idf(term) {
      const n = frequencyOf(term);
      return Math.log(1 + (total - n + 0.5) / (n + 0.5));
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
    search(terms, limit) {
      const boosts = new Map<string, number>();
      for (const { term, weight } of terms) {
        if (frequencies.has(term)) boosts.set(term, weight);
      }
      if (boosts.size === 0) return [];
      return engine
        .search([...boosts.keys()].join(' '), {
          boostTerm: (term) => boosts.get(term) ?? 1,
          fuzzy: false,
          prefix: false,
        })
        .slice(0, limit)
        .map((result) => ({ id: Number(result.id), score: result.score }));
    },
    save: () => ({
      terms: [...frequencies.keys()],
      frequencies: Uint32Array.from(frequencies.values()),
      engine: engine.toJSON(),
    }),
  };
}
