// short-answer/: candidate spans by kind (registry: span-sources.ts), and the span chosen.
// May import: retrieval, question, indexing, language, tuning.
import type { Token } from '../language/text-analysis.js';
import type { SpanSource } from './candidate-span.js';
import { findClausePhrases } from './clause-phrases.js';

/**
 * Verb phrases of infinitives ("to *execute acts of sabotage*"): the answers to "what were they
 * sent there to do?".
 */
export const actionSpans: SpanSource = {
  answers: { action: ['action'] },
  find(paragraph, from, to, { tuning }) {
    const { tokens } = paragraph.analysis;
    return findClausePhrases(tokens, from, to, 'action', tuning.longestClausePhrase, (t) => {
      return (tokens[t] as Token).lemma === 'to' && tokens[t + 1]?.pos === 'VERB';
    });
  },
};
