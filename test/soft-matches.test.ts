import { describe, expect, it } from 'vitest';
import { analyzeText, termOf } from '../src/language.js';
import { addSoftForms, createSoftMatcherFrom } from '../src/soft-matches.js';
import { loadWordVectors } from '../src/word-vectors.js';

const vectors = loadWordVectors();
const forms = new Map<string, string>();
addSoftForms(
  forms,
  analyzeText('The troops crossed the border. Senators voted on the budget. Bananas are ripe.')
    .tokens,
);
const matcher = createSoftMatcherFrom(forms, vectors);
const word = (text: string, pos = 'NOUN') => ({ text, pos, term: termOf(text) });

describe('createSoftMatcherFrom', () => {
  it('finds corpus words that mean nearly the same, weaker than the word itself', () => {
    const found = matcher.among(forms.values())(word('soldiers'));
    const troop = found.find((m) => m.term === termOf('troops'));
    expect(troop?.weight).toBeGreaterThan(0);
    expect(troop?.weight).toBeLessThan(1);
    expect(found.some((m) => m.term === termOf('bananas'))).toBe(false);
  });

  it('compares with the terms it is given alone', () => {
    const without = matcher.among([termOf('senators'), termOf('bananas')]);
    expect(without(word('soldiers')).some((m) => m.term === termOf('troops'))).toBe(false);
    const only = matcher.among([termOf('troops')]);
    expect(only(word('soldiers')).map((m) => m.term)).toStrictEqual([termOf('troops')]);
  });

  it('leaves out names, the word itself and words without a vector', () => {
    const all = matcher.among(forms.values());
    expect(all(word('Soldiers', 'PROPN'))).toStrictEqual([]);
    expect(all(word('troops')).some((m) => m.term === termOf('troops'))).toBe(false);
    expect(all(word('qzxwvlorp'))).toStrictEqual([]);
  });
});
