import { describe, expect, it } from 'vitest';
import {
  type CandidateGroup,
  denseVector,
  dot,
  fitLogistic,
  fitSoftmax,
} from '../../train/softmax-regression.js';

/** Groups of three candidates where the right one always has feature 0 set and a noise feature. */
function groups(count: number): CandidateGroup[] {
  return Array.from({ length: count }, (_, g) => {
    const right = g % 3;
    return {
      candidates: [0, 1, 2].map((i) =>
        denseVector([i === right ? 1 : 0, ((g * 7 + i * 3) % 5) / 5]),
      ),
      right: [0, 1, 2].map((i) => i === right),
    };
  });
}

describe('fitSoftmax', () => {
  it('learns to put the right candidate of each group first', () => {
    const data = groups(300);
    const weights = fitSoftmax(data, { dimensions: 2, epochs: 20, learningRate: 0.1 });
    const firstRight = data.filter((group) => {
      const scores = group.candidates.map((c) => dot(weights, c));
      return group.right[scores.indexOf(Math.max(...scores))];
    });
    expect(firstRight.length).toBe(data.length);
    expect(weights[0]).toBeGreaterThan(Math.abs(weights[1] ?? 0));
  });

  it('gives the same weights for the same seed, and other weights for another', () => {
    const data = groups(200);
    const a = fitSoftmax(data, { dimensions: 2, seed: 7, batchSize: 16 });
    const b = fitSoftmax(data, { dimensions: 2, seed: 7, batchSize: 16 });
    const c = fitSoftmax(data, { dimensions: 2, seed: 8, batchSize: 16 });
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('skips groups with no right candidate instead of learning from them', () => {
    const none: CandidateGroup = { candidates: [denseVector([5, 5])], right: [false] };
    const weights = fitSoftmax([none], { dimensions: 2 });
    expect(Array.from(weights)).toEqual([0, 0]);
  });
});

describe('fitLogistic', () => {
  it('fits a calibrated chance: about the share of yes at each value', () => {
    // x = 1: yes 8 times in 10; x = 0: yes 2 times in 10.
    const rows = Array.from({ length: 400 }, (_, i) => [i % 2]);
    const labels = rows.map((row, i) => (row[0] === 1 ? i % 10 < 8 : i % 10 < 2));
    const { weights, bias } = fitLogistic(rows, labels, { epochs: 60, l2: 0, learningRate: 0.05 });
    const chance = (x: number) => 1 / (1 + Math.exp(-((weights[0] ?? 0) * x + bias)));
    expect(chance(1)).toBeCloseTo(0.8, 1);
    expect(chance(0)).toBeCloseTo(0.2, 1);
  });
});
