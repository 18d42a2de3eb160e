// model/: the learned model (answer-model.json, written by `npm run train`) and how it scores.
// May import: errors, tuning.
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import shipped from './answer-model.json' with { type: 'json' };

/**
 * A logistic or linear model over named dense features: each feature is standardised by its
 * training mean and scale, optionally joined by the products of every pair of them (a cheap way
 * to let two signals count together), then weighted.
 */
export const DenseModelSchema = z.object({
  /** Feature names, in the order the code computes them; checked against the code at load. */
  features: z.array(z.string()),
  mean: z.array(z.number()),
  scale: z.array(z.number().positive()),
  /** With pairs, the weights go on to cover the products of features i ≤ j, row by row. */
  pairs: z.boolean(),
  weights: z.array(z.number()),
  bias: z.number(),
});

/** The answer model: every learned weight and decision threshold, with how it was made. */
export const AnswerModelSchema = z.object({
  version: z.literal(1),
  /** What it was trained on, with which settings, and its cross-validated figures. */
  trainedOn: z.record(z.string(), z.unknown()),
  /** Re-ranks the retrieved paragraphs (a softmax over each question's candidates). */
  ranking: DenseModelSchema,
  /** Weights of the short-answer candidates' sparse features, by feature name. */
  span: z.object({ weights: z.record(z.string(), z.number()) }),
  /** P(the chosen short answer is right), from what the short-answer stage saw. */
  calibration: DenseModelSchema,
  /** P(the corpus answers the question at all). */
  answerable: DenseModelSchema,
  thresholds: z.object({
    /** Below this chance that the corpus answers, the answer is "not in the article". */
    answered: z.number().min(0).max(1),
    /** At or above this chance of being right, the short answer is shown. */
    answer: z.number().min(0).max(1),
  }),
});

export type DenseModel = z.infer<typeof DenseModelSchema>;
export type AnswerModel = z.infer<typeof AnswerModelSchema>;

/**
 * Checks a model (the shipped file, or one passed in for an experiment) and returns it.
 *
 * @throws {ConfigError} naming what does not fit, with the fix.
 */
export function parseAnswerModel(value: unknown, what = 'answer model'): AnswerModel {
  const result = AnswerModelSchema.safeParse(value);
  if (result.success) return result.data;
  throw new ConfigError(
    `Invalid ${what}:\n${z.prettifyError(result.error)}\nRebuild it with \`npm run train\`.`,
  );
}

/**
 * The model shipped in src/model/answer-model.json. It is code, not outside input: `npm run train`
 * checks it with {@link AnswerModelSchema} before writing it and a test checks the committed
 * file, so start-up skips the schema (about 20 ms for its 28,000 weights); the features are still
 * checked against the code when an answerer is made.
 */
export const SHIPPED_MODEL: AnswerModel = shipped as AnswerModel;
