// short-answer/: candidate spans by kind (registry: span-sources.ts), and the span chosen.
// May import: retrieval, question, indexing, language, tuning.
import type { AnswerWanted } from '../question/question-analysis.js';
import { actionSpans } from './action-spans.js';
import type { SpanSource } from './candidate-span.js';
import { locationSpans } from './location-spans.js';
import { mannerSpans } from './manner-spans.js';
import { phraseSpans } from './phrase-spans.js';

/**
 * Every source of candidate spans, in order: for an answer wanted, the sources that serve it are
 * asked in this order, and their kinds rank in this order too (so a where-question prefers the
 * name of a place to a phrase after "in"). Adding a kind of span is a file exporting one
 * `SpanSource` and one line here.
 */
export const SPAN_SOURCES: readonly SpanSource[] = [
  phraseSpans,
  locationSpans,
  actionSpans,
  mannerSpans,
];

/** The sources asked for candidates when the question wants `wanted`, in registry order. */
export function findSpanSources(
  wanted: AnswerWanted,
  sources: readonly SpanSource[] = SPAN_SOURCES,
): readonly SpanSource[] {
  return sources.filter((source) => source.answers[wanted] !== undefined);
}

/** The kinds of span that answer `wanted`, best first; [] when no span can (why, yes-no). */
export function rankSpanKinds(
  wanted: AnswerWanted,
  sources: readonly SpanSource[] = SPAN_SOURCES,
): readonly string[] {
  return findSpanSources(wanted, sources).flatMap((source) => source.answers[wanted] ?? []);
}
