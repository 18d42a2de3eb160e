import { describe, expect, it } from 'vitest';
import {
  coverageAtPrecision,
  coverageCurve,
  reliabilityTable,
  type SelectiveItem,
} from '../../../src/eval/selective.js';

/** 100 answered questions: confidence i/100, right when i ≥ 40 (the confident ones are right). */
const items: SelectiveItem[] = Array.from({ length: 100 }, (_, i) => ({
  confidence: i / 100,
  answered: true,
  f1: i >= 40 ? 1 : 0,
}));

describe('coverageCurve', () => {
  it('answers the most confident first and reads precision at each twentieth of coverage', () => {
    const curve = coverageCurve(items);
    expect(curve[0]).toMatchObject({ coverage: 0.05, precision: 1 });
    expect(curve.find((p) => p.coverage === 0.6)?.precision).toBe(1);
    expect(curve.at(-1)).toMatchObject({ coverage: 1, precision: 0.6 });
  });

  it('counts declined questions and questions without a candidate as never answered', () => {
    const withDeclined = [
      ...items,
      { confidence: 0.99, answered: false, f1: 0 },
      { confidence: null, answered: true, f1: 0 },
    ];
    expect(coverageCurve(withDeclined).at(-1)?.coverage).toBeCloseTo(100 / 102);
  });
});

describe('coverageAtPrecision', () => {
  it('finds the largest coverage that keeps the precision', () => {
    expect(coverageAtPrecision(items, 1)).toBeCloseTo(0.6);
    expect(coverageAtPrecision(items, 0.75)).toBeCloseTo(0.8);
  });
});

describe('reliabilityTable', () => {
  it('bins the confidence in tenths against the share right', () => {
    const table = reliabilityTable(items);
    expect(table).toHaveLength(10);
    expect(table[4]).toMatchObject({ from: 0.4, questions: 10, right: 1 });
    expect(table[0]?.confidence).toBeCloseTo(0.045);
  });
});
