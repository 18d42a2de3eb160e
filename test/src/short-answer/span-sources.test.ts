import { describe, expect, it } from 'vitest';
import { createAnnotatedParagraphs } from '../../../src/indexing/annotated-paragraphs.js';
import { buildCorpusIndex } from '../../../src/indexing/corpus-index.js';
import { openWordNet } from '../../../src/language/wordnet.js';
import { actionSpans } from '../../../src/short-answer/action-spans.js';
import type { SpanSource } from '../../../src/short-answer/candidate-span.js';
import { locationSpans } from '../../../src/short-answer/location-spans.js';
import { mannerSpans } from '../../../src/short-answer/manner-spans.js';
import { SPAN_SOURCES } from '../../../src/short-answer/span-sources.js';
import { DEFAULT_TUNING } from '../../../src/tuning.js';

describe('the span source registry', () => {
  it('lists every source once, each naming the kinds its spans carry', () => {
    expect(new Set(SPAN_SOURCES).size).toBe(SPAN_SOURCES.length);
    expect(SPAN_SOURCES).toEqual(expect.arrayContaining([actionSpans, mannerSpans, locationSpans]));
    for (const source of SPAN_SOURCES) expect(source.kinds.length).toBeGreaterThan(0);
  });

  it("gives each kind one source, so a span's kind says where it came from", () => {
    const kinds = SPAN_SOURCES.flatMap((source) => source.kinds);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds).toEqual(expect.arrayContaining(['action', 'manner', 'location', 'person']));
  });
});

describe('the span sources', () => {
  const wordnet = openWordNet(DEFAULT_TUNING.language.wordnet);
  const spansOf = async (source: SpanSource, text: string) => {
    const corpus = {
      dir: '.',
      documents: [
        {
          id: 'a',
          title: 'A',
          source: null,
          url: null,
          published: null,
          file: 'a.txt',
          paragraphs: [text],
        },
      ],
    };
    const [paragraph] = createAnnotatedParagraphs(
      corpus,
      buildCorpusIndex(corpus, DEFAULT_TUNING).annotations,
    );
    if (!paragraph) throw new Error('no paragraph');
    const found = source.find(paragraph, 0, paragraph.analysis.tokens.length, {
      wordnet,
      titles: false,
      tuning: DEFAULT_TUNING.shortAnswer,
    });
    return found.map((span) => {
      const { tokens } = paragraph.analysis;
      const start = tokens[span.firstToken]?.start ?? 0;
      const end = tokens[span.endToken - 1]?.end ?? 0;
      return `${span.kind}: ${text.slice(start, end)}`;
    });
  };

  it('finds actions after an infinitive, manners after by, locations after in', async () => {
    expect(await spansOf(actionSpans, 'They were sent to repair the pier.')).toEqual([
      'action: repair the pier',
    ]);
    expect(await spansOf(mannerSpans, 'The stones came by boat.')).toEqual(['manner: boat']);
    expect(await spansOf(locationSpans, 'It was kept in a locked shed.')).toEqual([
      'location: in a locked shed',
    ]);
  });
});
