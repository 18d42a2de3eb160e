import { describe, expect, it } from 'vitest';
import { createAnnotatedParagraphs } from '../../../src/indexing/annotated-paragraphs.js';
import { buildCorpusIndex } from '../../../src/indexing/corpus-index.js';
import { openWordNet } from '../../../src/language/wordnet.js';
import type { AnswerWanted } from '../../../src/question/question-analysis.js';
import { actionSpans } from '../../../src/short-answer/action-spans.js';
import type { SpanSource } from '../../../src/short-answer/candidate-span.js';
import { locationSpans } from '../../../src/short-answer/location-spans.js';
import { mannerSpans } from '../../../src/short-answer/manner-spans.js';
import {
  findSpanSources,
  rankSpanKinds,
  SPAN_SOURCES,
} from '../../../src/short-answer/span-sources.js';
import { DEFAULT_TUNING } from '../../../src/tuning.js';

describe('the span source registry', () => {
  const ranked: [AnswerWanted, string[]][] = [
    ['who', ['person', 'group', 'name', 'place']],
    ['where', ['place', 'name', 'location']],
    ['when', ['time']],
    ['how-many', ['number']],
    ['how', ['manner']],
    ['action', ['action']],
    ['amount', ['number', 'thing', 'name']],
  ];
  it.each(ranked)('ranks the kinds a %s answer takes, in registry order', (wanted, kinds) => {
    expect(rankSpanKinds(wanted)).toEqual(kinds);
  });

  it('has no span for why and yes-no questions', () => {
    expect(rankSpanKinds('why')).toEqual([]);
    expect(rankSpanKinds('yes-no')).toEqual([]);
    expect(findSpanSources('why')).toEqual([]);
  });

  it('asks only the sources that serve the answer wanted', () => {
    expect(findSpanSources('action')).toEqual([actionSpans]);
    expect(findSpanSources('how')).toEqual([mannerSpans]);
    expect(findSpanSources('where')).toContain(locationSpans);
    expect(findSpanSources('where')).not.toContain(actionSpans);
  });

  it('takes a new kind from one more source, after the kinds before it', () => {
    const reasons: SpanSource = { answers: { why: ['reason'], what: ['reason'] }, find: () => [] };
    const sources = [...SPAN_SOURCES, reasons];
    expect(rankSpanKinds('why', sources)).toEqual(['reason']);
    expect(rankSpanKinds('what', sources).at(-1)).toBe('reason');
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
