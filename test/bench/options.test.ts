import { describe, expect, it } from 'vitest';
import { parseBenchFlags, parseSize } from '../../bench/options.js';
import { UsageError } from '../../src/index.js';

describe('parseBenchFlags', () => {
  it('measures every size with 300 questions, seed 7 and start-up times by default', () => {
    const flags = parseBenchFlags([]);
    expect(flags.sizes.map((s) => s.label)).toEqual(['article', '1k', '10k', '100k']);
    expect(flags).toMatchObject({
      queries: 300,
      seed: 7,
      endToEnd: true,
      json: false,
      help: false,
    });
  });

  it('reads --sizes, --queries, --seed, --json and --skip-end-to-end', () => {
    const flags = parseBenchFlags([
      '--sizes',
      'article, 2500,1k,1k',
      '--queries',
      '50',
      '--seed',
      '3',
      '--json',
      '--skip-end-to-end',
    ]);
    expect(flags.sizes).toEqual([
      { label: 'article', paragraphs: null },
      { label: '2500', paragraphs: 2500 },
      { label: '1k', paragraphs: 1000 },
    ]);
    expect(flags).toMatchObject({ queries: 50, seed: 3, json: true, endToEnd: false });
  });

  it('rejects bad sizes, too few questions and unknown flags, one line each', () => {
    expect(() => parseBenchFlags(['--sizes', '1m'])).toThrow(
      '--sizes: "1m" is not a size. Use article, or a paragraph count from 20 to 300k',
    );
    expect(() => parseBenchFlags(['--sizes', '500k'])).toThrow(UsageError);
    expect(() => parseBenchFlags(['--queries', '5'])).toThrow(
      '--queries must be a whole number of at least 10',
    );
    expect(() => parseBenchFlags(['--fast'])).toThrow(
      /^Unknown option --fast: run "npm run bench -- --help" for the options\.$/,
    );
    expect(() => parseBenchFlags(['--sizes', ','])).toThrow('--sizes needs at least one size');
  });
});

describe('parseSize', () => {
  it('reads article and paragraph counts with an optional k', () => {
    expect(parseSize('Article')).toEqual({ label: 'article', paragraphs: null });
    expect(parseSize('100k')).toEqual({ label: '100k', paragraphs: 100_000 });
    expect(parseSize('20')).toEqual({ label: '20', paragraphs: 20 });
  });
});
