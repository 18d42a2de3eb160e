import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/index.js';
import { indexTerms } from '../../../src/indexing/annotated-paragraphs.js';
import {
  createParagraphIndex,
  type ParagraphIndex,
  restoreParagraphIndex,
} from '../../../src/indexing/search-index.js';
import { analyzeText } from '../../../src/language/text-analysis.js';

/** The MiniSearch set-up the index replaced: one field of space-separated terms, OR, no fuzzy. */
function miniSearchOver(paragraphTerms: readonly (readonly string[])[]) {
  const engine = new MiniSearch<{ id: number; terms: string }>({
    fields: ['terms'],
    tokenize: (text) => text.split(' '),
    processTerm: (term) => (term.length > 0 ? term : null),
  });
  engine.addAll(paragraphTerms.map((terms, id) => ({ id, terms: terms.join(' ') })));
  return (terms: readonly { term: string; weight: number }[], limit: number) => {
    const weightOf = new Map(terms.map((t) => [t.term, t.weight]));
    return engine
      .search(terms.map((t) => t.term).join(' '), {
        boostTerm: (term) => weightOf.get(term) ?? 1,
        fuzzy: false,
        prefix: false,
      })
      .slice(0, limit)
      .map((r) => ({ id: Number(r.id), score: r.score }));
  };
}

describe('createParagraphIndex', () => {
  let paragraphTerms: string[][];
  let index: ParagraphIndex;
  let vocabulary: string[];
  beforeAll(async () => {
    const corpus = await loadCorpus('corpus');
    const texts = corpus.documents.flatMap((d) => d.paragraphs);
    // A paragraph without index terms counts as one term long, as in MiniSearch.
    paragraphTerms = [...texts, '', '...'].map((text) => indexTerms(analyzeText(text)));
    index = createParagraphIndex(paragraphTerms);
    vocabulary = [...new Set(paragraphTerms.flat())];
  });

  it('ranks and scores exactly as MiniSearch does, ties included, for any weighted query', () => {
    const reference = miniSearchOver(paragraphTerms);
    const term = fc.oneof(
      fc.constantFrom(...vocabulary),
      fc.string({ minLength: 1, maxLength: 6 }),
    );
    const weighted = fc.record({ term, weight: fc.double({ min: 0.05, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(
        fc.uniqueArray(weighted, { selector: (t) => t.term, minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 30 }),
        (terms, limit) => {
          const known = terms.filter((t) => index.documentFrequency(t.term) > 0);
          expect(index.search(terms, limit)).toStrictEqual(
            known.length === 0 ? [] : reference(known, limit),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('with a posting budget, scores every paragraph it finds exactly as the full search does', () => {
    const weighted = fc.record({
      term: fc.constantFrom(...vocabulary),
      weight: fc.double({ min: 0.05, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(weighted, { selector: (t) => t.term, minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 40 }),
        (terms, postingBudget) => {
          const full = new Map(index.search(terms, 1000).map((hit) => [hit.id, hit.score]));
          const hits = index.search(terms, 1000, { postingBudget });
          expect(hits.length).toBeGreaterThan(0);
          for (const [i, hit] of hits.entries()) {
            expect(hit.score).toBeCloseTo(full.get(hit.id) ?? Number.NaN, 9);
            if (i > 0) expect(hit.score).toBeLessThanOrEqual(hits[i - 1]?.score ?? 0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('finds paragraphs through the strongest terms that fit the posting budget, then the rarest', () => {
    const byFrequency = [...vocabulary].sort(
      (a, b) => index.documentFrequency(b) - index.documentFrequency(a),
    );
    const common = byFrequency[0] as string;
    const rare = byFrequency.at(-1) as string;
    const holding = (term: string) =>
      paragraphTerms.flatMap((terms, id) => (terms.includes(term) ? [id] : []));
    const budget = index.documentFrequency(common);
    const strongCommon = index.search(
      [
        { term: rare, weight: 0.5 },
        { term: common, weight: 1 },
      ],
      1000,
      { postingBudget: budget },
    );
    expect(strongCommon.map((hit) => hit.id).sort((a, b) => a - b)).toStrictEqual(holding(common));
    const equallyStrong = index.search(
      [
        { term: common, weight: 1 },
        { term: rare, weight: 1 },
      ],
      1000,
      { postingBudget: 1 },
    );
    expect(equallyStrong.map((hit) => hit.id).sort((a, b) => a - b)).toStrictEqual(holding(rare));
  });

  it('counts document frequencies and finds typos and longer forms in the vocabulary', () => {
    const russia = analyzeText('Russia').tokens[0]?.term ?? '';
    const holding = paragraphTerms.filter((terms) => terms.includes(russia)).length;
    expect(holding).toBeGreaterThan(1);
    expect(index.documentFrequency(russia)).toBe(holding);
    expect(index.documentFrequency('zzzz')).toBe(0);
    expect(index.idf('zzzz')).toBeGreaterThan(index.idf(russia));
    expect(index.similarTerms(`${russia}x`, 1)).toContain(russia);
    expect(index.extensions(russia.slice(0, -1), 3)).toContain(russia);
  });

  it('restores from what it saved and answers the same', () => {
    const restored = restoreParagraphIndex(index.save());
    const query = vocabulary.slice(0, 20).map((term, i) => ({ term, weight: 1 / (i + 1) }));
    expect(restored.search(query, 50)).toStrictEqual(index.search(query, 50));
    expect(restored.paragraphCount).toBe(index.paragraphCount);
    const saved = index.save();
    expect(() => restoreParagraphIndex({ ...saved, terms: saved.terms.slice(1) })).toThrow(
      /does not fit/,
    );
  });
});
