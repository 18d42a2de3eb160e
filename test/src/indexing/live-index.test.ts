import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Corpus, loadCorpus } from '../../../src/index.js';
import { createAnnotationsBuilder } from '../../../src/indexing/annotation-columns.js';
import { joinAnnotations, sliceAnnotations } from '../../../src/indexing/annotation-views.js';
import {
  type ArticleVocabulary,
  collectVocabulary,
  mergeVocabularies,
  splitWordKey,
} from '../../../src/indexing/article-vocabulary.js';
import { createLiveVocabulary } from '../../../src/indexing/live-vocabulary.js';
import { createParagraphIndex } from '../../../src/indexing/search-index.js';
import { findReverseRelations } from '../../../src/indexing/term-relations.js';
import { analyzeText, type TextAnalysis } from '../../../src/language/text-analysis.js';
import { openWordNet } from '../../../src/language/wordnet.js';
import { DEFAULT_TUNING } from '../../../src/tuning.js';

const wordnet = openWordNet(DEFAULT_TUNING.language.wordnet);
let corpus: Corpus;
let analyses: TextAnalysis[][];
let vocabularies: ArticleVocabulary[];
beforeAll(async () => {
  const live = await loadCorpus('test/fixtures/live-corpus');
  const extra = await loadCorpus('test/fixtures/quality-corpus');
  corpus = { dir: live.dir, documents: [...live.documents, ...extra.documents] };
  analyses = corpus.documents.map((d) => d.paragraphs.map((p) => analyzeText(p)));
  vocabularies = analyses.map((paragraphs) => {
    const collector = collectVocabulary(wordnet, DEFAULT_TUNING.indexing.aliases);
    for (const analysis of paragraphs) collector.add(analysis);
    return collector.finish();
  });
});

/** Reverse relations as sorted [key, term, weight] rows: the same relations in any order. */
function rowsOf(reverse: ReadonlyMap<string, ReadonlyMap<string, number>>): string[] {
  return [...reverse]
    .flatMap(([key, terms]) => [...terms].map(([t, w]) => `${key} ${t} ${w}`))
    .sort();
}

describe('createLiveVocabulary', () => {
  it('holds the reverse relations of the articles in use, whatever came and went', () => {
    const pick = fc.array(fc.tuple(fc.boolean(), fc.nat()), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(pick, (steps) => {
        const inUse = vocabularies.map((_, i) => i < 2);
        const start = vocabularies.filter((_, i) => inUse[i]);
        const reverseOf = (articles: ArticleVocabulary[]) =>
          findReverseRelations(
            [...mergeVocabularies(articles).words].map(splitWordKey),
            { documentFrequency: () => 1 } as never,
            wordnet,
            DEFAULT_TUNING.indexing,
          );
        const live = createLiveVocabulary(
          start,
          reverseOf(start),
          wordnet,
          DEFAULT_TUNING.indexing,
        );
        for (const [add, n] of steps) {
          const i = n % vocabularies.length;
          if (add === inUse[i]) continue;
          if (add) live.addArticle(vocabularies[i] as ArticleVocabulary);
          else live.removeArticle(vocabularies[i] as ArticleVocabulary);
          inUse[i] = add;
        }
        const now = vocabularies.filter((_, i) => inUse[i]);
        expect(rowsOf(live.reverse)).toEqual(rowsOf(reverseOf(now)));
        expect([...live.softForms().keys()].sort()).toEqual(
          [...mergeVocabularies(now).softForms.keys()].sort(),
        );
      }),
      { numRuns: 25 },
    );
  });
});

describe('MutableParagraphIndex', () => {
  it('after paragraphs leave and join, counts and finds like an index built afresh', () => {
    const terms = analyses
      .flat()
      .map((a) => a.tokens.filter((t) => t.term && !t.isStopWord).map((t) => t.term));
    const index = createParagraphIndex(terms);
    // Out go the first three paragraphs; they come back under new ids.
    for (let id = 0; id < 3; id += 1) index.remove(id, terms[id] as string[]);
    for (let id = 0; id < 3; id += 1) index.add(terms.length + id, terms[id] as string[]);
    const fresh = createParagraphIndex([...terms.slice(3), ...terms.slice(0, 3)]);
    const vocabulary = [...new Set(terms.flat())];
    expect(index.paragraphCount).toBe(fresh.paragraphCount);
    for (const term of vocabulary) {
      expect(index.documentFrequency(term)).toBe(fresh.documentFrequency(term));
    }
    const query = (terms[0] as string[]).slice(0, 4).map((term) => ({ term, weight: 1 }));
    const found = index.search(query, 5).map((hit) => hit.id);
    const freshFound = fresh.search(query, 5).map((hit) => (hit.id + 3) % terms.length);
    expect(found.map((id) => id % terms.length).sort()).toEqual(freshFound.sort());
    expect(index.similarTerms('ferri', 1)).toEqual(fresh.similarTerms('ferri', 1));
  });

  it('takes a term out of the vocabulary when its last paragraph leaves', () => {
    const index = createParagraphIndex([
      ['ferri', 'strike'],
      ['museum', 'roof'],
    ]);
    index.remove(1, ['museum', 'roof']);
    expect(index.documentFrequency('museum')).toBe(0);
    expect(index.extensions('muse', 3)).toEqual([]);
    expect(index.search([{ term: 'roof', weight: 1 }], 5)).toEqual([]);
    expect(index.paragraphCount).toBe(1);
  });
});

describe('sliceAnnotations and joinAnnotations', () => {
  it('decode and merge the columns of articles to exactly their analyses', () => {
    const perArticle = analyses.map((paragraphs) => {
      const builder = createAnnotationsBuilder();
      for (const analysis of paragraphs) builder.add(analysis);
      return builder.finish();
    });
    const whole = joinAnnotations(perArticle);
    const texts = corpus.documents.flatMap((d) => d.paragraphs);
    const merged = joinAnnotations([sliceAnnotations(whole, 0, whole.paragraphCount)]).columns;
    const builder = createAnnotationsBuilder();
    for (const analysis of analyses.flat()) builder.add(analysis);
    const expected = builder.finish();
    texts.forEach((text, i) => {
      expect(whole.decode(i, text)).toStrictEqual(analyses.flat()[i]);
    });
    expect(merged.tokens.length).toBe(expected.columns.tokens.length);
    const second = sliceAnnotations(whole, 4, 3);
    const secondCopy = joinAnnotations([second]);
    const own = secondCopy.columns;
    expect(own.paragraphs.length).toBe(4 * 3);
    for (let i = 0; i < 3; i += 1) {
      expect(second.decode(i, texts[4 + i] as string)).toStrictEqual(analyses.flat()[4 + i]);
    }
  });
});
