import { describe, expect, it } from 'vitest';
import {
  ABSENT_WORD_CANDIDATES,
  contentWordsBySentence,
  generateQueries,
  misspell,
  type QueryDocument,
} from '../../bench/queries.js';
import { createRandom, deriveSeed } from '../../bench/random.js';

const DOCUMENTS: QueryDocument[] = Array.from({ length: 4 }, (_, d) => ({
  id: `doc-${d}`,
  paragraphs: Array.from(
    { length: 6 },
    (_, p) =>
      `Harbour pilots guided freighter number ${d}${p} through Kestrel channel. ` +
      `Engineers inspected lighthouse beacon ${p} near Maplewood during stormy weather. ` +
      `Councillors approved funding for dredging equipment worth ${d + p} million.`,
  ),
}));

const levenshtein = (a: string, b: string): number => {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length] as number;
};

describe('createRandom', () => {
  it('repeats the same sequence for the same seed and differs for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed).next);
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    for (const x of draw(7)) expect(x).toBeGreaterThanOrEqual(0);
    for (const x of draw(7)) expect(x).toBeLessThan(1);
  });

  it('shuffles into a permutation and picks within the bounds', () => {
    const random = createRandom(1);
    expect(random.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    for (let i = 0; i < 100; i += 1) expect([3, 4, 5]).toContain(random.int(3, 5));
    expect(() => random.pick([])).toThrow('Random.pick: the list is empty');
  });

  it('derives different seeds for different labels', () => {
    expect(deriveSeed(7, 'corpus:1000')).not.toBe(deriveSeed(7, 'corpus:10000'));
    expect(deriveSeed(7, 'a')).toBe(deriveSeed(7, 'a'));
  });
});

describe('contentWordsBySentence', () => {
  it('keeps words of three letters or more, without stop words, each once, per sentence', () => {
    expect(
      contentWordsBySentence('The pilots guided the ship. Then the pilots rested at noon.'),
    ).toEqual([
      ['pilots', 'guided', 'ship'],
      ['rested', 'noon'],
    ]);
  });
});

describe('misspell', () => {
  it('makes exactly one edit (or one swap) away from the word, keeping its first letter', () => {
    const random = createRandom(3);
    for (const word of ['lighthouse', 'freighter', 'channel', 'stormy', 'aaaaaa']) {
      for (let i = 0; i < 20; i += 1) {
        const typed = misspell(word, random);
        expect(typed).not.toBe(word);
        expect(typed[0]).toBe(word[0]);
        expect(levenshtein(word, typed)).toBeLessThanOrEqual(2);
      }
    }
  });
});

describe('generateQueries', () => {
  it('gives the same questions for the same documents and seed, and others for another seed', () => {
    const a = generateQueries(DOCUMENTS, { count: 50, seed: 11 });
    expect(generateQueries(DOCUMENTS, { count: 50, seed: 11 })).toEqual(a);
    expect(generateQueries(DOCUMENTS, { count: 50, seed: 12 })).not.toEqual(a);
  });

  it('makes the requested number of questions, one in ten without a target', () => {
    const queries = generateQueries(DOCUMENTS, { count: 200, seed: 1 });
    expect(queries).toHaveLength(200);
    expect(queries.filter((q) => q.target === null)).toHaveLength(20);
  });

  it('builds answerable questions from 3 to 6 words of an existing target paragraph', () => {
    for (const query of generateQueries(DOCUMENTS, { count: 100, seed: 2 })) {
      if (!query.target) continue;
      const { documentId, paragraph } = query.target;
      const text = DOCUMENTS.find((d) => d.id === documentId)?.paragraphs[paragraph - 1];
      expect(text).toBeDefined();
      const targetWords = new Set(
        contentWordsBySentence(text ?? '')
          .flat()
          .map((w) => w.toLowerCase()),
      );
      const found = query.text
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => targetWords.has(w));
      const typos = query.styles.includes('typo') ? 1 : 0;
      expect(found.length + typos).toBeGreaterThanOrEqual(3);
      expect(found.length).toBeLessThanOrEqual(6);
    }
  });

  it('dresses questions up: some with a typo, some lower-cased, some behind a chat prefix', () => {
    const queries = generateQueries(DOCUMENTS, { count: 300, seed: 3 });
    const share = (style: string) =>
      queries.filter((q) => q.styles.some((s) => s === style)).length / 300;
    expect(share('typo')).toBeGreaterThan(0.15);
    expect(share('lower')).toBeGreaterThan(0.15);
    expect(share('prefix')).toBeGreaterThan(0.1);
    for (const q of queries.filter((q) => q.styles.includes('prefix'))) {
      expect(q.text).toMatch(/^(@bot |<@\d+> |hey @bot, )/);
    }
    for (const q of queries.filter((q) => q.styles.includes('lower'))) {
      expect(q.text).not.toMatch(/[A-Z]/);
    }
  });

  it('makes unanswerable questions only of words absent from the documents', () => {
    const withFlamingo: QueryDocument[] = [
      ...DOCUMENTS,
      { id: 'zoo', paragraphs: ['Flamingos and a walrus live at the zoo with kazoo players.'] },
    ];
    const corpusText = withFlamingo
      .flatMap((d) => d.paragraphs)
      .join(' ')
      .toLowerCase();
    for (const query of generateQueries(withFlamingo, { count: 100, seed: 4 })) {
      if (query.target) continue;
      const words = query.text.toLowerCase().split(/[^\p{L}]+/u);
      const used = words.filter((w) => ABSENT_WORD_CANDIDATES.includes(w));
      expect(used.length).toBeGreaterThanOrEqual(3);
      for (const word of used) expect(corpusText).not.toContain(word);
      expect(used).not.toContain('flamingo');
      expect(used).not.toContain('kazoo');
    }
  });
});
