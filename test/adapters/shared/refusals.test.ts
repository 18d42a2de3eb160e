import { describe, expect, it } from 'vitest';
import { describeRetry, describeTooLong } from '../../../adapters/shared/refusals.js';

describe('describeRetry', () => {
  it('says how long to wait in whole seconds, or minutes for long waits', () => {
    expect(describeRetry(6_000)).toBe(
      'You are asking faster than I can answer. Please wait 6 seconds and ask again.',
    );
    expect(describeRetry(200)).toContain('wait 1 second and');
    expect(describeRetry(600_000)).toContain('wait 10 minutes and');
  });
});

describe('describeTooLong', () => {
  it('asks politely for a shorter question, naming the limit and the length', () => {
    expect(describeTooLong({ length: 812, limit: 500 })).toBe(
      'Please ask a shorter question: I answer questions of up to 500 characters, and yours has 812.',
    );
  });
});
