// decision/: answered or "not in the article": span re-ranking, coverage, contradictions.
// May import: short-answer, retrieval, question, indexing, language, tuning.
import type { QuestionType } from '../answer.js';
import type { Token } from '../language/text-analysis.js';
import type { WordNet } from '../language/wordnet.js';
import { type AnswerSide, answerSide } from '../question/answer-side.js';
import { classifyQuestion } from '../question/clean-question.js';
import type { ParagraphScore } from '../retrieval/ranking.js';
import type { Retrieval } from '../retrieval/retriever.js';
import { otherClassShare } from '../retrieval/word-class.js';
import {
  type AnswerTarget,
  findShortAnswer,
  type NamedThing,
  type ShortAnswer,
} from '../short-answer/choose-span.js';
import { KINDS_FOR_TYPE } from '../short-answer/phrase-spans.js';
import type { VerbSide } from '../short-answer/verb-side.js';
import { contradicts } from './contradictions.js';

/** A ranked paragraph with the short answer found in its best window, if any. */
export interface DecidedParagraph extends ParagraphScore {
  readonly span: ShortAnswer | null;
}

/** Whether the corpus answers the question, and the paragraphs in their final order. */
export interface AnswerDecision {
  readonly answered: boolean;
  readonly answer: string | null;
  readonly ranked: readonly DecidedParagraph[];
}

/**
 * Share of the question's weighted content words that the best one- or two-sentence window must
 * contain before the answer counts as found. Below it the question is about something the article
 * does not say. Tuned on the article dev file: every unanswerable question but the near-topic ones
 * falls under 0.33, while all but three answerable ones (each a paraphrase with no word in
 * common) stay above.
 */
const MIN_COVERAGE = 0.33;
/** Candidates checked for an answer span of the expected kind. */
const SPAN_RERANK = 8;
/** Ranking bonus for a window holding a span of the kind the question asks for. */
const SPAN_BONUS = 0.08;
/** For a when/how-many question a window without a date or number cannot answer at all. */
const STRICT_SPAN_BONUS = 0.2;
/**
 * Ranking cost of a window that holds the question's words only as other parts of speech (see
 * `otherClassShare`), per unit of the question's weight: half the window weight's 15%. Measured
 * on SQuAD v1.1: top-1 0.827 → 0.829, EM 0.294 → 0.295; twice as much cost the article a false
 * abstention. Only the candidates checked for a span pay it, whose sentences are read anyway.
 */
const OTHER_CLASS_COST = 0.075;
/** A match this strong to the question's focus noun counts as naming the same thing. */
const FOCUS_MATCH = 0.18;
/** A match this strong to the noun a "name of X" question describes counts as X. */
const NAMED_MATCH = 0.5;
/**
 * Question types whose answer must be a span of a definite kind (a time, a number): without one
 * the article does not answer, whatever the word overlap ("How many delegates…?").
 */
const STRICT_SPAN_TYPES: ReadonlySet<QuestionType> = new Set(['when', 'how-many']);

/**
 * Re-ranks the retrieved paragraphs by whether their best window holds an answer of the expected
 * kind, picks the short answer, and decides whether the question is answered at all.
 */
export function decideAnswer(retrieval: Retrieval, wordnet: WordNet): AnswerDecision {
  const { type } = retrieval;
  const questionTerms = new Set(retrieval.words.map((w) => w.term));
  const focusTerms = retrieval.focus
    ? new Set(retrieval.focus.matches.filter((m) => m.weight >= FOCUS_MATCH).map((m) => m.term))
    : null;
  const evidence = new Map<string, number>();
  for (const word of retrieval.words) {
    for (const match of word.matches) {
      const weight = word.importance * match.weight;
      if (weight > (evidence.get(match.term) ?? 0)) evidence.set(match.term, weight);
    }
  }
  const namedTerms = findNamedTerms(retrieval);
  const describedName = findDescribedName(retrieval);
  const aliasTerms = new Set(retrieval.words.flatMap((w) => [...(w.aliasTerms ?? [])]));
  const strict = STRICT_SPAN_TYPES.has(type) || namedTerms !== null;
  const asksAction = type === 'what' && endsWithToDo(retrieval.tokens);
  const side = answerSide(retrieval.tokens, classifyQuestion(retrieval.tokens).whIndex);
  const verbSide = findVerbSide(retrieval, side);
  const asksMany = asksForSeveral(retrieval);
  const inUnits = retrieval.tokens.some(
    (t, i) =>
      t.pos === 'NOUN' &&
      retrieval.tokens[i - 1]?.lemma === 'in' &&
      wordnet.isKindOf(t.lemma, UNIT_OF_MEASUREMENT),
  );

  const needsSpan = KINDS_FOR_TYPE[type] !== undefined;
  const mainVerb = side ? retrieval.tokens[side.verb] : undefined;
  const ranked: DecidedParagraph[] = retrieval.ranked.map((scored, i) => {
    if (i >= SPAN_RERANK || !needsSpan) return { ...scored, span: null };
    const otherClass = OTHER_CLASS_COST * otherClassShare(retrieval, scored, mainVerb);
    const r = { ...scored, score: scored.score - otherClass };
    const target: AnswerTarget = {
      type,
      questionTerms,
      matchedTerms: r.matchedTerms,
      aliasTerms,
      evidence,
      focusTerms,
      focusLemma: retrieval.focus?.token.lemma ?? null,
      namedTerms,
      asksAction,
      describedName,
      verbSide,
      inUnits,
      asksMany,
    };
    const { window, span } = findSpan(r, target, wordnet, STRICT_SPAN_TYPES.has(type));
    const bonus = span ? (strict || describedName ? STRICT_SPAN_BONUS : SPAN_BONUS) : 0;
    return { ...r, window, span, score: r.score + bonus };
  });
  ranked.sort((a, b) => b.score - a.score);

  const best = ranked[0];
  const answered =
    best !== undefined &&
    coverageWithAnswer(retrieval, best) >= MIN_COVERAGE &&
    (!strict || best.span !== null) &&
    !contradicts(retrieval, best, wordnet);
  return { answered, answer: answered && best?.span ? best.span.text : null, ranked };
}

/**
 * The short answer in the paragraph's best window; with `widen`, a window of one sentence that
 * holds none grows by the sentence before or after it (a date or number is often in the sentence
 * next to the one that matches best), and the window returned is the one the answer is in.
 */
function findSpan(
  scored: ParagraphScore,
  target: AnswerTarget,
  wordnet: WordNet,
  widen: boolean,
): { window: ParagraphScore['window']; span: ShortAnswer | null } {
  const { paragraph, window } = scored;
  const span = findShortAnswer(paragraph, window, target, wordnet);
  if (span || !widen || window.count !== 1) return { window, span };
  for (const first of [window.first - 1, window.first]) {
    if (first < 0 || first + 1 >= paragraph.analysis.sentences.length) continue;
    const wider = { first, count: 2 };
    const found = findShortAnswer(paragraph, wider, target, wordnet);
    if (found) return { window: wider, span: found };
  }
  return { window, span: null };
}

/** "…to do?": the question asks what someone does, went or was sent to do. */
function endsWithToDo(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => t.pos !== 'PUNCT');
  return words.at(-1)?.lemma === 'do' && words.at(-2)?.lemma === 'to';
}

/** Question types a focus noun right after "which" / "what" can give ("which city" → where). */
const TYPED_BY_FOCUS: ReadonlySet<QuestionType> = new Set(['who', 'where', 'when']);

/**
 * The best window's coverage, counting the focus noun of "which city…" / "what year…" as found
 * when the window holds a span of that kind: the answer ("Lisbon") stands for the noun ("city"),
 * which the text has no reason to repeat.
 */
function coverageWithAnswer(retrieval: Retrieval, best: DecidedParagraph): number {
  const focus = retrieval.focus;
  if (!focus || !best.span || !TYPED_BY_FOCUS.has(retrieval.type)) return best.windowCoverage;
  const { tokens } = retrieval;
  const wh = tokens.findIndex((t) => t.lemma === 'which' || t.lemma === 'what');
  const at = tokens.indexOf(focus.token);
  if (wh < 0 || at <= wh) return best.windowCoverage;
  for (let t = wh + 1; t < at; t += 1) {
    if (!['ADJ', 'PROPN', 'NOUN'].includes((tokens[t] as Token).pos)) return best.windowCoverage;
  }
  const i = retrieval.words.findIndex((w) => w.token === focus.token);
  const total = retrieval.words.reduce((sum, w) => sum + w.importance, 0) || 1;
  const missing = (focus.importance * (1 - (best.windowStrengths[i] ?? 0))) / total;
  return best.windowCoverage + (i >= 0 ? missing : 0);
}

/**
 * For "Who is X?" with X a name and nothing more asked: the terms of X. The answer is then the
 * role the text gives X in apposition ("Okafor, *Kenya's top diplomat*"), not another name.
 */
function findDescribedName(retrieval: Retrieval): ReadonlySet<string> | null {
  if (retrieval.type !== 'who') return null;
  const words = retrieval.tokens.filter((t) => t.pos !== 'PUNCT');
  if (words[0]?.lemma !== 'who' || words[1]?.lemma !== 'be' || words.length < 3) return null;
  const rest = words.slice(2);
  if (!rest.every((t) => t.pos === 'PROPN')) return null;
  const terms = new Set<string>();
  for (const token of rest) {
    const word = retrieval.words.find((w) => w.token === token);
    terms.add(token.term);
    for (const m of word?.matches ?? []) if (m.weight >= NAMED_MATCH) terms.add(m.term);
  }
  return terms;
}

/**
 * For "what is the name of X" / "X's first name", the terms that stand for X: the answer must be
 * a name written next to X. Null for other questions.
 */
function findNamedTerms(retrieval: Retrieval): NamedThing | null {
  const focus = retrieval.focus?.token;
  if (focus?.lemma !== 'name') return null;
  const tokens = retrieval.tokens;
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
  if (!named) return null;
  const word = retrieval.words.find((w) => w.token === named);
  const terms = new Set(
    (word?.matches ?? []).filter((m) => m.weight >= NAMED_MATCH).map((m) => m.term),
  );
  terms.add(named.term);
  return { terms, isName: named.pos === 'PROPN' };
}

const UNIT_OF_MEASUREMENT = 'unit of measurement';
/** A question word matches the verb's relatives this close or closer. */
const VERB_MATCH = 0.6;

/** Where the answer stands relative to the question's main verb, and the terms that verb matches. */
function findVerbSide(retrieval: Retrieval, found: AnswerSide | null): VerbSide | null {
  const verb = found ? retrieval.tokens[found.verb] : undefined;
  const word = verb ? retrieval.words.find((w) => w.token === verb) : undefined;
  if (!found || !word) return null;
  const terms = new Set([
    word.term,
    ...word.matches.filter((m) => m.weight >= VERB_MATCH).map((m) => m.term),
  ]);
  return { terms, side: found.side };
}

/**
 * "Who *were*…", "Who *are*…" or a plural focus noun ("Which *players*…") ask for several.
 */
function asksForSeveral(retrieval: Retrieval): boolean {
  const { whIndex } = classifyQuestion(retrieval.tokens);
  const next = retrieval.tokens[whIndex + 1];
  if (next?.pos === 'AUX' && /^(?:were|are)$/i.test(next.text)) return true;
  const focus = retrieval.focus?.token;
  return focus !== undefined && focus.pos === 'NOUN' && focus.text.toLowerCase() !== focus.lemma;
}
