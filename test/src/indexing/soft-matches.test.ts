import { describe, expect, it } from 'vitest';
import { addSoftForms, createSoftMatcherFrom } from '../../../src/indexing/soft-matches.js';
import { analyzeText, termOf } from '../../../src/language/text-analysis.js';
import { loadWordVectors } from '../../../src/language/word-vectors.js';
import { DEFAULT_TUNING } from '../../../src/tuning.js';

const vectors = loadWordVectors();
const forms = new Map<string, string>();
addSoftForms(
  forms,
  analyzeText('The troops crossed the border. Senators voted on the budget. Bananas are ripe.')
    .tokens,
);
const matcher = createSoftMatcherFrom(forms, vectors, DEFAULT_TUNING.indexing.softMatch);
const word = (text: string, pos = 'NOUN') => ({ text, pos, term: termOf(text) });

describe('createSoftMatcherFrom', () => {
  it('finds corpus words that mean nearly the same, weaker than the word itself', () => {
    const [found = []] = matcher.matchAll([word('soldiers')], forms.values());
    const troop = found.find((m) => m.term === termOf('troops'));
    expect(troop?.weight).toBeGreaterThan(0);
    expect(troop?.weight).toBeLessThan(1);
    expect(found.some((m) => m.term === termOf('bananas'))).toBe(false);
  });

  it('compares with the terms it is given alone', () => {
    const [without = []] = matcher.matchAll(
      [word('soldiers')],
      ['senators', 'bananas'].map(termOf),
    );
    expect(without.some((m) => m.term === termOf('troops'))).toBe(false);
    const [only = []] = matcher.matchAll([word('soldiers')], [termOf('troops')]);
    expect(only.map((m) => m.term)).toStrictEqual([termOf('troops')]);
  });

  it('leaves out names, the word itself and words without a vector', () => {
    const [name, itself = [], unknown] = matcher.matchAll(
      [word('Soldiers', 'PROPN'), word('troops'), word('qzxwvlorp')],
      forms.values(),
    );
    expect(name).toStrictEqual([]);
    expect(itself.some((m) => m.term === termOf('troops'))).toBe(false);
    expect(unknown).toStrictEqual([]);
  });

  it('answers alike whether or not it has worked the same words out before', () => {
    const asked = [word('soldiers'), word('lawmakers'), word('fruit')];
    const fresh = createSoftMatcherFrom(forms, vectors, DEFAULT_TUNING.indexing.softMatch);
    const first = fresh.matchAll(asked, forms.values());
    fresh.matchAll(asked.slice(1), [termOf('senators')]);
    expect(fresh.matchAll(asked, forms.values())).toStrictEqual(first);
    expect(first.flat().length).toBeGreaterThan(0);
  });
});
