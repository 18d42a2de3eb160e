import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Answer,
  type Answerer,
  AnswerSchema,
  createAnswerer,
  loadCorpus,
} from '../../src/index.js';

/** Every promise of the Answer contract that holds whatever the question. */
function expectContract(qa: Answerer, answer: Answer): void {
  expect(AnswerSchema.safeParse(answer).success).toBe(true);
  if (!answer.answered) expect(answer.answer).toBeNull();
  // The chances are calibrated probabilities; a shown answer always has its own.
  expect(answer.confidence.answered).toBeGreaterThanOrEqual(0);
  expect(answer.confidence.answered).toBeLessThanOrEqual(1);
  if (answer.answer !== null) expect(answer.confidence.answer).not.toBeNull();
  if (answer.confidence.answer !== null) {
    expect(answer.confidence.answer).toBeGreaterThanOrEqual(0);
    expect(answer.confidence.answer).toBeLessThanOrEqual(1);
  }
  if (answer.answer !== null && answer.offset === 0) {
    expect(answer.excerpts[0]?.text).toContain(answer.answer);
  }
  for (const excerpt of answer.excerpts) {
    const document = qa.documents.find((d) => d.id === excerpt.documentId);
    expect(document?.title).toBe(excerpt.title);
    expect(document?.paragraphs[excerpt.paragraph - 1]).toBe(excerpt.text);
    expect(excerpt.text).toContain(excerpt.quote);
    let at = 0;
    for (const { start, end } of excerpt.highlights) {
      expect(start).toBeGreaterThanOrEqual(at);
      expect(end).toBeGreaterThan(start);
      expect(end).toBeLessThanOrEqual(excerpt.quote.length);
      at = end;
    }
  }
}

const ARTICLE_QUESTIONS = [
  'How many troops has Russia gathered near the border?',
  'Who is Blinken meeting in Berlin?',
  'What did Lavrov call the U.S. claims?',
  'When will Blinken meet Zelenskyy?',
  'Why is Blinken visiting Kyiv?',
  'russia troops border',
  'Did the talks ease fears of an invasion?',
  'WHO IS ZELENSKYY???',
  '',
  '   ',
  '?!',
  '@everyone <@123> <!channel> & < >',
  'Что такое Киев?',
  '🇺🇦 Kyiv 🇺🇦',
  'the the the a an of',
  `${'Blinken '.repeat(500)}?`,
];

describe('the Answer contract on the bundled corpus', () => {
  let qa: Answerer;
  beforeAll(async () => {
    qa = createAnswerer(await loadCorpus('corpus'));
  });

  it.each(ARTICLE_QUESTIONS.map((q) => [q.slice(0, 60), q]))(
    'answers %j with schema-valid, verbatim, attributed excerpts',
    (_, question) => {
      const answer = qa.answerQuestion(question);
      expect(answer.question).toBe(question);
      expect(answer.excerpts.length).toBeLessThanOrEqual(3);
      expectContract(qa, answer);
    },
  );

  it('keeps the contract for any text at all', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 80 }),
          fc
            .array(fc.constantFrom('Russia', 'Blinken', 'Kyiv', 'who', 'how', 'many', 'the', '?'))
            .map((words) => words.join(' ')),
        ),
        fc.integer({ min: 1, max: 10 }),
        (question, top) => {
          const answer = qa.answerQuestion(question, { top });
          expect(answer.excerpts.length).toBeLessThanOrEqual(top);
          expectContract(qa, answer);
        },
      ),
      { numRuns: 150 },
    );
  });

  it.each(["what's the weather in Paris", 'how do I make borscht'])(
    'declines %j, which the article does not address',
    (question) => {
      const answer = qa.answerQuestion(question);
      expect(answer).toMatchObject({ answered: false, answer: null });
      expectContract(qa, answer);
    },
  );

  it('pages through excerpts with offset and hasMore, never repeating a paragraph', () => {
    const question = 'What did Russia and the United States say about Ukraine?';
    const seen: string[] = [];
    let offset = 0;
    for (let page = 0; page < 20; page += 1) {
      const answer = qa.answerQuestion(question, { top: 2, offset });
      expectContract(qa, answer);
      expect(answer.offset).toBe(offset);
      seen.push(...answer.excerpts.map((e) => `${e.documentId}#${e.paragraph}`));
      if (!answer.hasMore) break;
      expect(answer.excerpts).toHaveLength(2);
      offset += answer.excerpts.length;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThan(2);
    const all = qa.answerQuestion(question, { top: 20 });
    expect(all.excerpts.map((e) => `${e.documentId}#${e.paragraph}`)).toEqual(seen.slice(0, 20));
  });

  it('returns no excerpts and no more past the last one', () => {
    const answer = qa.answerQuestion('Russia', { top: 3, offset: 1000 });
    expect(answer).toMatchObject({ excerpts: [], hasMore: false, offset: 1000 });
  });

  it('gives whole paragraphs by number, and null outside the article', () => {
    const [document] = qa.documents;
    if (!document) throw new Error('the bundled corpus has no document');
    document.paragraphs.forEach((text, index) => {
      const excerpt = qa.getParagraph(document.id, index + 1);
      expect(excerpt).toMatchObject({
        paragraph: index + 1,
        text,
        quote: text,
        title: document.title,
      });
    });
    expect(qa.getParagraph(document.id, 0)).toBeNull();
    expect(qa.getParagraph(document.id, document.paragraphs.length + 1)).toBeNull();
    expect(qa.getParagraph('no-such-article', 1)).toBeNull();
  });
});

describe('the Answer contract on awkward corpora', () => {
  let qa: Answerer;
  beforeAll(async () => {
    qa = createAnswerer(await loadCorpus('test/fixtures/corpus-contract'));
  });

  it('quotes chat markup verbatim and attributes it to its own article', () => {
    const answer = qa.answerQuestion(
      'What did the moderator announce about the picnic in the park?',
    );
    expectContract(qa, answer);
    const excerpt = answer.excerpts.find((e) => e.text.includes('@everyone'));
    expect(excerpt).toMatchObject({
      title: 'Chat mentions & markup <test>',
      source: 'Fixture Chat',
      url: 'https://example.com/mentions?a=1&b=2',
    });
    expect(excerpt?.text).toContain('@everyone <@123> <!channel> & < >');
  });

  it('quotes a sentence or two, not the whole of a very long paragraph', () => {
    const answer = qa.answerQuestion('Who repaired the forklift that broke down on Friday?');
    expectContract(qa, answer);
    const excerpt = answer.excerpts.find((e) => e.text.length > 4000);
    expect(excerpt).toBeDefined();
    expect(excerpt?.quote.length).toBeLessThan(600);
  });

  it('keeps the contract across articles for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (question) => {
        expectContract(qa, qa.answerQuestion(question, { top: 5 }));
      }),
      { numRuns: 100 },
    );
  });
});
