import type { Answer, Excerpt } from '../../src/index.js';

/**
 * An excerpt for renderer tests: a whole-paragraph quote of a made-up article, with `overrides`.
 * One shape for every front end's tests, so a new field of the contract is added here once.
 */
export function excerptFixture(overrides: Partial<Excerpt> = {}): Excerpt {
  const quote = overrides.quote ?? 'The ferry sails at noon.';
  return {
    documentId: 'd',
    title: 'Harbour news',
    source: null,
    url: null,
    paragraph: 2,
    quote,
    text: quote,
    score: 1,
    highlights: [],
    ...overrides,
  };
}

/** An answered `Answer` with no short answer and no excerpts, with `overrides`. */
export function answerFixture(overrides: Partial<Answer> = {}): Answer {
  return {
    question: 'q',
    answered: true,
    answer: null,
    excerpts: [],
    questionType: 'what',
    offset: 0,
    hasMore: false,
    confidence: { answered: 0.9, answer: null },
    ...overrides,
  };
}
