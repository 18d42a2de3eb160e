import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/errors.js';
import { parseAnswerModel, SHIPPED_MODEL } from '../../../src/model/answer-model.js';
import {
  checkFeatures,
  expandDense,
  scoreDense,
  scoreSparse,
  sigmoid,
  softmax,
} from '../../../src/model/scoring.js';

const dense = {
  features: ['a', 'b'],
  mean: [1, 0],
  scale: [2, 1],
  pairs: false,
  weights: [1, -1],
  bias: 0.5,
};

describe('scoreDense', () => {
  it('standardises each feature by its training mean and scale before weighting', () => {
    // (3 - 1) / 2 = 1 and (2 - 0) / 1 = 2: 0.5 + 1 - 2.
    expect(scoreDense(dense, [3, 2])).toBeCloseTo(-0.5);
  });

  it('adds the products of every pair of features after the features themselves', () => {
    const row = expandDense({ mean: [0, 0], scale: [1, 1], pairs: true }, [2, 3]);
    expect(row).toEqual([2, 3, 4, 6, 9]);
  });
});

describe('scoreSparse', () => {
  it('adds the weights of the named features, an unknown name counting nothing', () => {
    const features = new Map([
      ['kind=time|wh=when', 1],
      ['closeness', 0.5],
      ['never-seen', 3],
    ]);
    expect(scoreSparse({ 'kind=time|wh=when': 2, closeness: 4 }, features)).toBeCloseTo(4);
  });
});

describe('softmax and sigmoid', () => {
  it('turn scores into chances that sum to one, safely for large scores', () => {
    const chances = softmax([1000, 1000, 999]);
    expect(chances.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(chances[0]).toBeCloseTo(chances[1] as number);
    expect(sigmoid(0)).toBe(0.5);
  });
});

describe('parseAnswerModel', () => {
  it('accepts the shipped model and names what is wrong with a broken one', () => {
    expect(parseAnswerModel(SHIPPED_MODEL)).toEqual(SHIPPED_MODEL);
    expect(() =>
      parseAnswerModel({ ...SHIPPED_MODEL, thresholds: { answered: 2, answer: 0.5 } }),
    ).toThrow(/thresholds\.answered[\s\S]*npm run train/);
  });
});

describe('checkFeatures', () => {
  it('refuses a model trained on other features than the code computes', () => {
    expect(() => checkFeatures(dense, ['a', 'b'], 'test')).not.toThrow();
    expect(() => checkFeatures(dense, ['a', 'c'], 'test')).toThrow(ConfigError);
  });

  it('names only the features that differ, and the fix', () => {
    expect(() => checkFeatures(dense, ['a', 'c'], 'test')).toThrow(
      "The answer model's test part was trained on other features than this code computes " +
        '(it lacks c; it has b, which the code no longer computes). Rebuild it with `npm run train`.',
    );
    expect(() => checkFeatures(dense, ['b', 'a'], 'test')).toThrow('another order or shape');
  });
});
