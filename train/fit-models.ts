// Fits each learned part of the answer model from the rows the extraction kept.
import type { DenseModel } from '../src/model/answer-model.js';
import { expandDense } from '../src/model/scoring.js';
import type { RankingRows, StoredCandidate } from './extract.js';
import {
  type CandidateGroup,
  denseVector,
  dot,
  fitLogistic,
  fitSoftmax,
  type SoftmaxOptions,
} from './softmax-regression.js';

/** How a model is fitted. */
export type FitOptions = Omit<SoftmaxOptions, 'dimensions'>;

/** A short answer candidate counts as right from this F1 with the best gold answer. */
export const RIGHT_F1 = 0.5;

/** Mean and spread of each column, so that every feature enters the fit on one scale. */
function standardise(rows: readonly (readonly number[])[], width: number) {
  const mean = new Array<number>(width).fill(0);
  const scale = new Array<number>(width).fill(0);
  for (const row of rows) {
    row.forEach((v, i) => {
      mean[i] = (mean[i] as number) + v / rows.length;
    });
  }
  for (const row of rows) {
    row.forEach((v, i) => {
      scale[i] = (scale[i] as number) + (v - (mean[i] as number)) ** 2 / rows.length;
    });
  }
  return { mean, scale: scale.map((s) => Math.sqrt(s) || 1) };
}

/** The re-ranker: a softmax over each question's candidate paragraphs. */
export function fitRanking(
  items: readonly RankingRows[],
  names: readonly string[],
  options: FitOptions & { readonly pairs: boolean },
): DenseModel {
  const all = items.flatMap((item) => item.rows);
  const shape = { ...standardise(all, names.length), pairs: options.pairs };
  const groups: CandidateGroup[] = items.map((item) => ({
    candidates: item.rows.map((row) => denseVector(expandDense(shape, row))),
    right: item.rows.map((_, i) => i === item.gold),
  }));
  const dimensions = options.pairs
    ? names.length + (names.length * (names.length + 1)) / 2
    : names.length;
  const weights = fitSoftmax(groups, { ...options, dimensions });
  return { features: [...names], ...shape, weights: Array.from(weights), bias: 0 };
}

/** A logistic model over dense features, optionally with their pairwise products. */
export function fitDenseLogistic(
  rows: readonly (readonly number[])[],
  labels: readonly boolean[],
  names: readonly string[],
  options: FitOptions & { readonly pairs: boolean },
): DenseModel {
  const shape = { ...standardise(rows, names.length), pairs: options.pairs };
  const fitted = fitLogistic(
    rows.map((row) => expandDense(shape, row)),
    labels,
    options,
  );
  return { features: [...names], ...shape, weights: fitted.weights, bias: fitted.bias };
}

/**
 * The short-answer scorer: a softmax over each question's candidate spans, where the right ones
 * are those with the question's best F1, when it reaches {@link RIGHT_F1}. Features outside
 * `keep` (too rare in training to learn from) take no part.
 */
export function fitSpans(
  questions: readonly (readonly StoredCandidate[])[],
  dimensions: number,
  keep: Uint8Array,
  options: FitOptions,
): Float64Array {
  const groups: CandidateGroup[] = questions.map((candidates) => {
    const best = Math.max(0, ...candidates.map((c) => c.f1));
    return {
      candidates: candidates.map((c) => keepOnly(c.vector, keep)),
      right: candidates.map((c) => best >= RIGHT_F1 && c.f1 >= best - 1e-9),
    };
  });
  return fitSoftmax(groups, { ...options, dimensions });
}

function keepOnly(vector: StoredCandidate['vector'], keep: Uint8Array): StoredCandidate['vector'] {
  const at: number[] = [];
  vector.index.forEach((j, k) => {
    if (keep[j]) at.push(k);
  });
  if (at.length === vector.index.length) return vector;
  return {
    index: Int32Array.from(at, (k) => vector.index[k] as number),
    value: Float32Array.from(at, (k) => vector.value[k] as number),
  };
}

/** The candidate the span weights choose, its softmax chance and its lead over the next one. */
export function pickCandidate(
  weights: Float64Array,
  candidates: readonly StoredCandidate[],
): { best: StoredCandidate; probability: number; margin: number } | null {
  if (candidates.length === 0) return null;
  const scores = candidates.map((c) => dot(weights, c.vector));
  let best = 0;
  scores.forEach((s, i) => {
    if (s > (scores[best] as number)) best = i;
  });
  const top = scores[best] as number;
  const total = scores.reduce((sum, s) => sum + Math.exp(s - top), 0);
  const rival = Math.max(...scores.filter((_, i) => i !== best));
  return {
    best: candidates[best] as StoredCandidate,
    probability: 1 / total,
    margin: Number.isFinite(rival) ? top - rival : 10,
  };
}
