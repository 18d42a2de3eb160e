import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArticleQuestionSchema } from '../../../src/eval/eval-files.js';
import { createAnswererPredictor } from '../../../src/eval/predictors.js';
import { evaluateQuestions, summarizeResults } from '../../../src/eval/scoring.js';
import { createAnswerer, loadCorpus } from '../../../src/index.js';

const DEV_FILE = '../shared/eval/article-dev.jsonl';

/**
 * Floors at the figures the bot reaches today on the article dev file (see the README's answer
 * quality section). They only ever move up; a change that drops any of them fails here.
 */
const FLOORS = {
  top1: 0.89,
  top3: 0.93,
  correctAbstentions: 0.93,
  exactMatch: 0.77,
  f1: 0.8,
  verbatimQuotes: 1,
};
const CEILINGS = { falseAbstentions: 0.05 };

describe('article dev file guard', () => {
  it.skipIf(!existsSync(DEV_FILE))(
    'keeps every answer-quality figure at or above its floor',
    async () => {
      const questions = readFileSync(DEV_FILE, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => ArticleQuestionSchema.parse(JSON.parse(line)));
      const qa = createAnswerer(await loadCorpus('corpus'));
      const metrics = summarizeResults(evaluateQuestions(questions, createAnswererPredictor(qa)));
      for (const [name, floor] of Object.entries(FLOORS)) {
        expect({ [name]: metrics[name as keyof typeof FLOORS] }).toEqual({
          [name]: expect.toSatisfy((value: number) => value >= floor),
        });
      }
      expect(metrics.falseAbstentions ?? 1).toBeLessThanOrEqual(CEILINGS.falseAbstentions);
    },
  );
});
