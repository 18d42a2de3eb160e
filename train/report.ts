// The thresholds of the decision, chosen on out-of-fold figures of the train split, and the
// cross-validated figures the model file records.
import type { OffTopicSource, QuestionKind } from './dataset.js';

/** What the models made of one training question, each by a model that never saw its article. */
export interface Outcome {
  readonly kind: QuestionKind;
  readonly source?: OffTopicSource | undefined;
  readonly top1: boolean;
  readonly top3: boolean;
  /** The chance that the corpus answers it. */
  readonly answerable: number;
  /** The chance that its pick is right; null without a candidate. */
  readonly right: number | null;
  /** Whether the pick is right (F1 ≥ 0.5 with the best gold answer). */
  readonly correct: boolean;
}

/** The decision's two thresholds. */
export interface Thresholds {
  readonly answered: number;
  readonly answer: number;
}

/** Fewest shown answers a precision is read from. */
const MIN_SHOWN = 50;

/**
 * The answered threshold lets through all but `falseDecline` of the answerable questions; the
 * answer threshold is the lowest chance at which the answers shown are still right `precision`
 * of the time.
 */
export function chooseThresholds(
  outcomes: readonly Outcome[],
  target: { readonly falseDecline: number; readonly precision: number },
): Thresholds {
  const own = outcomes.filter((o) => o.kind === 'answerable');
  const chances = own.map((o) => o.answerable).sort((a, b) => a - b);
  const answered = chances[Math.floor(target.falseDecline * chances.length)] ?? 0;
  const shown = own
    .filter((o) => o.answerable >= answered && o.right !== null)
    .sort((a, b) => (b.right as number) - (a.right as number));
  let answer = shown[0]?.right ?? 1;
  let right = 0;
  shown.forEach((o, i) => {
    if (o.correct) right += 1;
    if (i + 1 >= MIN_SHOWN && right / (i + 1) >= target.precision) answer = o.right as number;
  });
  return { answered: round(answered), answer: round(answer) };
}

/** The cross-validated figures at `thresholds`, as `eval` prints them for a test set. */
export function summarise(outcomes: readonly Outcome[], thresholds: Thresholds) {
  const own = outcomes.filter((o) => o.kind === 'answerable');
  const off = outcomes.filter((o) => o.kind === 'off-topic');
  // The random and next-article questions: those are what eval's --cross asks.
  const cross = off.filter((o) => o.source !== 'similar');
  const unanswerable = outcomes.filter((o) => o.kind === 'unanswerable');
  const removed = outcomes.filter((o) => o.kind === 'removed');
  const declined = (o: Outcome) => o.answerable < thresholds.answered;
  const shown = (o: Outcome) => !declined(o) && o.right !== null && o.right >= thresholds.answer;
  const share = (items: readonly Outcome[], test: (o: Outcome) => boolean) =>
    items.length > 0 ? round(items.filter(test).length / items.length) : null;
  const shownOwn = own.filter(shown);
  const ranked = own
    .filter((o) => !declined(o) && o.right !== null)
    .sort((a, b) => (b.right as number) - (a.right as number));
  return {
    answerable: own.length,
    rankTop1: share(own, (o) => o.top1),
    rankTop3: share(own, (o) => o.top3),
    falseDecline: share(own, declined),
    coverage: share(own, shown),
    precision: share(shownOwn, (o) => o.correct),
    coverageAtPrecision80: coverageAt(ranked, 0.8, own.length),
    coverageAtPrecision90: coverageAt(ranked, 0.9, own.length),
    offTopic: cross.length,
    offTopicDeclined: share(cross, declined),
    offTopicNextArticleDeclined: share(
      off.filter((o) => o.source === 'next'),
      declined,
    ),
    offTopicSimilarArticleDeclined: share(
      off.filter((o) => o.source === 'similar'),
      declined,
    ),
    unanswerable: unanswerable.length,
    unanswerableDeclined: share(unanswerable, declined),
    unanswerableNoShortAnswer: share(unanswerable, (o) => !shown(o)),
    removed: removed.length,
    removedDeclined: share(removed, declined),
    removedNoShortAnswer: share(removed, (o) => !shown(o)),
    reliability: reliability(own),
  };
}

/** The largest share of all `total` questions answered while the precision stays at `target`. */
function coverageAt(ranked: readonly Outcome[], target: number, total: number): number {
  let right = 0;
  let best = 0;
  ranked.forEach((o, i) => {
    if (o.correct) right += 1;
    if (i + 1 >= MIN_SHOWN && right / (i + 1) >= target) best = i + 1;
  });
  return round(best / Math.max(1, total));
}

/** Confidence bins of 0.1 against the share of picks that are right. */
function reliability(own: readonly Outcome[]) {
  const bins = Array.from({ length: 10 }, (_, i) => ({
    from: i / 10,
    n: 0,
    confidence: 0,
    right: 0,
  }));
  for (const o of own) {
    if (o.right === null) continue;
    const bin = bins[Math.min(9, Math.floor(o.right * 10))] as (typeof bins)[number];
    bin.n += 1;
    bin.confidence += o.right;
    if (o.correct) bin.right += 1;
  }
  return bins
    .filter((b) => b.n > 0)
    .map((b) => ({
      from: b.from,
      n: b.n,
      confidence: round(b.confidence / b.n),
      right: round(b.right / b.n),
    }));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
