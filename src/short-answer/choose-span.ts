// short-answer/: candidate spans by kind (registry: span-sources.ts), and the span chosen.
// May import: retrieval, question, indexing, language, tuning.
import type { QuestionType } from '../answer.js';
import type { AnnotatedParagraph } from '../indexing/annotated-paragraphs.js';
import type { Token } from '../language/text-analysis.js';
import type { WordNet } from '../language/wordnet.js';
import type { QuestionAnalysis } from '../question/question-analysis.js';
import { NAME } from '../question/question-shape.js';
import type { QuestionTerms } from '../retrieval/question-terms.js';
import { describesName, namesNeighbour, withPossessor } from './appositions.js';
import type { CandidateSpan, ShortAnswerTuning, SpanSearch } from './candidate-span.js';
import { countsFocus, YEAR, yearOf } from './number-spans.js';
import {
  contains,
  describesQuestionThing,
  isFocusPhrase,
  isNameList,
  isPossessor,
  repeatsQuestion,
} from './span-filters.js';
import { findSpanSources, rankSpanKinds } from './span-sources.js';
import { onVerbSide } from './verb-side.js';

/** A chosen short answer: the verbatim span and where it sits. */
export interface ShortAnswer {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A window of sentences of a paragraph: the first one and how many. */
export interface SentenceWindow {
  readonly first: number;
  readonly count: number;
}

/**
 * Picks the span of a paragraph's window that answers the question, given the paragraph terms
 * that matched it; null when none does.
 */
export type SpanChooser = (
  paragraph: AnnotatedParagraph,
  window: SentenceWindow,
  matchedTerms: ReadonlyMap<string, number>,
) => ShortAnswer | null;

/** For where the kind decides: a name of unknown kind ("Okafor") answers only without a place. */
const STRICT_KIND_TYPES: ReadonlySet<QuestionType> = new Set(['where']);
/** Scores closer than this are a tie (float noise), which the longer span wins. */
const TIE = 1e-9;

/**
 * Prepares the choice of short answers for one question: the span of the window (`first`,
 * `count` sentences) of the kind the question asks for, not merely repeating the question,
 * closest to the question's words. The chooser returns null when no such span exists, which also
 * tells the caller the window does not answer.
 */
export function createSpanChooser(
  question: QuestionAnalysis,
  terms: QuestionTerms,
  wordnet: WordNet,
  tuning: ShortAnswerTuning,
): SpanChooser {
  const { type } = question;
  const kinds = rankSpanKinds(question.wants);
  const sources = findSpanSources(question.wants);
  const focusLemma = question.focus?.lemma ?? null;
  const kindPenalty = STRICT_KIND_TYPES.has(type) ? tuning.strictKindPenalty : tuning.kindPenalty;
  const { distanceDecay, proximityWeight, nameReach, roleReach } = tuning;
  const { evidence: evidenceOf, verbSide, namedTerms, describedName, focusTerms } = terms;
  const search: SpanSearch = { wordnet, titles: describedName !== null, tuning };
  return (paragraph, window, matchedTerms) => {
    if (kinds.length === 0) return null;
    const { sentences, tokens } = paragraph.analysis;
    const first = sentences[window.first];
    const last = sentences[window.first + window.count - 1] ?? first;
    if (!first || !last) return null;

    const evidence: { at: number; weight: number }[] = [];
    let totalEvidence = 0;
    for (let t = first.firstToken; t < last.endToken; t += 1) {
      const token = tokens[t] as Token;
      const weight = token.term && !token.isStopWord ? (evidenceOf.get(token.term) ?? 0) : 0;
      if (weight > 0) {
        evidence.push({ at: t, weight });
        totalEvidence += weight;
      }
    }

    const verbs: number[] = [];
    if (verbSide) {
      for (let t = first.firstToken; t < last.endToken; t += 1) {
        if (verbSide.terms.has((tokens[t] as Token).term)) verbs.push(t);
      }
    }
    let best: { span: CandidateSpan; score: number } | null = null;
    const candidates = sources.flatMap((source) =>
      source.find(paragraph, first.firstToken, last.endToken, search),
    );
    for (const span of candidates) {
      const rank = kinds.indexOf(span.kind);
      const focusPhrase = isFocusPhrase(tokens, span, type, terms);
      // "Okafor's first name" is answered by "Maria Okafor", which repeats the question's name.
      const named =
        namedTerms?.isName === true && namesNeighbour(tokens, span, namedTerms, nameReach);
      if (
        (rank < 0 && (question.asksTimeOrCount || !focusPhrase)) ||
        (repeatsQuestion(tokens, span, terms, matchedTerms, tuning.repeatMatch) && !named) ||
        describesQuestionThing(tokens, span, terms)
      ) {
        continue;
      }
      if (
        type === 'how-many' &&
        focusTerms &&
        !countsFocus(tokens, span, focusTerms, focusLemma, tuning.unitReach)
      ) {
        continue;
      }
      let closeness = 0;
      const place = span.anchor ?? span;
      for (const { at, weight } of evidence) {
        if (at >= place.firstToken && at < place.endToken) continue;
        const distance = at < place.firstToken ? place.firstToken - at : at - place.endToken + 1;
        closeness += weight / (1 + distance) ** distanceDecay;
      }
      const head = tokens[span.head] as Token;
      const focusKind =
        focusLemma !== null &&
        (head.pos === 'NOUN' || head.pos === 'PROPN') &&
        head.lemma !== focusLemma &&
        wordnet.isKindOf(head.lemma, focusLemma);
      // "What was the name of…" wants a name, not a description.
      if (focusLemma === NAME && head.pos !== 'PROPN') continue;
      if (namedTerms && !namesNeighbour(tokens, span, namedTerms, nameReach)) continue;
      // In "What does X blame…", "Okafor's travels" is about the travels, not about Okafor.
      if (type === 'what' && isPossessor(tokens, span)) continue;
      if (describedName && !describesName(tokens, span, describedName, wordnet, roleReach)) {
        continue;
      }
      const score =
        (question.asksMany && isNameList(tokens, span) ? tuning.listBonus : 0) +
        (onVerbSide(tokens, span, verbs, verbSide) ? tuning.sideBonus : 0) +
        -kindPenalty * Math.max(0, rank) +
        (focusKind ? tuning.focusKindBonus : 0) +
        (proximityWeight * closeness) / (totalEvidence || 1) +
        (focusPhrase ? tuning.focusPhraseBonus : 0);
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
      focusLemma === YEAR
        ? (yearOf(tokens, best.span) ?? best.span)
        : describedName
          ? withPossessor(tokens, best.span)
          : best.span;
    const start = (tokens[firstToken] as Token).start;
    const end = (tokens[endToken - 1] as Token).end;
    return { text: paragraph.text.slice(start, end), start, end };
  };
}
