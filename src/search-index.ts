import MiniSearch from 'minisearch';
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
  /** The query terms found in the paragraph. */
  readonly matched: readonly string[];
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
  /** Serialises the index (for the snapshot cache). */
  toJSON(): unknown;
}

interface IndexedParagraph {
  id: number;
  terms: string;
}

const MINISEARCH_OPTIONS = {
  fields: ['terms'],
  tokenize: (text: string) => text.split(' '),
  processTerm: (term: string) => (term.length > 0 ? term : null),
};

/** Builds the index; `paragraphTerms[i]` lists the terms of paragraph `i` in text order. */
export function createParagraphIndex(
  paragraphTerms: readonly (readonly string[])[],
): ParagraphIndex {
  const engine = new MiniSearch<IndexedParagraph>(MINISEARCH_OPTIONS);
  engine.addAll(paragraphTerms.map((terms, id) => ({ id, terms: terms.join(' ') })));

  const frequency = new Map<string, number>();
  for (const terms of paragraphTerms) {
    for (const term of new Set(terms)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  }
  const vocabulary = SearchableMap.from(frequency);
  const total = paragraphTerms.length;

  return {
    paragraphCount: total,
    documentFrequency: (term) => frequency.get(term) ?? 0,
    idf(term) {
      const n = frequency.get(term) ?? 0;
      return Math.log(1 + (total - n + 0.5) / (n + 0.5));
    },
    similarTerms(term, maxDistance) {
      return [...vocabulary.fuzzyGet(term, maxDistance)]
        .filter(([candidate]) => candidate !== term)
        .sort(
          (a, b) => a[1][1] - b[1][1] || (frequency.get(b[0]) ?? 0) - (frequency.get(a[0]) ?? 0),
        )
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
      const known = terms.filter((t) => frequency.has(t.term));
      if (known.length === 0) return [];
      const weightOf = new Map(known.map((t) => [t.term, t.weight]));
      return engine
        .search(known.map((t) => t.term).join(' '), {
          boostTerm: (term) => weightOf.get(term) ?? 1,
          fuzzy: false,
          prefix: false,
        })
        .slice(0, limit)
        .map((result) => ({ id: Number(result.id), score: result.score, matched: result.terms }));
    },
    toJSON: () => engine.toJSON(),
  };
}
