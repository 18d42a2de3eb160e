import { type AnswerModel, SHIPPED_MODEL } from '../../src/index.js';

/**
 * The shipped model with both thresholds at 0: every question that finds a paragraph is answered
 * and its best short answer shown, however unsure. For tests of what the pipeline finds (the
 * right paragraph, the right span), apart from whether it is confident enough to show it.
 */
export const SHOW_EVERY_PICK: AnswerModel = {
  ...SHIPPED_MODEL,
  thresholds: { answered: 0, answer: 0 },
};
