// short-answer/: candidate spans by kind (registry: span-sources.ts), and the span chosen.
// May import: retrieval, question, indexing, language, tuning.
import type { QuestionType } from '../answer.js';
import type { Token } from '../language/text-analysis.js';
import type { QuestionTerms } from '../retrieval/question-terms.js';
import type { CandidateSpan, ShortAnswerTuning } from './candidate-span.js';

/** Names listed together ("James Lofton and Mark Malone"). */
export function isNameList(tokens: readonly Token[], span: CandidateSpan): boolean {
  if ((tokens[span.head] as Token).pos !== 'PROPN') return false;
  for (let t = span.firstToken; t < span.endToken; t += 1) {
    if ((tokens[t] as Token).pos === 'CCONJ') return true;
  }
  return false;
}

/** A name followed by the possessive "'s" and a noun phrase it owns. */
export function isPossessor(tokens: readonly Token[], span: CandidateSpan): boolean {
  const after = tokens[span.endToken];
  return (
    (tokens[span.head] as Token).pos === 'PROPN' &&
    after?.pos === 'PART' &&
    /^['’]s?$/.test(after.text) &&
    tokens[span.endToken + 1] !== undefined &&
    ['NOUN', 'ADJ', 'PROPN', 'PUNCT'].includes((tokens[span.endToken + 1] as Token).pos)
  );
}

/** True when `outer` holds `inner` and more. */
export function contains(outer: CandidateSpan, inner: CandidateSpan): boolean {
  return (
    outer.firstToken <= inner.firstToken &&
    outer.endToken >= inner.endToken &&
    outer.endToken - outer.firstToken > inner.endToken - inner.firstToken
  );
}

/**
 * A noun phrase built on the question's focus noun that says more ("the Carter administration"
 * for "which administration…").
 */
export function isFocusPhrase(
  tokens: readonly Token[],
  span: CandidateSpan,
  type: QuestionType,
  terms: QuestionTerms,
): boolean {
  const head = tokens[span.head] as Token;
  // Only in "what/which X" is X the kind of the answer; in "Where was the meeting held?" the
  // meeting is what the question is about ("their spring meetings in Boston" is no place).
  if (type !== 'what' || !terms.focusTerms || !terms.questionTerms.has(head.term)) {
    return false;
  }
  for (let t = span.firstToken; t < span.head; t += 1) {
    const token = tokens[t] as Token;
    if (token.term && !token.isStopWord && !terms.questionTerms.has(token.term)) return true;
  }
  return false;
}

/**
 * True when the span only repeats the question: all its content words are the question's (or
 * match them at least `repeatMatch` strongly), or, for a name, at least half of them.
 */
export function repeatsQuestion(
  tokens: readonly Token[],
  span: CandidateSpan,
  terms: QuestionTerms,
  matchedTerms: ReadonlyMap<string, number>,
  repeatMatch: ShortAnswerTuning['repeatMatch'],
): boolean {
  let content = 0;
  let repeated = 0;
  const isName = (tokens[span.head] as Token).pos === 'PROPN';
  // "eight-year" answers "how many years": the number is new even if its unit is not.
  if (span.kind === 'number' || span.kind === 'time') {
    for (let t = span.firstToken; t < span.endToken; t += 1) {
      const token = tokens[t] as Token;
      if (token.pos === 'NUM' && !terms.questionTerms.has(token.term)) return false;
    }
  }
  for (let t = span.firstToken; t < span.endToken; t += 1) {
    const token = tokens[t] as Token;
    if (!token.term || token.isStopWord) continue;
    content += 1;
    // A name found through a learned alias ("the foreign minister" → "Ortega") is the answer.
    const strength = terms.aliasTerms.has(token.term) ? 0 : (matchedTerms.get(token.term) ?? 0);
    if (
      terms.questionTerms.has(token.term) ||
      strength >= (isName ? repeatMatch.name : repeatMatch.word)
    ) {
      repeated += 1;
    }
  }
  // A name mostly made of the question's words ("Chile" in "Who leads Chile?") is no answer.
  return content > 0 && (repeated === content || (isName && repeated * 2 >= content));
}

/**
 * A noun phrase whose head is a word of the question other than its focus ("the Lisbon-friendly
 * leader" for "…after Chile's pro-Lisbon leader died?") describes what the question already
 * names; the answer is something else.
 */
export function describesQuestionThing(
  tokens: readonly Token[],
  span: CandidateSpan,
  terms: QuestionTerms,
): boolean {
  const head = tokens[span.head] as Token;
  // "94 pounds" answers "…in pounds?": the number is the answer, its unit the question's.
  if (span.kind === 'number' || head.pos !== 'NOUN' || !terms.questionTerms.has(head.term)) {
    return false;
  }
  return terms.focusTerms === null || !terms.focusTerms.has(head.term);
}
