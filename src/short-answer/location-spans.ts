// short-answer/: candidate spans by kind (registry: span-sources.ts), and the span chosen.
// May import: retrieval, question, indexing, language, tuning.
import type { SpanSource } from './candidate-span.js';
import { createPhraseFinder } from './clause-phrases.js';

/** Prepositions of place ("*in* the shallow crust", "*under* the comb rows"). */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'on', 'under', 'inside', 'near', 'beneath']);

const findPlacePhrases = createPhraseFinder(PLACE_PREPOSITIONS, 'location');

/**
 * What follows a preposition of place, preposition included ("in bays"): the answer to a
 * where-question when the text names no place, so it ranks after the names of places.
 */
export const locationSpans: SpanSource = {
  answers: { where: ['location'] },
  find: (paragraph, from, to, search) =>
    findPlacePhrases(paragraph, from, to, search).map((span) => ({
      ...span,
      firstToken: span.firstToken - 1,
    })),
};
