import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { indexTerms } from '../src/annotated-corpus.js';
import { loadCorpus } from '../src/index.js';
import { analyzeText } from '../src/language.js';
import {
  createParagraphIndex,
  type ParagraphIndex,
  restoreParagraphIndex,
} from '../src/search-index.js';

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
