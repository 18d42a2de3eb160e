// question/: the question understood once (QuestionAnalysis): cleaning, type, focus, verb.
// May import: language, tuning, the answer contract.
import type { QuestionType } from '../answer.js';
import { kindOfNoun } from '../language/noun-kinds.js';
import type { Token } from '../language/text-analysis.js';
import type { WordNet } from '../language/wordnet.js';

/**
 * The first noun after the wh-word ("how many *soldiers*", "which *city*"), at most `reach`
 * tokens after it.
 */
export function findFocus(tokens: readonly Token[], whIndex: number, reach: number): Token | null {
  if (whIndex < 0) return null;
  for (let t = whIndex + 1; t < Math.min(tokens.length, whIndex + 1 + reach); t += 1) {
    const token = tokens[t] as Token;
    // "What kind of approach": the kind is the approach.
    if (token.pos === 'NOUN' && tokens[t + 1]?.lemma === 'of' && tokens[t + 2]?.pos === 'NOUN') {
      return tokens[t + 2] as Token;
    }
    if (token.pos === 'NOUN') return token;
    // "What is the name of…" asks for a name; in "What can a teacher use" the noun is the subject.
    if (token.pos === 'AUX' && token.lemma !== 'be') return null;
    if (!['ADJ', 'ADV', 'PROPN', 'DET', 'NUM', 'PART', 'AUX'].includes(token.pos)) return null;
  }
  return null;
}

/**
 * True when only adjectives, names and nouns stand between tokens `from` and `to` (both left
 * out): in "which *French* city" the noun after the wh-word types the answer, in "which of the
 * cities" it does not.
 */
export function hasOnlyModifiersBetween(
  tokens: readonly Token[],
  from: number,
  to: number,
): boolean {
  for (let t = from + 1; t < to; t += 1) {
    if (!['ADJ', 'PROPN', 'NOUN'].includes((tokens[t] as Token).pos)) return false;
  }
  return true;
}

/**
 * "Which city" asks where, "what year" asks when, "which lawmakers" asks who: only a noun right
 * after the wh-word types the answer ("which city", "what Western country"). `whatIndex` is the
 * index of the first "which" or "what" (-1 when there is none).
 */
export function refineType(
  type: QuestionType,
  focus: Token | null,
  tokens: readonly Token[],
  whatIndex: number,
  wordnet: WordNet,
): QuestionType {
  if (type !== 'what' || !focus || whatIndex < 0) return type;
  if (!hasOnlyModifiersBetween(tokens, whatIndex, tokens.indexOf(focus))) return type;
  const kind = kindOfNoun(wordnet, focus.lemma);
  if (kind === 'person' || kind === 'group') return 'who';
  if (kind === 'place') return 'where';
  if (kind === 'time') return 'when';
  return type;
}
