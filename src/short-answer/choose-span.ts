// short-answer/: candidate spans of each kind, and the one chosen as the short answer.
// May import: retrieval, question, indexing, language, tuning.
import type { QuestionType } from '../answer.js';
import type { AnnotatedParagraph } from '../indexing/annotated-paragraphs.js';
import type { Token } from '../language/text-analysis.js';
import type { WordNet } from '../language/wordnet.js';
import { describesName, type NamedThing, namesNeighbour, withPossessor } from './appositions.js';
import type { CandidateSpan, SpanKind } from './candidate-span.js';
import { findActionSpans, findLocationSpans, findMannerSpans } from './clause-spans.js';
import { asksAmount, countsFocus, YEAR, yearOf } from './number-spans.js';
import { findCandidateSpans, KINDS_FOR_TYPE } from './phrase-spans.js';
import { onVerbSide, SIDE_BONUS, type VerbSide } from './verb-side.js';

export type { NamedThing } from './appositions.js';

/** The question facts that steer the choice of a short answer. */
export interface AnswerTarget {
  readonly type: QuestionType;
  /** Terms of the question's content words; a span made only of them is no answer. */
  readonly questionTerms: ReadonlySet<string>;
  /** Paragraph terms that matched the question, with their strength. */
  readonly matchedTerms: ReadonlyMap<string, number>;
  /** Matched terms reached only through a learned alias; they do not repeat the question. */
  readonly aliasTerms?: ReadonlySet<string>;
  /** Paragraph terms with the evidence they carry (importance × match strength). */
  readonly evidence: ReadonlyMap<string, number>;
  /** Terms the question's focus noun may be ("soldiers" ~ "troops"), or null without a focus. */
  readonly focusTerms: ReadonlySet<string> | null;
  /** Lemma of the focus noun ("instrument" in "what instrument…"), or null. */
  readonly focusLemma: string | null;
  /** For "the name of X": what X is; the answer is a name written next to X. */
  readonly namedTerms: NamedThing | null;
  /** For "Who is X?": the terms of X; the answer is a role written in apposition to X. */
  readonly describedName?: ReadonlySet<string> | null;
  /** "What were they sent there to do?": the answer is what an infinitive says they do. */
  readonly asksAction?: boolean;
  /** The question asks for several ("Who *were* the announcers?", "Which *players*…"). */
  readonly asksMany?: boolean;
  /** The question asks for an amount "in" a unit ("…the weight of a bushel in pounds?"). */
  readonly inUnits?: boolean;
  /** The side of the question's main verb the answer stands on, when word order tells. */
  readonly verbSide?: VerbSide | null;
}

/** A chosen short answer: the verbatim span and where it sits. */
export interface ShortAnswer {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Cost of each step down the list of kinds the question type prefers. */
const KIND_PENALTY = 0.2;
/**
 * For where the kind decides: a name of unknown kind ("Okafor") answers "where" only
 * when the window has no place.
 */
const STRICT_KIND_TYPES: ReadonlySet<QuestionType> = new Set(['where']);
const STRICT_KIND_PENALTY = 3;
/** A noun phrase built on the question's focus noun and saying more ("the Carter administration"). */
const FOCUS_PHRASE_BONUS = 0.8;
/**
 * Weight of closeness to the question's words (sliding-window-and-distance style) and how fast
 * it fades with distance; tuned on 8 SQuAD dev articles, checked on the article dev file.
 */
const DISTANCE_DECAY = 0.7;
const PROXIMITY_WEIGHT = 8;
/** A candidate whose head is a kind of the focus noun ("piano" for "what instrument"). */
const FOCUS_KIND_BONUS = 1;
const NAME = 'name';
const ACTION_KINDS: readonly SpanKind[] = ['action'];
const MEASURE_KINDS: readonly SpanKind[] = ['number', 'thing', 'name'];

/**
 * Picks the span of the window (`first`, `count` sentences) that answers the question: of the
 * kind the question asks for, not merely repeating the question, close to the question's words.
 * Returns null when no such span exists, which also tells the caller the window does not answer.
 */
export function findShortAnswer(
  paragraph: AnnotatedParagraph,
  window: { readonly first: number; readonly count: number },
  target: AnswerTarget,
  wordnet: WordNet,
): ShortAnswer | null {
  const kinds = target.asksAction
    ? ACTION_KINDS
    : target.type === 'what' && asksAmount(target.focusLemma, target.inUnits === true, wordnet)
      ? MEASURE_KINDS
      : KINDS_FOR_TYPE[target.type];
  if (!kinds) return null;
  const { sentences, tokens } = paragraph.analysis;
  const first = sentences[window.first];
  const last = sentences[window.first + window.count - 1] ?? first;
  if (!first || !last) return null;

  const evidence: { at: number; weight: number }[] = [];
  let totalEvidence = 0;
  for (let t = first.firstToken; t < last.endToken; t += 1) {
    const token = tokens[t] as Token;
    const weight = token.term && !token.isStopWord ? (target.evidence.get(token.term) ?? 0) : 0;
    if (weight > 0) {
      evidence.push({ at: t, weight });
      totalEvidence += weight;
    }
  }

  const verbs: number[] = [];
  if (target.verbSide) {
    for (let t = first.firstToken; t < last.endToken; t += 1) {
      if (target.verbSide.terms.has((tokens[t] as Token).term)) verbs.push(t);
    }
  }
  let best: { span: CandidateSpan; score: number } | null = null;
  const candidates = target.asksAction
    ? findActionSpans(paragraph, first.firstToken, last.endToken)
    : target.type === 'how'
      ? findMannerSpans(paragraph, first.firstToken, last.endToken)
      : target.type === 'where'
        ? [
            ...findCandidateSpans(paragraph, first.firstToken, last.endToken, wordnet),
            ...findLocationSpans(paragraph, first.firstToken, last.endToken),
          ]
        : findCandidateSpans(paragraph, first.firstToken, last.endToken, wordnet, {
            titles: Boolean(target.describedName),
          });
  for (const span of candidates) {
    const rank = kinds.indexOf(span.kind);
    const focusPhrase = isFocusPhrase(tokens, span, target);
    const strict = target.type === 'when' || target.type === 'how-many';
    // "Okafor's first name" is answered by "Maria Okafor", which repeats the question's name.
    const named =
      target.namedTerms?.isName === true && namesNeighbour(tokens, span, target.namedTerms);
    if (
      (rank < 0 && (strict || !focusPhrase)) ||
      (repeatsQuestion(tokens, span, target) && !named) ||
      describesQuestionThing(tokens, span, target)
    ) {
      continue;
    }
    if (
      target.type === 'how-many' &&
      target.focusTerms &&
      !countsFocus(tokens, span, target.focusTerms, target.focusLemma)
    ) {
      continue;
    }
    let closeness = 0;
    const place = span.anchor ?? span;
    for (const { at, weight } of evidence) {
      if (at >= place.firstToken && at < place.endToken) continue;
      const distance = at < place.firstToken ? place.firstToken - at : at - place.endToken + 1;
      closeness += weight / (1 + distance) ** DISTANCE_DECAY;
    }
    const head = tokens[span.head] as Token;
    const focusKind =
      target.focusLemma !== null &&
      (head.pos === 'NOUN' || head.pos === 'PROPN') &&
      head.lemma !== target.focusLemma &&
      wordnet.isKindOf(head.lemma, target.focusLemma);
    // "What was the name of…" wants a name, not a description.
    if (target.focusLemma === NAME && head.pos !== 'PROPN') continue;
    if (target.namedTerms && !namesNeighbour(tokens, span, target.namedTerms)) continue;
    // In "What does X blame…", "Okafor's travels" is about the travels, not about Okafor.
    if (target.type === 'what' && isPossessor(tokens, span)) continue;
    if (target.describedName && !describesName(tokens, span, target.describedName, wordnet)) {
      continue;
    }
    const kindPenalty = STRICT_KIND_TYPES.has(target.type) ? STRICT_KIND_PENALTY : KIND_PENALTY;
    const score =
      (target.asksMany && isNameList(tokens, span) ? LIST_BONUS : 0) +
      (onVerbSide(tokens, span, verbs, target.verbSide) ? SIDE_BONUS : 0) +
      -kindPenalty * Math.max(0, rank) +
      (focusKind ? FOCUS_KIND_BONUS : 0) +
      (PROXIMITY_WEIGHT * closeness) / (totalEvidence || 1) +
      (focusPhrase ? FOCUS_PHRASE_BONUS : 0);
    // On a tie the longer span wins: "the differences over Chile" says more than "the differences".
    if (
      !best ||
      score > best.score + TIE ||
      (score > best.score - TIE && contains(span, best.span))
    ) {
      best = { span, score };
    }
  }
  if (!best) return null;
  const { firstToken, endToken } =
    target.focusLemma === YEAR
      ? (yearOf(tokens, best.span) ?? best.span)
      : target.describedName
        ? withPossessor(tokens, best.span)
        : best.span;
  const start = (tokens[firstToken] as Token).start;
  const end = (tokens[endToken - 1] as Token).end;
  return { text: paragraph.text.slice(start, end), start, end };
}

/**
 * A list of names for a question that asks for several: worth one nearby matched word, as the
 * word-order bonus (SQuAD v1.1 EM +0.3, F1 +0.2; 0.5 and 2 measured no better).
 */
const LIST_BONUS = 1;

/** Names listed together ("James Lofton and Mark Malone"). */
function isNameList(tokens: readonly Token[], span: CandidateSpan): boolean {
  if ((tokens[span.head] as Token).pos !== 'PROPN') return false;
  for (let t = span.firstToken; t < span.endToken; t += 1) {
    if ((tokens[t] as Token).pos === 'CCONJ') return true;
  }
  return false;
}

const TIE = 1e-9;

/** A name followed by the possessive "'s" and a noun phrase it owns. */
function isPossessor(tokens: readonly Token[], span: CandidateSpan): boolean {
  const after = tokens[span.endToken];
  return (
    (tokens[span.head] as Token).pos === 'PROPN' &&
    after?.pos === 'PART' &&
    /^['’]s?$/.test(after.text) &&
    tokens[span.endToken + 1] !== undefined &&
    ['NOUN', 'ADJ', 'PROPN', 'PUNCT'].includes((tokens[span.endToken + 1] as Token).pos)
  );
}

function contains(outer: CandidateSpan, inner: CandidateSpan): boolean {
  return (
    outer.firstToken <= inner.firstToken &&
    outer.endToken >= inner.endToken &&
    outer.endToken - outer.firstToken > inner.endToken - inner.firstToken
  );
}

function isFocusPhrase(
  tokens: readonly Token[],
  span: CandidateSpan,
  target: AnswerTarget,
): boolean {
  const head = tokens[span.head] as Token;
  // Only in "what/which X" is X the kind of the answer; in "Where was the meeting held?" the
  // meeting is what the question is about ("their spring meetings in Boston" is no place).
  if (target.type !== 'what' || !target.focusTerms || !target.questionTerms.has(head.term)) {
    return false;
  }
  for (let t = span.firstToken; t < span.head; t += 1) {
    const token = tokens[t] as Token;
    if (token.term && !token.isStopWord && !target.questionTerms.has(token.term)) return true;
  }
  return false;
}

function repeatsQuestion(
  tokens: readonly Token[],
  span: CandidateSpan,
  target: AnswerTarget,
): boolean {
  let content = 0;
  let repeated = 0;
  const isName = (tokens[span.head] as Token).pos === 'PROPN';
  // "eight-year" answers "how many years": the number is new even if its unit is not.
  if (span.kind === 'number' || span.kind === 'time') {
    for (let t = span.firstToken; t < span.endToken; t += 1) {
      const token = tokens[t] as Token;
      if (token.pos === 'NUM' && !target.questionTerms.has(token.term)) return false;
    }
  }
  for (let t = span.firstToken; t < span.endToken; t += 1) {
    const token = tokens[t] as Token;
    if (!token.term || token.isStopWord) continue;
    content += 1;
    // A name found through a learned alias ("the foreign minister" → "Ortega") is the answer.
    const strength = target.aliasTerms?.has(token.term)
      ? 0
      : (target.matchedTerms.get(token.term) ?? 0);
    if (target.questionTerms.has(token.term) || strength >= (isName ? 0.4 : 0.6)) {
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
function describesQuestionThing(
  tokens: readonly Token[],
  span: CandidateSpan,
  target: AnswerTarget,
): boolean {
  const head = tokens[span.head] as Token;
  // "94 pounds" answers "…in pounds?": the number is the answer, its unit the question's.
  if (span.kind === 'number' || head.pos !== 'NOUN' || !target.questionTerms.has(head.term)) {
    return false;
  }
  return target.focusTerms === null || !target.focusTerms.has(head.term);
}
