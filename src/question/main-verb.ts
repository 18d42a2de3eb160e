// question/: the question understood once (QuestionAnalysis): cleaning, type, focus, verb.
// May import: language, tuning, the answer contract.
import type { Token } from '../language/text-analysis.js';

/** Which side of the question's main verb the answer stands on, in an English sentence. */
export interface AnswerSide {
  /** Index of the question's main verb among the question's tokens. */
  readonly verb: number;
  readonly side: 'before' | 'after';
}

const WH_PHRASE: ReadonlySet<string> = new Set(['NOUN', 'ADJ', 'PROPN']);

/**
 * Reads the answer's side off the question's word order. The wh-word (with up to
 * `whPhraseReach` nouns and adjectives: "which French city was…") stands for the answer:
 * straight before a verb it is that verb's subject ("Who founded the city?": the founder comes
 * before "founded"); before an auxiliary and a later verb, it is the verb's object or the agent
 * of a passive ("What did Tesla invent?", "What was the city renamed?": after the verb). Null for
 * a copula ("What is the capital?", either side) and for anything else.
 */
export function findAnswerSide(
  tokens: readonly Token[],
  whIndex: number,
  whPhraseReach: number,
): AnswerSide | null {
  const wh = tokens[whIndex];
  if (!wh || !/^(?:what|which|who|whom)$/.test(wh.lemma)) return null;
  let next = whIndex + 1;
  while (
    next <= whIndex + whPhraseReach &&
    WH_PHRASE.has(tokens[next]?.pos ?? '') &&
    tokens[next + 1] !== undefined
  ) {
    next += 1;
  }
  const after = tokens[next];
  if (!after) return null;
  if (after.pos === 'VERB') return { verb: next, side: 'before' };
  if (after.pos !== 'AUX') return null;
  for (let t = next + 1; t < tokens.length; t += 1) {
    if ((tokens[t] as Token).pos === 'VERB') return { verb: t, side: 'after' };
  }
  const verb = untaggedVerb(tokens, next);
  return verb >= 0 ? { verb, side: 'after' } : null;
}

/** Words that may stand in a question's subject between its auxiliary and its verb. */
const SUBJECT: ReadonlySet<string> = new Set([
  'DET',
  'ADJ',
  'NOUN',
  'PROPN',
  'PART',
  'NUM',
  'PRON',
]);

const NOUN_PHRASE_START: ReadonlySet<string> = new Set(['DET', 'PRON', 'NUM']);

/**
 * The main verb of an inverted question the tagger read as a noun ("Who will the senators
 * *visit*?", "What did the mayor *call* the plan?"): the last word of the run after the auxiliary,
 * when that run holds a subject before it and the word is in its base form. -1 when none.
 */
function untaggedVerb(tokens: readonly Token[], aux: number): number {
  const isNoun = (t: Token | undefined) => t?.pos === 'NOUN' || t?.pos === 'PROPN';
  let end = aux + 1;
  while (end < tokens.length && SUBJECT.has((tokens[end] as Token).pos)) {
    // A determiner after a noun opens the object ("the mayor call *the* plan").
    if (NOUN_PHRASE_START.has((tokens[end] as Token).pos) && isNoun(tokens[end - 1])) break;
    end += 1;
  }
  const last = tokens[end - 1];
  const subject = tokens.slice(aux + 1, end - 1).some((t) => isNoun(t) || t.pos === 'PRON');
  return last?.pos === 'NOUN' && subject && last.text.toLowerCase() === last.lemma ? end - 1 : -1;
}
