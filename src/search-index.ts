import SearchableMap from 'minisearch/SearchableMap';
import {
  createPostingsBuilder,
  type PostingColumns,
  type Postings,
  restorePostings,
} from './compact-postings.js';

/** A query term with the weight it carries (1 for the question's own words, less for expansions). */
export interface WeightedTerm {
  readonly term: string;
  readonly weight: number;
}

/** One paragraph found by the index. */
export interface IndexHit {
  /** Position of the paragraph in the list the index was built from. */
  readonly id: number;
  /** BM25+ score as MiniSearch computes it; comparable only within one query. */
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

/** A saved {@link ParagraphIndex}: the vocabulary (term ids are positions) and the postings. */
export interface SavedParagraphIndex {
  /** In order of first appearance in the corpus. */
  readonly terms: readonly string[];
  readonly postings: PostingColumns;
}

/**
 * Builds the index; the `i`-th item of `paragraphTerms` lists the terms of paragraph `i` in text
 * order. Any iterable will do, so a large corpus can be indexed as it is analysed.
 *
 * Ranking is MiniSearch's (BM25+ over one field, OR of the query terms, each boosted by its
 * weight, no fuzzy or prefix matching), computed over typed-array postings that keep only the
 * best `limit` paragraphs: on 100,000 paragraphs a question touches tens of thousands of them.
 */
export function createParagraphIndex(paragraphTerms: Iterable<readonly string[]>): ParagraphIndex {
  const ids = new Map<string, number>();
  const builder = createPostingsBuilder();
  for (const terms of paragraphTerms) {
    builder.add(
      terms.map((term) => {
        let id = ids.get(term);
        if (id === undefined) {
          id = ids.size;
          ids.set(term, id);
        }
        return id;
      }),
    );
  }
  return wrapPostings(ids, builder.finish(ids.size));
}

/**
 * Reads back a saved index.
 *
 * @throws {Error} when the vocabulary and the postings do not fit together.
 */
export function restoreParagraphIndex(saved: SavedParagraphIndex): ParagraphIndex {
  const ids = new Map<string, number>();
  saved.terms.forEach((term, id) => {
    ids.set(term, id);
  });
  if (ids.size !== saved.terms.length || saved.postings.starts.length !== ids.size + 1) {
    throw new Error('paragraph index: the saved vocabulary does not fit its postings');
  }
  return wrapPostings(ids, restorePostings(saved.postings));
}

function wrapPostings(ids: ReadonlyMap<string, number>, postings: Postings): ParagraphIndex {
  const total = postings.paragraphCount;
  const frequencyOf = (term: string): number => {
    const id = ids.get(term);
    return id === undefined ? 0 : postings.documentFrequency(id);
  };
  // Typo and prefix look-ups walk a tree of the vocabulary.
  const vocabulary = SearchableMap.from([...ids.keys()].map((term) => [term, frequencyOf(term)]));

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
      // Each distinct term once, where it first appears, with its last weight (as MiniSearch's
      // `boostTerm` over a query string would see it).
      const boosts = new Map<number, number>();
      for (const { term, weight } of terms) {
        const id = ids.get(term);
        if (id !== undefined) boosts.set(id, weight);
      }
      if (boosts.size === 0) return [];
      return postings.search(
        [...boosts].map(([id, boost]) => ({ id, boost })),
        limit,
      );
    },
    save: () => ({ terms: [...ids.keys()], postings: postings.columns }),
  };
}
