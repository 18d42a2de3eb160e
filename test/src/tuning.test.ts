import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  createAnswerer,
  DEFAULT_TUNING,
  loadCorpus,
  resolveTuning,
} from '../../src/index.js';

const QUESTIONS = [
  'How many jobs will the harbour expansion create?',
  'Who led the opponents of the expansion?',
  'When will construction begin?',
];

describe('resolveTuning', () => {
  it('gives the shipped numbers when nothing is overridden', () => {
    expect(resolveTuning()).toEqual(DEFAULT_TUNING);
    expect(resolveTuning({})).toEqual(DEFAULT_TUNING);
  });

  it('lays a partial override over the defaults, group by group', () => {
    const tuning = resolveTuning({ ranking: { weights: { window: 0.7 } } });
    expect(tuning.ranking.weights).toEqual({ ...DEFAULT_TUNING.ranking.weights, window: 0.7 });
    expect(tuning.decision).toEqual(DEFAULT_TUNING.decision);
  });

  it('keeps the numbers from being changed once resolved', () => {
    expect(Object.isFrozen(DEFAULT_TUNING.ranking.weights)).toBe(true);
    expect(Object.isFrozen(resolveTuning({ decision: { subjectMatch: 0.4 } }).decision)).toBe(true);
  });

  it('names each unknown key and bad value by its path', () => {
    const resolve = () =>
      resolveTuning({ decision: { minCoverag: 0.5 }, ranking: { weights: { bm25: -1 } } });
    expect(resolve).toThrow(ConfigError);
    expect(resolve).toThrow(
      /ranking\.weights\.bm25: .*\n {2}- decision: Unrecognized key: "minCoverag"/,
    );
  });
});

const corpus = await loadCorpus('test/fixtures/quality-corpus');
const shipped = createAnswerer(corpus);

describe('createAnswerer with tuning', () => {
  it('answers as with no tuning when given the defaults', () => {
    const tuned = createAnswerer(corpus, { tuning: DEFAULT_TUNING });
    for (const question of QUESTIONS) {
      expect(tuned.answerQuestion(question)).toStrictEqual(shipped.answerQuestion(question));
    }
  });

  it('ranks only as many candidates as the retrieval tuning takes', () => {
    const narrow = createAnswerer(corpus, { tuning: { retrieval: { candidates: 1 } } });
    const answer = narrow.answerQuestion(QUESTIONS[0] as string, { top: 5 });
    expect(answer.excerpts).toHaveLength(1);
    expect(
      shipped.answerQuestion(QUESTIONS[0] as string, { top: 5 }).excerpts.length,
    ).toBeGreaterThan(1);
  });

  it('refuses a tuning it does not understand, before building anything', () => {
    expect(() => createAnswerer(corpus, { tuning: { ranking: { weight: 1 } } as never })).toThrow(
      /ranking: Unrecognized key: "weight"/,
    );
  });
});
