import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Answerer,
  AnswerSchema,
  boundQuestion,
  createAnswerer,
  loadCorpus,
} from '../../src/index.js';

const CORPUS = 'test/fixtures/hardening-corpus';
let qa: Answerer;
let paragraphs: Map<string, readonly string[]>;

beforeAll(async () => {
  qa = createAnswerer(await loadCorpus(CORPUS));
  paragraphs = new Map(qa.documents.map((d) => [d.id, d.paragraphs]));
});

/** Single characters and chat fragments people (and attackers) type. */
const hostileUnit = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  fc.constantFrom(
    '\uD800',
    '\uDFFF',
    '\u0000',
    '\u0007',
    '\n',
    '\u200B',
    '\u200D',
    '\u202E',
    '\u2066',
    '\uFEFF',
    '<@123456789012345678>',
    '<@!1>',
    '<@&2>',
    '<#3>',
    '@everyone',
    '@here',
    '<!channel>',
    '<!subteam^S1|team>',
    '<@U1|bob>',
    '*',
    '_',
    '`',
    '~~',
    '||',
    '> ',
    '[x](https://e.x)',
    '&lt;',
    '&amp;',
    '🚀',
    ':rocket:',
    ' harbour ',
    ' budget ',
    ' who ',
    ' when ',
    '?',
  ),
);

/** Checks the answer contract, and that every quote is verbatim from its paragraph. */
function expectSound(question: string, answer: unknown) {
  const parsed = AnswerSchema.parse(answer);
  expect(parsed.question).toBe(question);
  for (const excerpt of parsed.excerpts) {
    const paragraph = paragraphs.get(excerpt.documentId)?.[excerpt.paragraph - 1];
    expect(excerpt.text).toBe(paragraph);
    expect(paragraph).toContain(excerpt.quote);
    for (const { start, end } of excerpt.highlights) {
      expect(start).toBeLessThanOrEqual(end);
      expect(end).toBeLessThanOrEqual(excerpt.quote.length);
    }
  }
}

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

describe('answerQuestion on hostile input', () => {
  it('never throws, returns a schema-valid Answer with verbatim quotes, in under 1 s', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: hostileUnit, maxLength: 400 }),
          fc.string({ unit: hostileUnit, maxLength: 400, size: 'max' }),
        ),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 10 }),
        (question, top, offset) => {
          const { value, ms } = timed(() => qa.answerQuestion(question, { top, offset }));
          expectSound(question, value);
          expect(value.excerpts.length).toBeLessThanOrEqual(top);
          expect(ms).toBeLessThan(1_000);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers 100,000-character questions of hostile text within 2 s each', () => {
    // Words here stay short so four runs fit the time budget; one unbroken 100,000-letter word
    // (which once threw a RangeError in the typo look-up) has its own test in
    // test/answerer.test.ts. Adapters never pass such input: boundQuestion refuses it first.
    const separator = fc.constantFrom(' ', '\n', '\t', ' ? ', '\u3000');
    const chunk = fc
      .tuple(fc.string({ unit: hostileUnit, minLength: 1, maxLength: 12, size: 'max' }), separator)
      .map(([text, gap]) => text + gap);
    fc.assert(
      fc.property(fc.array(chunk, { minLength: 1, maxLength: 20 }), (chunks) => {
        const unit = chunks.join('');
        const question = unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
        const { value, ms } = timed(() => qa.answerQuestion(question));
        expectSound(question, value);
        expect(ms).toBeLessThan(2_000);
      }),
      { numRuns: 4 },
    );
  });

  it('never throws for anything an adapter passes on: bounded questions of any shape, up to 100,000 characters', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: hostileUnit, maxLength: 2_000, size: 'max' }),
          fc
            .tuple(
              fc.string({ unit: hostileUnit, minLength: 1, maxLength: 8, size: 'max' }),
              fc.nat(100_000),
            )
            .map(([text, size]) => text.repeat(Math.ceil(size / text.length)).slice(0, size)),
        ),
        (raw) => {
          const { value: bounded, ms: boundMs } = timed(() => boundQuestion(raw));
          expect(boundMs).toBeLessThan(1_000);
          if (bounded.kind !== 'question') return;
          const { value, ms } = timed(() => qa.answerQuestion(bounded.question));
          expectSound(bounded.question, value);
          expect(ms).toBeLessThan(1_000);
        },
      ),
      { numRuns: 150 },
    );
  });
});
