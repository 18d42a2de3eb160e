// eval/: scoring answers against gold question files: SQuAD metrics, ranks, the baseline.
// May import: answerer.ts, corpus, the answer contract (never index.ts).

/** A short answer counts as right from this F1 with the best gold answer (as trust.mjs). */
export const RIGHT_F1 = 0.5;

/** One answerable question as selective answering sees it. */
export interface SelectiveItem {
  /** The answerer's chance that its best short answer is right; null without a candidate. */
  readonly confidence: number | null;
  /** False when the question was declined ("not in the article"). */
  readonly answered: boolean;
  /** F1 of the best short answer found (shown or not) with the best gold answer. */
  readonly f1: number;
}

/** One point of the coverage/precision curve. */
export interface CurvePoint {
  /** Share of all answerable questions that get a short answer at this confidence or more. */
  readonly coverage: number;
  /** Share of those answers that are right. */
  readonly precision: number;
  /** The lowest confidence among them. */
  readonly confidence: number;
}

/** One bin of the reliability table. */
export interface ReliabilityBin {
  readonly from: number;
  readonly to: number;
  readonly questions: number;
  /** Mean confidence in the bin, and the share of its short answers that are right. */
  readonly confidence: number;
  readonly right: number;
}

/** Coverage steps at which the curve is read. */
const STEPS = 20;
/** Fewest answers a precision is read from (a tenth of a small set). */
const MIN_ANSWERS = 50;
const fewest = (items: readonly SelectiveItem[]) =>
  Math.min(MIN_ANSWERS, Math.ceil(items.length / 10));

/**
 * The coverage/precision curve: answering the answered questions in order of confidence, the
 * precision at each twentieth of coverage.
 */
export function coverageCurve(items: readonly SelectiveItem[]): CurvePoint[] {
  const ranked = rankByConfidence(items);
  const points: CurvePoint[] = [];
  let right = 0;
  let next = 1;
  ranked.forEach((item, i) => {
    if (item.f1 >= RIGHT_F1) right += 1;
    const coverage = (i + 1) / items.length;
    if (coverage >= next / STEPS - 1e-12 || i === ranked.length - 1) {
      points.push({ coverage, precision: right / (i + 1), confidence: item.confidence as number });
      while (next / STEPS <= coverage + 1e-12) next += 1;
    }
  });
  return points;
}

/** The largest coverage at which the precision is still `target` (0 when never). */
export function coverageAtPrecision(items: readonly SelectiveItem[], target: number): number {
  const ranked = rankByConfidence(items);
  const least = fewest(items);
  let right = 0;
  let best = 0;
  ranked.forEach((item, i) => {
    if (item.f1 >= RIGHT_F1) right += 1;
    if (i + 1 >= least && right / (i + 1) >= target) best = i + 1;
  });
  return items.length > 0 ? best / items.length : 0;
}

/** Confidence in tenths against the share of best short answers that are right. */
export function reliabilityTable(items: readonly SelectiveItem[]): ReliabilityBin[] {
  const bins = Array.from({ length: 10 }, (_, i) => ({ i, n: 0, confidence: 0, right: 0 }));
  for (const item of items) {
    if (item.confidence === null) continue;
    const bin = bins[Math.min(9, Math.floor(item.confidence * 10))] as (typeof bins)[number];
    bin.n += 1;
    bin.confidence += item.confidence;
    if (item.f1 >= RIGHT_F1) bin.right += 1;
  }
  return bins
    .filter((b) => b.n > 0)
    .map((b) => ({
      from: b.i / 10,
      to: (b.i + 1) / 10,
      questions: b.n,
      confidence: b.confidence / b.n,
      right: b.right / b.n,
    }));
}

function rankByConfidence(items: readonly SelectiveItem[]): SelectiveItem[] {
  return items
    .filter((item) => item.answered && item.confidence !== null)
    .sort((a, b) => (b.confidence as number) - (a.confidence as number));
}
