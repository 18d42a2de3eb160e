// question/: the question understood once (QuestionAnalysis): cleaning, type, focus, verb.
// May import: language, tuning, the answer contract.
import type { QuestionType } from '../answer.js';
import { analyzeText, type Token } from '../language/text-analysis.js';
import type { WordNet } from '../language/wordnet.js';
import type { Tuning } from '../tuning.js';
import { classifyQuestion } from './classify-question.js';
import { cleanQuestion } from './clean-question.js';
import { findFocus, hasOnlyModifiersBetween, refineType } from './focus.js';
import { type AnswerSide, findAnswerSide } from './main-verb.js';
import {
  asksAmount,
  asksForSeveral,
  endsWithToDo,
  findDescribedName,
  findNamedThing,
  findSubjectNames,
  isNegated,
} from './question-shape.js';

/**
 * What the answer should be, for the short-answer stage: the question type, or for a what
 * question an action ("…sent there to do?") or an amount ("what percentage…", "…in pounds?").
 */
export type AnswerWanted = QuestionType | 'action' | 'amount';

/**
 * Everything the pipeline reads off the question's own words, worked out once per question and
 * passed down: no later stage tags, classifies or scans the question again. (What the question's
 * words match in the corpus is retrieval's `QuestionTerms`.)
 */
export interface QuestionAnalysis {
  /** The question without chat noise ({@link cleanQuestion}). */
  readonly cleaned: string;
  /** wink-nlp's tokens of `cleaned`. */
  readonly tokens: readonly Token[];
  /** The kind of question, after a focus noun retyped "what" ("which city" asks where). */
  readonly type: QuestionType;
  /** Index of the wh-word (or leading auxiliary) among `tokens`; -1 when there is none. */
  readonly whIndex: number;
  /** The noun the question asks about ("soldiers" in "how many soldiers"), or null. */
  readonly focus: Token | null;
  /**
   * True when the focus stands right after "which" / "what", only modifiers between: the answer
   * ("Lisbon") then stands for the noun ("city"), which the text has no reason to repeat.
   */
  readonly focusTypesAnswer: boolean;
  /** The question's main verb and the side of it where word order puts the answer, when known. */
  readonly side: AnswerSide | null;
  /** The main verb's token (`tokens[side.verb]`), or null. */
  readonly mainVerb: Token | null;
  /** What the short answer should be: {@link AnswerWanted}. */
  readonly wants: AnswerWanted;
  /** A when or how-many question: only a time or a number can answer it. */
  readonly asksTimeOrCount: boolean;
  /** "Who *were*…" or a plural focus ("Which *players*…"): a list of names answers best. */
  readonly asksMany: boolean;
  /** For "the name of X" / "X's first name": X, and whether X is itself a name. */
  readonly namedThing: { readonly token: Token; readonly isName: boolean } | null;
  /** For "Who is X?" with X a name: the tokens of X (the answer is X's role). */
  readonly describedName: readonly Token[] | null;
  /** The names of the subject of "What did *UNESCO* decide…"; [] when it has none. */
  readonly subjectNames: readonly Token[];
  /** True when the question holds "not", "never" or "n't". */
  readonly negated: boolean;
  /** The lemmas of every token. */
  readonly lemmas: ReadonlySet<string>;
}

const TIME_OR_COUNT: ReadonlySet<QuestionType> = new Set(['when', 'how-many']);

/**
 * Cleans, tags and reads one question: its type, wh-word, focus noun, main verb and the side of
 * it the answer is on, and what kind of answer it wants.
 *
 * @example
 * analyzeQuestion('Which city did the minister visit?', wordnet, DEFAULT_TUNING.question)
 * // → { type: 'where', focus: <city>, side: { verb: 5, side: 'after' }, wants: 'where', … }
 */
export function analyzeQuestion(
  question: string,
  wordnet: WordNet,
  tuning: Tuning['question'],
): QuestionAnalysis {
  const cleaned = cleanQuestion(question);
  const { tokens } = analyzeText(cleaned);
  const classified = classifyQuestion(tokens);
  const { whIndex } = classified;
  const focus = findFocus(tokens, whIndex, tuning.focusReach);
  const whatIndex = tokens.findIndex((t) => t.lemma === 'which' || t.lemma === 'what');
  const type = refineType(classified.type, focus, tokens, whatIndex, wordnet);
  const focusAt = focus ? tokens.indexOf(focus) : -1;
  const side = findAnswerSide(tokens, whIndex, tuning.whPhraseReach);
  const asksAction = type === 'what' && endsWithToDo(tokens);
  return {
    cleaned,
    tokens,
    type,
    whIndex,
    focus,
    focusTypesAnswer:
      whatIndex >= 0 && focusAt > whatIndex && hasOnlyModifiersBetween(tokens, whatIndex, focusAt),
    side,
    mainVerb: side ? (tokens[side.verb] ?? null) : null,
    wants: asksAction
      ? 'action'
      : type === 'what' && asksAmount(tokens, focus, wordnet)
        ? 'amount'
        : type,
    asksTimeOrCount: TIME_OR_COUNT.has(type),
    asksMany: asksForSeveral(tokens, whIndex, focus),
    namedThing: findNamedThing(tokens, focus),
    describedName: findDescribedName(type, tokens),
    subjectNames: findSubjectNames(tokens),
    negated: isNegated(tokens),
    lemmas: new Set(tokens.map((t) => t.lemma)),
  };
}
