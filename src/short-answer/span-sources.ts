// short-answer/: candidate spans by kind (registry: span-sources.ts), and the span chosen.
// May import: retrieval, question, indexing, language, model, tuning.
import { actionSpans } from './action-spans.js';
import type { SpanSource } from './candidate-span.js';
import { locationSpans } from './location-spans.js';
import { mannerSpans } from './manner-spans.js';
import { phraseSpans } from './phrase-spans.js';

/**
 * Every source of candidate spans. Adding a kind of span is a file exporting one `SpanSource`
 * and one line here; `npm run train` then learns when its spans answer.
 */
export const SPAN_SOURCES: readonly SpanSource[] = [
  phraseSpans,
  locationSpans,
  actionSpans,
  mannerSpans,
];
