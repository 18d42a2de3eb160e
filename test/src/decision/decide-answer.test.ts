import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AnswerModel,
  ConfigError,
  type Corpus,
  createAnswerer,
  loadCorpus,
  SHIPPED_MODEL,
} from '../../../src/index.js';

const QUESTIONS = [
  'When did the port council vote?',
  'How many jobs will the project create?',
  'Who led the opponents of the expansion?',
  'Where did the central library reopen?',
  'What is the capital of Norway?',
];

let corpus: Corpus;

beforeAll(async () => {
  corpus = await loadCorpus('test/fixtures/quality-corpus');
});

const withThresholds = (answered: number, answer: number): AnswerModel => ({
  ...SHIPPED_MODEL,
  thresholds: { answered, answer },
});

describe('the three outcomes', () => {
  it('finds paragraphs and short answers for the questions the fixture answers', () => {
    const qa = createAnswerer(corpus, { model: withThresholds(0, 0) });
    const answers = QUESTIONS.slice(0, 4).map((q) => qa.answerQuestion(q));
    expect(answers.every((a) => a.answered && a.answer !== null)).toBe(true);
  });

  it('says "not in the article" to everything when the corpus must be surely answering', () => {
    const qa = createAnswerer(corpus, { model: withThresholds(1, 0) });
    for (const question of QUESTIONS) {
      const answer = qa.answerQuestion(question);
      expect(answer.answered).toBe(false);
      expect(answer.answer).toBeNull();
      // A chance, rounded to three places: 0.9996 reads as 1, still short of a threshold of 1.
      expect(answer.confidence.answered).toBeGreaterThanOrEqual(0);
      expect(answer.confidence.answered).toBeLessThanOrEqual(1);
    }
  });

  it('shows the best short answer whenever one is found, once both thresholds are 0', () => {
    const qa = createAnswerer(corpus, { model: withThresholds(0, 0) });
    for (const question of QUESTIONS) {
      const answer = qa.answerQuestion(question);
      // Only a question that finds no paragraph at all is declined.
      expect(answer.answered).toBe(answer.excerpts.length > 0);
      expect(answer.answer === null).toBe(answer.confidence.answer === null);
      if (answer.answer !== null) {
        // The shown answer is quoted by the first excerpt, whatever the ranking's order was.
        expect(answer.excerpts[0]?.text).toContain(answer.answer);
      }
    }
  });

  it('holds the short answer back below its threshold, keeping the excerpts', () => {
    const shown = createAnswerer(corpus, { model: withThresholds(0, 0) });
    const held = createAnswerer(corpus, { model: withThresholds(0, 1) });
    for (const question of QUESTIONS) {
      const open = shown.answerQuestion(question);
      const answer = held.answerQuestion(question);
      expect(answer.answered).toBe(open.answered);
      expect(answer.answer).toBeNull();
      expect(answer.confidence).toEqual(open.confidence);
      expect(answer.excerpts.length).toBe(open.excerpts.length);
    }
  });

  it('reports the same calibrated chances whatever the thresholds', () => {
    const a = createAnswerer(corpus).answerQuestion(QUESTIONS[0] as string);
    const b = createAnswerer(corpus, { model: withThresholds(1, 1) }).answerQuestion(
      QUESTIONS[0] as string,
    );
    expect(b.confidence).toEqual(a.confidence);
  });
});

describe('the answer model', () => {
  it('is refused when trained on other features than the code computes', () => {
    const older = {
      ...SHIPPED_MODEL,
      answerable: {
        ...SHIPPED_MODEL.answerable,
        features: SHIPPED_MODEL.answerable.features.slice(1),
      },
    };
    expect(() => createAnswerer(corpus, { model: older })).toThrow(ConfigError);
    expect(() => createAnswerer(corpus, { model: older })).toThrow(/npm run train/);
  });
});
