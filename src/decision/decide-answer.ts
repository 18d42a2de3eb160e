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
import type { Tuning } from '../tuning.js';
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
 * Re-ranks the retrieved paragraphs by whether their best window holds an answer of the expected
 * kind, picks the short answer, and decides whether the question is answered at all.
 */
export function decideAnswer(
  question: QuestionAnalysis,
  retrieval: Retrieval,
  wordnet: WordNet,
  tuning: Tuning,
): AnswerDecision {
  const { terms } = retrieval;
  const { minCoverage, spanRerank, spanBonus, strictSpanBonus, otherClassCost } = tuning.decision;
  // A when / how-many / name-of question is answered only by a span of its kind.
  const strict = question.asksTimeOrCount || terms.namedTerms !== null;
  const needsSpan = rankSpanKinds(question.wants).length > 0;
  const chooseSpan = createSpanChooser(question, terms, wordnet, tuning.shortAnswer);
  const ranked: DecidedParagraph[] = retrieval.ranked.map((scored, i) => {
    if (i >= spanRerank || !needsSpan) return { ...scored, span: null };
    const otherClass = otherClassCost * otherClassShare(retrieval, scored, question.mainVerb);
    const r = { ...scored, score: scored.score - otherClass };
    const { window, span } = findSpan(r, chooseSpan, question.asksTimeOrCount);
    const bonus = span ? (strict || terms.describedName ? strictSpanBonus : spanBonus) : 0;
    return { ...r, window, span, score: r.score + bonus };
  });
  ranked.sort((a, b) => b.score - a.score);

  const best = ranked[0];
  const answered =
    best !== undefined &&
    coverageWithAnswer(question, retrieval, best) >= minCoverage &&
    (!strict || best.span !== null) &&
    !contradicts(question, retrieval, best, wordnet, tuning.decision.subjectMatch);
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
