import { describe, expect, it } from 'vitest';
import { blankAsMissing } from '../../../adapters/shared/environment.js';

describe('blankAsMissing', () => {
  it('reads an empty or whitespace-only value as unset', () => {
    expect(blankAsMissing('')).toBeUndefined();
    expect(blankAsMissing(' \t ')).toBeUndefined();
  });

  it('passes any other value through untouched, surrounding spaces included', () => {
    expect(blankAsMissing(' 10 ')).toBe(' 10 ');
    expect(blankAsMissing(undefined)).toBeUndefined();
    expect(blankAsMissing(0)).toBe(0);
  });
});
