import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Corpus, loadCorpus } from '../../../src/index.js';
import {
  createAnnotatedParagraphs,
  indexTerms,
} from '../../../src/indexing/annotated-paragraphs.js';
import {
  type CompactAnnotations,
  createAnnotationsBuilder,
  restoreAnnotations,
} from '../../../src/indexing/annotation-columns.js';
import { analyzeText } from '../../../src/language/text-analysis.js';

function compact(corpus: Corpus): CompactAnnotations {
  const builder = createAnnotationsBuilder();
  for (const document of corpus.documents) {
    for (const text of document.paragraphs) builder.add(analyzeText(text));
  }
  return builder.finish();
}

describe('compact annotations', () => {
  let article: Corpus;
  beforeAll(async () => {
    article = await loadCorpus('corpus');
  });

  it('decodes every paragraph of the article to exactly what analyzeText returns', () => {
    const annotations = compact(article);
    const texts = article.documents.flatMap((d) => d.paragraphs);
    expect(annotations.paragraphCount).toBe(texts.length);
    texts.forEach((text, i) => {
      expect(annotations.decode(i, text)).toStrictEqual(analyzeText(text));
    });
  });

  it('round-trips hostile and long paragraphs (mentions, markup, many sentences)', async () => {
    for (const dir of ['test/fixtures/slack-hostile', 'test/fixtures/slack-long']) {
      const corpus = await loadCorpus(dir);
      const annotations = compact(corpus);
      const texts = corpus.documents.flatMap((d) => d.paragraphs);
      texts.forEach((text, i) => {
        expect(annotations.decode(i, text)).toStrictEqual(analyzeText(text));
      });
    }
  });

  it('round-trips any short text, empty and punctuation-only ones included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 60 }), { minLength: 1, maxLength: 4 }),
        (texts) => {
          const builder = createAnnotationsBuilder();
          for (const text of texts) builder.add(analyzeText(text));
          const annotations = builder.finish();
          texts.forEach((text, i) => {
            expect(annotations.decode(i, text)).toStrictEqual(analyzeText(text));
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('stores about 16 bytes per token in typed arrays, each string once', () => {
    const { columns, tokenCount } = compact(article);
    expect(columns.tokens.byteLength).toBe(tokenCount * 16);
    expect(new Set(columns.strings).size).toBe(columns.strings.length);
    expect(columns.strings.length).toBeLessThan(tokenCount);
  });

  it('restores from its columns and rejects columns that do not fit together', () => {
    const { columns } = compact(article);
    const restored = restoreAnnotations(columns);
    const text = article.documents[0]?.paragraphs[3] ?? '';
    expect(restored.decode(3, text)).toStrictEqual(analyzeText(text));
    expect(() => restoreAnnotations({ ...columns, tokens: columns.tokens.subarray(4) })).toThrow(
      /do not fit together/,
    );
  });
});

describe('createAnnotatedParagraphs', () => {
  let article: Corpus;
  let annotations: CompactAnnotations;
  beforeAll(async () => {
    article = await loadCorpus('corpus');
    annotations = compact(article);
  });

  it('gives each paragraph its document, number, text, analysis, terms and term sets', () => {
    const paragraphs = createAnnotatedParagraphs(article, annotations);
    const document = article.documents[0];
    expect(paragraphs).toHaveLength(document?.paragraphs.length ?? -1);
    paragraphs.forEach((paragraph, i) => {
      const text = document?.paragraphs[i] ?? '';
      const analysis = analyzeText(text);
      const terms = indexTerms(analysis);
      expect(paragraph.document).toBe(document);
      expect(paragraph.number).toBe(i + 1);
      expect(paragraph.text).toBe(text);
      expect(paragraph.analysis).toStrictEqual(analysis);
      expect(paragraph.terms).toStrictEqual(terms);
      expect(paragraph.termSet).toStrictEqual(new Set(terms));
      expect(paragraph.surfaceForms).toStrictEqual(
        new Set(analysis.tokens.map((t) => t.text.toLowerCase())),
      );
      expect(paragraph.sentenceTerms).toHaveLength(analysis.sentences.length);
      paragraph.sentenceTerms.forEach((set, s) => {
        const sentence = analysis.sentences[s];
        const own = analysis.tokens
          .slice(sentence?.firstToken, sentence?.endToken)
          .filter((t) => t.term && !t.isStopWord)
          .map((t) => t.term);
        expect(set).toStrictEqual(new Set(own));
      });
    });
  });

  it('keeps a decoded paragraph while it is in the cache and decodes it again once evicted', () => {
    const paragraphs = createAnnotatedParagraphs(article, annotations, { cacheSize: 2 });
    const [first, second, third] = paragraphs;
    const analysis = first?.analysis;
    expect(first?.analysis).toBe(analysis);
    expect(second?.termSet).toBeDefined();
    expect(first?.analysis).toBe(analysis);
    expect(third?.terms).toBeDefined();
    expect(second?.terms).toBeDefined();
    // `first` was the least recently used of three in a cache of two.
    expect(first?.analysis).not.toBe(analysis);
    expect(first?.analysis).toStrictEqual(analysis);
  });

  it('refuses annotations made for another corpus', async () => {
    const other = await loadCorpus('test/fixtures/slack-long');
    expect(() => createAnnotatedParagraphs(other, annotations)).toThrow(/annotated paragraphs/);
  });
});
