// eval/: scoring answers against gold question files: SQuAD metrics, ranks, the baseline.
// May import: answerer.ts, corpus, the answer contract (never index.ts).
import {
  type CurvePoint,
  coverageAtPrecision,
  coverageCurve,
  type ReliabilityBin,
  RIGHT_F1,
  reliabilityTable,
  type SelectiveItem,
} from './selective.js';
import { bestOverGold, exactMatch, f1Score } from './squad-metrics.js';

/** How deep the ranking is read for the mean reciprocal rank. */
export const RANK_CUTOFF = 10;

/** What the evaluation knows about one question. */
export interface GoldQuestion {
  readonly id: string;
  readonly question: string;
  /** Label for the per-type breakdown. */
  readonly type: string;
  /** 1-based numbers of the paragraphs that answer it; empty when the corpus does not. */
  readonly paragraphs: readonly number[];
  /** Acceptable short answers; empty when it has none (then EM/F1 skip it). */
  readonly answers: readonly string[];
  /** A question of another article asked of this corpus (`--cross`). @default false */
  readonly offTopic?: boolean;
}

/** What a system returned for one question. */
export interface Prediction {
  /** Paragraph numbers, best first; only the first {@link RANK_CUTOFF} count. */
  readonly paragraphs: readonly number[];
  /** False when the system declined (abstained). */
  readonly answered: boolean;
  /** The short answer, null for none; absent when the system never gives one (not scored). */
  readonly answer?: string | null;
  /** The best short answer found, shown or held back; absent when the system does not say. */
  readonly candidate?: string | null;
  /** The system's chance that `candidate` is right; absent when it gives none. */
  readonly confidence?: number | null;
  /** Per excerpt, whether its quote is verbatim; absent when the system returns no quotes. */
  readonly verbatim?: readonly boolean[];
  /** The first excerpt's quote, for the list of misses. */
  readonly quote?: string;
}

/** One question scored. */
export interface QuestionResult {
  readonly gold: GoldQuestion;
  readonly prediction: Prediction;
  /** 1-based rank of the first gold paragraph within the cutoff, or null when absent. */
  readonly rank: number | null;
  /** SQuAD exact match (0 or 1); null when the question has no gold answer or none is scored. */
  readonly exactMatch: number | null;
  /** SQuAD token F1; null like {@link QuestionResult.exactMatch}. */
  readonly f1: number | null;
}

/** Figures for one question type. */
export interface TypeMetrics {
  readonly questions: number;
  readonly answerable: number;
  /** Over the type's answerable questions. */
  readonly top1: number | null;
  /** Share of the type's questions the system declined. */
  readonly abstained: number;
  readonly exactMatch: number | null;
  readonly f1: number | null;
}

/** The figures of one evaluation run; a ratio is null when nothing was there to measure. */
export interface EvalMetrics {
  readonly questions: number;
  readonly answerable: number;
  readonly unanswerable: number;
  /** Answerable questions whose first paragraph is a gold one. */
  readonly top1: number | null;
  readonly top3: number | null;
  /** Mean reciprocal rank over answerable questions, 0 beyond {@link RANK_CUTOFF}. */
  readonly mrr: number | null;
  /** Share of unanswerable questions declined. */
  readonly correctAbstentions: number | null;
  /** Share of answerable questions declined. */
  readonly falseAbstentions: number | null;
  /** Questions with gold answers whose short answer was scored. */
  readonly scoredAnswers: number;
  readonly exactMatch: number | null;
  readonly f1: number | null;
  /** Excerpts whose quote was checked. */
  readonly quotes: number;
  /** Share of checked quotes that are verbatim from the cited paragraph. */
  readonly verbatimQuotes: number | null;
  /** Per question type, in the order given to {@link summarizeResults}, then first appearance. */
  readonly byType: Readonly<Record<string, TypeMetrics>>;
  /** Questions of other articles asked of the corpus, and the share declined. */
  readonly offTopic: number;
  readonly offTopicDeclined: number | null;
  /** Share of unanswerable questions (not off-topic) that got no short answer. */
  readonly unanswerableNoShortAnswer: number | null;
  /** Share of answerable questions given a short answer, and of those, the share right (F1 ≥ 0.5). */
  readonly shortAnswerCoverage: number | null;
  readonly shortAnswerPrecision: number | null;
  /** Exact match over the short answers shown. */
  readonly shownExactMatch: number | null;
  /** Selective answering, when the system gives confidences: curve, points, reliability. */
  readonly selective: SelectiveMetrics | null;
}

/** How well the system's confidence sorts its short answers. */
export interface SelectiveMetrics {
  readonly curve: readonly CurvePoint[];
  readonly coverageAtPrecision80: number;
  readonly coverageAtPrecision90: number;
  readonly reliability: readonly ReliabilityBin[];
}

/** Scores one prediction against its gold question. */
export function scoreQuestion(gold: GoldQuestion, prediction: Prediction): QuestionResult {
  const goldParagraphs = new Set(gold.paragraphs);
  const index = prediction.paragraphs
    .slice(0, RANK_CUTOFF)
    .findIndex((paragraph) => goldParagraphs.has(paragraph));
  const scored = gold.answers.length > 0 && prediction.answer !== undefined;
  const answer = prediction.answer ?? null;
  return {
    gold,
    prediction,
    rank: index === -1 ? null : index + 1,
    exactMatch: scored ? bestOverGold(exactMatch, answer, gold.answers) : null,
    f1: scored ? bestOverGold(f1Score, answer, gold.answers) : null,
  };
}

/** Asks `predict` every question and scores the replies, in order. */
export function evaluateQuestions(
  questions: readonly GoldQuestion[],
  predict: (question: string) => Prediction,
): QuestionResult[] {
  return questions.map((gold) => scoreQuestion(gold, predict(gold.question)));
}

/** Why a result counts as a miss (wrong paragraph, wrong abstention, wrong short answer); empty when it does not. */
export function describeMiss(result: QuestionResult): string[] {
  const reasons: string[] = [];
  const answerable = result.gold.paragraphs.length > 0;
  if (!answerable && result.prediction.answered) reasons.push('answered an unanswerable question');
  if (answerable && !result.prediction.answered) reasons.push('declined an answerable question');
  if (answerable && result.rank !== 1) {
    reasons.push(
      result.rank === null
        ? `no gold paragraph in the top ${RANK_CUTOFF}`
        : `first gold paragraph at rank ${result.rank}`,
    );
  }
  if (result.exactMatch === 0) {
    reasons.push(`short answer not exact (F1 ${(result.f1 ?? 0).toFixed(2)})`);
  }
  return reasons;
}

/** Aggregates scored questions into {@link EvalMetrics}. */
export function summarizeResults(
  results: readonly QuestionResult[],
  typeOrder: readonly string[] = [],
): EvalMetrics {
  const answerable = results.filter((r) => r.gold.paragraphs.length > 0);
  const unanswerable = results.filter((r) => r.gold.paragraphs.length === 0 && !r.gold.offTopic);
  const offTopic = results.filter((r) => r.gold.offTopic === true);
  const shown = answerable.filter(
    (r) => r.prediction.answered && (r.prediction.answer ?? null) !== null,
  );
  const scored = results.filter((r) => r.exactMatch !== null);
  const verbatim = results.flatMap((r) => r.prediction.verbatim ?? []);
  const types = [...new Set([...typeOrder, ...results.map((r) => r.gold.type)])];
  const byType: Record<string, TypeMetrics> = {};
  for (const type of types) {
    const ofType = results.filter((r) => r.gold.type === type);
    if (ofType.length === 0) continue;
    const typeAnswerable = ofType.filter((r) => r.gold.paragraphs.length > 0);
    const typeScored = ofType.filter((r) => r.exactMatch !== null);
    byType[type] = {
      questions: ofType.length,
      answerable: typeAnswerable.length,
      top1: share(typeAnswerable, (r) => r.rank === 1),
      abstained: share(ofType, (r) => !r.prediction.answered) ?? 0,
      exactMatch: mean(typeScored, (r) => r.exactMatch ?? 0),
      f1: mean(typeScored, (r) => r.f1 ?? 0),
    };
  }
  return {
    questions: results.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    top1: share(answerable, (r) => r.rank === 1),
    top3: share(answerable, (r) => r.rank !== null && r.rank <= 3),
    mrr: mean(answerable, (r) => (r.rank === null ? 0 : 1 / r.rank)),
    correctAbstentions: share(unanswerable, (r) => !r.prediction.answered),
    falseAbstentions: share(answerable, (r) => !r.prediction.answered),
    scoredAnswers: scored.length,
    exactMatch: mean(scored, (r) => r.exactMatch ?? 0),
    f1: mean(scored, (r) => r.f1 ?? 0),
    quotes: verbatim.length,
    verbatimQuotes: share(verbatim, (ok) => ok),
    byType,
    offTopic: offTopic.length,
    offTopicDeclined: share(offTopic, (r) => !r.prediction.answered),
    unanswerableNoShortAnswer: share(
      unanswerable,
      (r) => !r.prediction.answered || (r.prediction.answer ?? null) === null,
    ),
    shortAnswerCoverage: scored.length > 0 ? shown.length / Math.max(1, answerable.length) : null,
    shortAnswerPrecision: share(shown, (r) => (r.f1 ?? 0) >= RIGHT_F1),
    shownExactMatch: mean(shown, (r) => r.exactMatch ?? 0),
    selective: selectiveMetrics(answerable),
  };
}

function selectiveMetrics(answerable: readonly QuestionResult[]): SelectiveMetrics | null {
  if (!answerable.some((r) => r.prediction.confidence !== undefined)) return null;
  const items: SelectiveItem[] = answerable.map((r) => ({
    confidence: r.prediction.confidence ?? null,
    answered: r.prediction.answered,
    f1: bestOverGold(f1Score, r.prediction.candidate ?? null, r.gold.answers),
  }));
  return {
    curve: coverageCurve(items),
    coverageAtPrecision80: coverageAtPrecision(items, 0.8),
    coverageAtPrecision90: coverageAtPrecision(items, 0.9),
    reliability: reliabilityTable(items),
  };
}

function share<T>(items: readonly T[], test: (item: T) => boolean): number | null {
  return mean(items, (item) => (test(item) ? 1 : 0));
}

function mean<T>(items: readonly T[], value: (item: T) => number): number | null {
  if (items.length === 0) return null;
  let total = 0;
  for (const item of items) total += value(item);
  return total / items.length;
}
