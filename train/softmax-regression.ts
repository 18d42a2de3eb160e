// Fits a linear model that picks, in each group of candidates, the right ones: a softmax over the
// group's scores, trained by mini-batch Adam on sparse features. Binary logistic regression is
// the special case of a group of two: the example, and a "no" candidate without features.
//
// Written here, not taken from a package: TensorFlow.js's CPU kernels compute the gradient of a
// sparse gather with one pass over the data per feature (unsortedSegmentSum), which ran out of
// memory on 200,000 candidates of 40 features; the ml-* packages fit one example at a time, not
// a softmax over each question's candidates.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A sparse feature vector: parallel arrays of feature indexes and values. */
export interface SparseVector {
  readonly index: Int32Array;
  readonly value: Float32Array;
}

/** The candidates of one question (or one yes/no example) and which of them are right. */
export interface CandidateGroup {
  readonly candidates: readonly SparseVector[];
  readonly right: readonly boolean[];
}

/** Options for {@link fitSoftmax}. */
export interface SoftmaxOptions {
  /** Number of features (weights). */
  readonly dimensions: number;
  /** L2 penalty on the weights. @default 1e-4 */
  readonly l2?: number;
  /** Passes over the data. @default 12 */
  readonly epochs?: number;
  /** Groups per Adam step. @default 64 */
  readonly batchSize?: number;
  /** Adam's step size. @default 0.05 */
  readonly learningRate?: number;
  /** Seed of the shuffling, so that a fit is reproducible. @default 1 */
  readonly seed?: number;
}

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-8;

/** The score of a candidate: the dot product of its features with `weights`. */
export function dot(weights: Float64Array, vector: SparseVector): number {
  let sum = 0;
  for (let i = 0; i < vector.index.length; i += 1) {
    sum += (weights[vector.index[i] as number] as number) * (vector.value[i] as number);
  }
  return sum;
}

/**
 * Fits the weights that maximise, over the groups with at least one right candidate, the
 * probability the softmax gives the right ones (their sum), minus an L2 penalty. Deterministic
 * for a given seed.
 */
export function fitSoftmax(
  groups: readonly CandidateGroup[],
  options: SoftmaxOptions,
): Float64Array {
  const { dimensions } = options;
  const l2 = options.l2 ?? 1e-4;
  const epochs = options.epochs ?? 12;
  const batchSize = options.batchSize ?? 64;
  const rate = options.learningRate ?? 0.05;
  const usable = groups.filter((g) => g.candidates.length > 0 && g.right.some(Boolean));
  const weights = new Float64Array(dimensions);
  const m = new Float64Array(dimensions);
  const v = new Float64Array(dimensions);
  const gradient = new Float64Array(dimensions);
  const random = xoroshiro128plus(options.seed ?? 1);
  const order = usable.map((_, i) => i);
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = uniformInt(random, 0, i);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (let start = 0; start < order.length; start += batchSize) {
      const batch = order.slice(start, start + batchSize);
      gradient.fill(0);
      for (const g of batch)
        addGradient(usable[g] as CandidateGroup, weights, gradient, batch.length);
      step += 1;
      const c1 = 1 - BETA1 ** step;
      const c2 = 1 - BETA2 ** step;
      for (let j = 0; j < dimensions; j += 1) {
        const g = (gradient[j] as number) + 2 * l2 * (weights[j] as number);
        m[j] = BETA1 * (m[j] as number) + (1 - BETA1) * g;
        v[j] = BETA2 * (v[j] as number) + (1 - BETA2) * g * g;
        weights[j] =
          (weights[j] as number) -
          (rate * ((m[j] as number) / c1)) / (Math.sqrt((v[j] as number) / c2) + EPSILON);
      }
    }
  }
  return weights;
}

/** Adds one group's gradient of −log P(right) to `gradient`, divided by `size`. */
function addGradient(
  group: CandidateGroup,
  weights: Float64Array,
  gradient: Float64Array,
  size: number,
): void {
  const scores = group.candidates.map((c) => dot(weights, c));
  const top = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - top));
  const all = exps.reduce((a, b) => a + b, 0);
  let right = 0;
  exps.forEach((e, i) => {
    if (group.right[i]) right += e;
  });
  group.candidates.forEach((candidate, i) => {
    const p = (exps[i] as number) / all;
    const q = group.right[i] ? (exps[i] as number) / right : 0;
    const d = (p - q) / size;
    if (d === 0) return;
    for (let k = 0; k < candidate.index.length; k += 1) {
      const j = candidate.index[k] as number;
      gradient[j] = (gradient[j] as number) + d * (candidate.value[k] as number);
    }
  });
}

/** A dense row as a sparse vector over all its columns. */
export function denseVector(row: readonly number[]): SparseVector {
  return {
    index: Int32Array.from(row.keys()),
    value: Float32Array.from(row),
  };
}

const EMPTY: SparseVector = { index: new Int32Array(0), value: new Float32Array(0) };

/**
 * Fits a logistic regression P(yes) = σ(w·x + b) as two-candidate groups: the row (with a
 * constant 1 feature for the bias) against an empty "no". Returns the weights and the bias.
 */
export function fitLogistic(
  rows: readonly (readonly number[])[],
  labels: readonly boolean[],
  options: Omit<SoftmaxOptions, 'dimensions'>,
): { weights: number[]; bias: number } {
  const width = rows[0]?.length ?? 0;
  const groups: CandidateGroup[] = rows.map((row, i) => ({
    candidates: [denseVector([...row, 1]), EMPTY],
    right: labels[i] ? [true, false] : [false, true],
  }));
  const fitted = fitSoftmax(groups, { ...options, dimensions: width + 1 });
  return { weights: Array.from(fitted.subarray(0, width)), bias: fitted[width] as number };
}
