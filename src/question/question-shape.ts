// question/: the question understood once (QuestionAnalysis): cleaning, type, focus, verb.
// May import: language, tuning, the answer contract.
import type { QuestionType } from '../answer.js';
import type { Token } from '../language/text-analysis.js';
import type { WordNet } from '../language/wordnet.js';

/** The focus noun of "what is the name of…" and "X's first name". */
export const NAME = 'name';
/** WordNet's kinds of quantities: "what *percentage*", "what *length*" want a number. */
const MEASURES = ['magnitude', 'magnitude relation', 'measure', 'quantity'];
const UNIT_OF_MEASUREMENT = 'unit of measurement';
const NEGATIONS = new Set(['not', 'never', "n't"]);
/** Questions whose subject a paragraph must name: "What did *UNESCO* decide…". */
const SUBJECT_QUESTIONS = new Set(['what', 'who', 'where', 'when', 'why', 'how']);

/** "…to do?": the question asks what someone does, went or was sent to do. */
export function endsWithToDo(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => t.pos !== 'PUNCT');
  return words.at(-1)?.lemma === 'do' && words.at(-2)?.lemma === 'to';
}

/** "Who *were*…", "Who *are*…" or a plural focus noun ("Which *players*…") ask for several. */
export function asksForSeveral(
  tokens: readonly Token[],
  whIndex: number,
  focus: Token | null,
): boolean {
  const next = tokens[whIndex + 1];
  if (next?.pos === 'AUX' && /^(?:were|are)$/i.test(next.text)) return true;
  return focus !== null && focus.pos === 'NOUN' && focus.text.toLowerCase() !== focus.lemma;
}

/**
 * True when a what-question asks for an amount: its focus is a WordNet quantity ("what
 * *percentage*") or it asks "in" a unit ("…the weight of a bushel in pounds?").
 */
export function asksAmount(
  tokens: readonly Token[],
  focus: Token | null,
  wordnet: WordNet,
): boolean {
  const inUnits = tokens.some(
    (t, i) =>
      t.pos === 'NOUN' &&
      tokens[i - 1]?.lemma === 'in' &&
      wordnet.isKindOf(t.lemma, UNIT_OF_MEASUREMENT),
  );
  return (
    inUnits ||
    (focus !== null && MEASURES.some((measure) => wordnet.isKindOf(focus.lemma, measure)))
  );
}

/**
 * For "what is the name of X" / "X's first name": X, and whether X is itself a name (then the
 * answer is a longer name holding it). Null for other questions.
 */
export function findNamedThing(
  tokens: readonly Token[],
  focus: Token | null,
): { readonly token: Token; readonly isName: boolean } | null {
  if (focus?.lemma !== NAME) return null;
  const at = tokens.indexOf(focus);
  let named: Token | undefined;
  if (tokens[at + 1]?.lemma === 'of') {
    for (let t = at + 2; t < tokens.length; t += 1) {
      const token = tokens[t] as Token;
      if (token.pos === 'NOUN' || token.pos === 'PROPN') named = token;
      else if (!['DET', 'ADJ', 'PART', 'PUNCT', 'X'].includes(token.pos) || token.text === ',')
        break;
    }
  } else {
    for (let t = at - 1; t >= 0; t -= 1) {
      const token = tokens[t] as Token;
      if (token.pos === 'PROPN' || token.pos === 'NOUN') {
        named = token;
        break;
      }
      if (!['ADJ', 'PART'].includes(token.pos)) break;
    }
  }
  return named ? { token: named, isName: named.pos === 'PROPN' } : null;
}

/**
 * For "Who is X?" with X a name and nothing more asked: the tokens of X. The answer is then the
 * role the text gives X in apposition ("Okafor, *Kenya's top diplomat*"), not another name.
 */
export function findDescribedName(
  type: QuestionType,
  tokens: readonly Token[],
): readonly Token[] | null {
  if (type !== 'who') return null;
  const words = tokens.filter((t) => t.pos !== 'PUNCT');
  if (words[0]?.lemma !== 'who' || words[1]?.lemma !== 'be' || words.length < 3) return null;
  const rest = words.slice(2);
  return rest.every((t) => t.pos === 'PROPN') ? rest : null;
}

/**
 * The names of the subject in "What did *UNESCO* decide…" (a wh-word, an auxiliary, then the
 * subject up to its verb): a paragraph that never names them did not do what is asked.
 */
export function findSubjectNames(tokens: readonly Token[]): readonly Token[] {
  const wh = tokens.findIndex((t) => t.pos !== 'PUNCT');
  if (!SUBJECT_QUESTIONS.has(tokens[wh]?.lemma ?? '')) return [];
  if (tokens[wh + 1]?.pos !== 'AUX') return [];
  const names: Token[] = [];
  for (let t = wh + 2; t < tokens.length; t += 1) {
    const token = tokens[t] as Token;
    if (token.pos === 'VERB' || token.pos === 'AUX' || token.pos === 'ADP') break;
    if (token.pos === 'PROPN') names.push(token);
  }
  return names;
}

/** True when the question holds a negation ("not", "never", "n't"). */
export function isNegated(tokens: readonly Token[]): boolean {
  return tokens.some((t) => NEGATIONS.has(t.lemma));
}
