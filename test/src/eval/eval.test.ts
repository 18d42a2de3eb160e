import { describe, expect, it } from 'vitest';
import { ArticleQuestionSchema, SquadArticleSchema } from '../../../src/eval/eval-files.js';
import {
  createAnswererPredictor,
  createSquadCorpus,
  toSquadGoldQuestions,
} from '../../../src/eval/predictors.js';
import { classifyQuestionWord } from '../../../src/eval/question-word.js';
import {
  describeMiss,
  type GoldQuestion,
  type Prediction,
  scoreQuestion,
  summarizeResults,
} from '../../../src/eval/scoring.js';
import {
  bestOverGold,
  exactMatch,
  f1Score,
  normalizeAnswer,
} from '../../../src/eval/squad-metrics.js';
import { createAnswerer, loadCorpus } from '../../../src/index.js';

describe('normalizeAnswer', () => {
  it('lower-cases, strips punctuation and articles, and squeezes whitespace', () => {
    expect(normalizeAnswer('The  "Denver" Broncos!')).toBe('denver broncos');
    expect(normalizeAnswer('an apple a day')).toBe('apple day');
    expect(normalizeAnswer('  U.S.\tsupport \n')).toBe('us support');
  });

  it('removes articles only as whole words', () => {
    expect(normalizeAnswer('theatre and anthem')).toBe('theatre and anthem');
    expect(normalizeAnswer('éthe')).toBe('éthe');
  });

  it('strips ASCII punctuation only, as Python string.punctuation does', () => {
    expect(normalizeAnswer("Blinken's")).toBe('blinkens');
    expect(normalizeAnswer('Blinken’s 24–10 “win”')).toBe('blinken’s 24–10 “win”');
  });
});

describe('exactMatch', () => {
  it('compares normalised text', () => {
    expect(exactMatch('the Broncos', 'Broncos.')).toBe(1);
    expect(exactMatch('Denver Broncos', 'Broncos')).toBe(0);
  });

  it('counts two answers that normalise to nothing as equal, like the official script', () => {
    expect(exactMatch('the', 'a')).toBe(1);
  });
});

describe('f1Score', () => {
  it('scores token overlap by precision and recall', () => {
    expect(f1Score('Denver Broncos', 'Broncos')).toBeCloseTo(2 / 3);
    expect(f1Score('Broncos', 'the Denver Broncos')).toBeCloseTo(2 / 3);
  });

  it('counts a repeated token only as often as the gold answer has it', () => {
    expect(f1Score('x y y', 'y z')).toBeCloseTo(0.4);
  });

  it('is 0 without overlap, including when both answers normalise to nothing', () => {
    expect(f1Score('Carolina Panthers', 'Denver Broncos')).toBe(0);
    expect(f1Score('the', 'a')).toBe(0);
  });
});

describe('bestOverGold', () => {
  it('takes the maximum over the gold answers', () => {
    expect(bestOverGold(f1Score, 'Denver Broncos', ['Panthers', 'Broncos', 'Denver Broncos'])).toBe(
      1,
    );
    expect(bestOverGold(exactMatch, 'Broncos', ['Panthers', 'the Broncos'])).toBe(1);
  });

  it('scores a missing prediction or missing gold as 0', () => {
    expect(bestOverGold(exactMatch, null, ['Broncos'])).toBe(0);
    expect(bestOverGold(f1Score, 'Broncos', [])).toBe(0);
  });
});

describe('classifyQuestionWord', () => {
  it.each([
    ['Who leads Russia?', 'who'],
    ['Whose administration accuses Russia?', 'who'],
    ['When did the talks end?', 'when'],
    ['Where is Blinken going?', 'where'],
    ['How many troops are there?', 'how many'],
    ['How much did it cost?', 'how'],
    ['In what year was it founded?', 'what'],
    ['Which NFL team won?', 'which'],
    ['The Broncos beat which team?', 'which'],
    ['Why did it rain?', 'why'],
    ['Name the constructor of the bridge.', 'other'],
  ])('classifies %j as %j', (question, expected) => {
    expect(classifyQuestionWord(question)).toBe(expected);
  });
});

const gold = (overrides: Partial<GoldQuestion> = {}): GoldQuestion => ({
  id: 'q',
  question: 'Who?',
  type: 'who',
  paragraphs: [3],
  answers: ['Marta Olsen'],
  ...overrides,
});
const predicted = (overrides: Partial<Prediction> = {}): Prediction => ({
  paragraphs: [3, 1],
  answered: true,
  answer: 'Marta Olsen',
  verbatim: [true, true],
  ...overrides,
});

describe('scoreQuestion', () => {
  it('ranks the first gold paragraph among the returned ones', () => {
    expect(scoreQuestion(gold({ paragraphs: [1, 9] }), predicted()).rank).toBe(2);
    expect(scoreQuestion(gold({ paragraphs: [9] }), predicted()).rank).toBeNull();
  });

  it('looks no deeper than the top 10', () => {
    const paragraphs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    expect(scoreQuestion(gold({ paragraphs: [11] }), predicted({ paragraphs })).rank).toBeNull();
    expect(scoreQuestion(gold({ paragraphs: [10] }), predicted({ paragraphs })).rank).toBe(10);
  });

  it('scores a null answer as 0 and skips questions without gold answers', () => {
    expect(scoreQuestion(gold(), predicted({ answer: null }))).toMatchObject({
      exactMatch: 0,
      f1: 0,
    });
    expect(scoreQuestion(gold({ answers: [] }), predicted())).toMatchObject({ exactMatch: null });
  });

  it('does not score short answers of a system that never gives one', () => {
    const { answer: _, ...retrieval } = predicted();
    expect(scoreQuestion(gold(), retrieval)).toMatchObject({ exactMatch: null, f1: null });
  });
});

describe('describeMiss', () => {
  it('names each way a result went wrong', () => {
    const wrong = scoreQuestion(
      gold({ paragraphs: [1] }),
      predicted({ answered: false, answer: 'x' }),
    );
    expect(describeMiss(wrong)).toEqual([
      'declined an answerable question',
      'first gold paragraph at rank 2',
      'short answer not exact (F1 0.00)',
    ]);
    const unanswerable = scoreQuestion(gold({ paragraphs: [], answers: [] }), predicted());
    expect(describeMiss(unanswerable)).toEqual(['answered an unanswerable question']);
    expect(describeMiss(scoreQuestion(gold(), predicted()))).toEqual([]);
  });
});

describe('summarizeResults', () => {
  const results = [
    scoreQuestion(gold(), predicted()),
    scoreQuestion(gold({ type: 'what', paragraphs: [1] }), predicted({ answer: 'Marta' })),
    scoreQuestion(
      gold({ paragraphs: [7], answers: [] }),
      predicted({ answered: false, verbatim: [false] }),
    ),
    scoreQuestion(
      gold({ type: 'none', paragraphs: [], answers: [] }),
      predicted({ answered: false }),
    ),
    scoreQuestion(gold({ type: 'none', paragraphs: [], answers: [] }), predicted()),
  ];
  const metrics = summarizeResults(results, ['what']);

  it('measures paragraph accuracy and MRR over the answerable questions', () => {
    expect(metrics).toMatchObject({ questions: 5, answerable: 3, unanswerable: 2 });
    expect(metrics.top1).toBeCloseTo(1 / 3);
    expect(metrics.top3).toBeCloseTo(2 / 3);
    expect(metrics.mrr).toBeCloseTo((1 + 1 / 2 + 0) / 3);
  });

  it('measures abstentions on each side', () => {
    expect(metrics.correctAbstentions).toBeCloseTo(1 / 2);
    expect(metrics.falseAbstentions).toBeCloseTo(1 / 3);
  });

  it('averages EM and F1 over the questions with gold answers, and counts verbatim quotes', () => {
    expect(metrics.scoredAnswers).toBe(2);
    expect(metrics.exactMatch).toBeCloseTo(1 / 2);
    expect(metrics.f1).toBeCloseTo((1 + 2 / 3) / 2);
    expect(metrics.quotes).toBe(9);
    expect(metrics.verbatimQuotes).toBeCloseTo(8 / 9);
  });

  it('breaks top-1 down by type, in the given order first', () => {
    expect(Object.keys(metrics.byType)).toEqual(['what', 'who', 'none']);
    expect(metrics.byType.who).toMatchObject({
      questions: 2,
      answerable: 2,
      top1: 0.5,
      abstained: 0.5,
    });
    expect(metrics.byType.none).toMatchObject({ answerable: 0, top1: null, abstained: 0.5 });
  });

  it('reports null, not 0, when there is nothing to measure', () => {
    const empty = summarizeResults([]);
    expect(empty).toMatchObject({ top1: null, mrr: null, correctAbstentions: null, f1: null });
  });
});

describe('question file schemas', () => {
  it('reads an article question, defaulting the type', () => {
    const line = { id: 'x', question: 'Who?', paragraphs: [], answers: [] };
    expect(ArticleQuestionSchema.parse(line).type).toBe('other');
  });

  it('rejects a SQuAD question on a paragraph the article does not have', () => {
    const article = {
      title: 'T',
      paragraphs: ['Only one.'],
      questions: [{ id: 'a', question: 'Q?', paragraph: 2, answers: ['x'] }],
    };
    const result = SquadArticleSchema.safeParse(article);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('is 2, but the article has 1 paragraphs');
  });
});

describe('predictors', () => {
  it('checks every quote of the answerer against the corpus it cites', async () => {
    const qa = createAnswerer(await loadCorpus('test/fixtures/corpus-eval'));
    const prediction = createAnswererPredictor(qa)('Who repaired the lighthouse lamp?');
    expect(prediction.verbatim?.length).toBe(prediction.paragraphs.length);
    expect(prediction.verbatim?.every(Boolean)).toBe(true);
  });

  it('turns a SQuAD article into its own corpus and typed gold questions', () => {
    const article = SquadArticleSchema.parse({
      title: 'Tiny_Harbour',
      paragraphs: ['The mayor opened the museum in 1998.'],
      questions: [
        { id: 'a', question: 'When did the mayor open it?', paragraph: 1, answers: ['1998'] },
        { id: 'b', question: 'When did it close?', paragraph: 1, answers: [], unanswerable: true },
      ],
    });
    const qa = createAnswerer(createSquadCorpus(article));
    expect(qa.documents[0]?.title).toBe('Tiny Harbour');
    expect(toSquadGoldQuestions(article)).toEqual([
      {
        id: 'a',
        question: 'When did the mayor open it?',
        type: 'when',
        paragraphs: [1],
        answers: ['1998'],
      },
      { id: 'b', question: 'When did it close?', type: 'when', paragraphs: [], answers: [] },
    ]);
  });
});
