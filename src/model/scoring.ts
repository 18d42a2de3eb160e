// model/: the learned model (answer-model.json, written by `npm run train`) and how it scores.
// May import: errors, tuning.
import { ConfigError } from '../errors.js';
import type { DenseModel } from './answer-model.js';

/** Named sparse features of one candidate: feature name → value. */
export type FeatureBag = Map<string, number>;

/** The logistic function. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** The dot product of named features with named weights (a missing weight counts 0). */
export function scoreSparse(
  weights: Readonly<Record<string, number>>,
  features: ReadonlyMap<string, number>,
): number {
  let sum = 0;
  for (const [name, value] of features) sum += (weights[name] ?? 0) * value;
  return sum;
}

/**
 * Standardised values beyond this many spreads from the training mean count as this far: a
 * question unlike any in training (a corpus of another size, a very long question) must not
 * push a score to an extreme the model never learned.
 */
const CLIP = 4;

/**
 * The model's input row for `values`: standardised (and clipped to what training saw), with the
 * pairwise products when the model uses them. Training builds its rows with the same function.
 */
export function expandDense(
  model: Pick<DenseModel, 'mean' | 'scale' | 'pairs'>,
  values: readonly number[],
): number[] {
  const x = values.map((v, i) => {
    const z = (v - (model.mean[i] ?? 0)) / (model.scale[i] ?? 1);
    return Math.max(-CLIP, Math.min(CLIP, z));
  });
  if (!model.pairs) return x;
  const row = [...x];
  for (let i = 0; i < x.length; i += 1) {
    for (let j = i; j < x.length; j += 1) row.push((x[i] as number) * (x[j] as number));
  }
  return row;
}

/** The model's linear score (its logit) for the feature values `values`. */
export function scoreDense(model: DenseModel, values: readonly number[]): number {
  const row = expandDense(model, values);
  let sum = model.bias;
  for (let i = 0; i < row.length; i += 1) sum += (model.weights[i] ?? 0) * (row[i] as number);
  return sum;
}

/** Softmax of `scores` (numerically safe); [] for []. */
export function softmax(scores: readonly number[]): number[] {
  if (scores.length === 0) return [];
  const top = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - top));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/**
 * Checks that a dense model was trained on the features the code computes, in the same order.
 *
 * @throws {ConfigError} when they differ (the model file is older or newer than the code).
 */
export function checkFeatures(model: DenseModel, names: readonly string[], what: string): void {
  const expected = model.pairs
    ? names.length + (names.length * (names.length + 1)) / 2
    : names.length;
  const same =
    model.features.length === names.length && model.features.every((f, i) => f === names[i]);
  if (!same || model.weights.length !== expected) {
    const missing = names.filter((name) => !model.features.includes(name));
    const unknown = model.features.filter((name) => !names.includes(name));
    const differences = [
      missing.length > 0 ? `it lacks ${missing.join(', ')}` : '',
      unknown.length > 0 ? `it has ${unknown.join(', ')}, which the code no longer computes` : '',
    ].filter(Boolean);
    throw new ConfigError(
      `The answer model's ${what} part was trained on other features than this code computes (${
        differences.length > 0 ? differences.join('; ') : 'another order or shape'
      }). Rebuild it with \`npm run train\`.`,
    );
  }
}
