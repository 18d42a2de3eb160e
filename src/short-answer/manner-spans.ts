// short-answer/: candidate spans by kind (registry: span-sources.ts), and the span chosen.
// May import: retrieval, question, indexing, language, tuning.
import type { SpanSource } from './candidate-span.js';
import { createPhraseFinder } from './clause-phrases.js';

/** Prepositions that say how something is done ("*by* boat", "*through* associations"). */
const MANNER_PREPOSITIONS = new Set(['by', 'with', 'through', 'via']);

/** What follows a preposition of manner ("carried *by boat*"): the answers to "how was it done?". */
export const mannerSpans: SpanSource = {
  answers: { how: ['manner'] },
  find: createPhraseFinder(MANNER_PREPOSITIONS, 'manner'),
};
