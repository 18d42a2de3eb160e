// decision/: answered or "not in the article": span re-ranking, coverage, contradictions.
// May import: short-answer, retrieval, question, indexing, language, tuning.
import type { QuestionType } from '../answer.js';
import type { WordNet } from '../language/wordnet.js';
import type { QuestionAnalysis } from '../question/question-analysis.js';
import type { ParagraphScore } from '../retrieval/ranking.js';
import type { Retrieval } from '../retrieval/retriever.js';
import { otherClassShare } from '../retrieval/word-class.js';
import {
  createSpanChooser,
  type ShortAnswer,
  type SpanChooser,
} from '../short-answer/choose-span.js';
import { rankSpanKinds } from '../short-answer/span-sources.js';
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

/**
 * Re-ranks the retrieved paragraphs by whether their best window holds an answer of the expected
 * kind, picks the short answer, and decides whether the question is answered at all.
 */
export function decideAnswer(
  question: QuestionAnalysis,
  retrieval: Retrieval,
  wordnet: WordNet,
): AnswerDecision {
  const { terms } = retrieval;
  // A when / how-many / name-of question is answered only by a span of its kind.
  const strict = question.asksTimeOrCount || terms.namedTerms !== null;
  const needsSpan = rankSpanKinds(question.wants).length > 0;
  const chooseSpan = createSpanChooser(question, terms, wordnet);
  const ranked: DecidedParagraph[] = retrieval.ranked.map((scored, i) => {
    if (i >= SPAN_RERANK || !needsSpan) return { ...scored, span: null };
    const otherClass = OTHER_CLASS_COST * otherClassShare(retrieval, scored, question.mainVerb);
    const r = { ...scored, score: scored.score - otherClass };
    const { window, span } = findSpan(r, chooseSpan, question.asksTimeOrCount);
    const bonus = span ? (strict || terms.describedName ? STRICT_SPAN_BONUS : SPAN_BONUS) : 0;
    return { ...r, window, span, score: r.score + bonus };
  });
  ranked.sort((a, b) => b.score - a.score);

  const best = ranked[0];
  const answered =
    best !== undefined &&
    coverageWithAnswer(question, retrieval, best) >= MIN_COVERAGE &&
    (!strict || best.span !== null) &&
    !contradicts(question, retrieval, best, wordnet);
  return { answered, answer: answered && best?.span ? best.span.text : null, ranked };
}

/**
 * The short answer in the paragraph's best window; with `widen`, a window of one sentence that
 * holds none grows by the sentence before or after it (a date or number is often in the sentence
 * next to the one that matches best), and the window returned is the one the answer is in.
 */
function findSpan(
  scored: ParagraphScore,
  chooseSpan: SpanChooser,
  widen: boolean,
): { window: ParagraphScore['window']; span: ShortAnswer | null } {
  const { paragraph, window, matchedTerms } = scored;
  const span = chooseSpan(paragraph, window, matchedTerms);
  if (span || !widen || window.count !== 1) return { window, span };
  for (const first of [window.first - 1, window.first]) {
    if (first < 0 || first + 1 >= paragraph.analysis.sentences.length) continue;
    const wider = { first, count: 2 };
    const found = chooseSpan(paragraph, wider, matchedTerms);
    if (found) return { window: wider, span: found };
  }
  return { window, span: null };
}

/** Question types a focus noun right after "which" / "what" can give ("which city" → where). */
const TYPED_BY_FOCUS: ReadonlySet<QuestionType> = new Set(['who', 'where', 'when']);

/**
 * The best window's coverage, counting the focus noun of "which city…" / "what year…" as found
 * when the window holds a span of that kind: the answer ("Lisbon") stands for the noun ("city"),
 * which the text has no reason to repeat.
 */
function coverageWithAnswer(
  question: QuestionAnalysis,
  retrieval: Retrieval,
  best: DecidedParagraph,
): number {
  const { focus } = retrieval;
  if (!focus || !best.span || !TYPED_BY_FOCUS.has(question.type) || !question.focusTypesAnswer) {
    return best.windowCoverage;
  }
  const i = retrieval.words.findIndex((w) => w.token === focus.token);
  const total = retrieval.words.reduce((sum, w) => sum + w.importance, 0) || 1;
  const missing = (focus.importance * (1 - (best.windowStrengths[i] ?? 0))) / total;
  return best.windowCoverage + (i >= 0 ? missing : 0);
}
