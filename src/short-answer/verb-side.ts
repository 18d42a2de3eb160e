// short-answer/: candidate spans by kind (registry: span-sources.ts), and the span chosen.
// May import: retrieval, question, indexing, language, tuning.
import type { Token } from '../language/text-analysis.js';
import type { VerbSide } from '../retrieval/question-terms.js';
import type { CandidateSpan } from './candidate-span.js';

/**
 * True when the nearest of `verbs` (token indexes) in the span's sentence has the span on the
 * answer's side.
 */
export function onVerbSide(
  tokens: readonly Token[],
  span: CandidateSpan,
  verbs: readonly number[],
  verbSide: VerbSide | null | undefined,
): boolean {
  if (!verbSide) return false;
  const sentence = (tokens[span.head] as Token).sentence;
  let nearest = -1;
  let distance = Number.POSITIVE_INFINITY;
  for (const at of verbs) {
    if ((tokens[at] as Token).sentence !== sentence) continue;
    const d = at < span.firstToken ? span.firstToken - at : at - span.endToken + 1;
    if (d < distance) {
      distance = d;
      nearest = at;
    }
  }
  if (nearest < 0) return false;
  return verbSide.side === 'before' ? span.endToken <= nearest : span.firstToken > nearest;
}
