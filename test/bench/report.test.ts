import { describe, expect, it } from 'vitest';
import { ASK_LABEL, describeAskTarget, PLAIN_LABEL } from '../../bench/end-to-end.js';
import {
  computeRatios,
  formatBytes,
  formatCount,
  formatDuration,
  formatPercent,
  formatRatio,
  renderReport,
  renderTable,
} from '../../bench/report.js';
import type { BenchReport, EngineRun } from '../../bench/result-schema.js';
import { NOT_MEASURED } from '../../bench/snapshot-figures.js';

const run = (engine: EngineRun['engine'], scale: number): EngineRun => ({
  size: '1k',
  engine,
  corpus: { dir: 'bench/data/1k', documents: 24, paragraphs: 1000, wordsPerParagraph: 48 },
  loadMs: 15,
  indexMs: 2000 * scale,
  buildMs: 15 + 2000 * scale,
  heapUsedBytes: 150e6 * scale,
  rssBytes: 300e6,
  snapshot:
    engine === 'minisearch'
      ? {
          ...NOT_MEASURED,
          status: 'measured',
          note: '',
          saveMs: 100,
          loadMs: 25,
          bytes: 540_000,
          heapAfterLoadBytes: 36e6,
        }
      : NOT_MEASURED,
  reload:
    engine === 'article-qa'
      ? {
          addedParagraphs: 31,
          analysedArticles: 1,
          prepareMs: 120,
          loadCorpusMs: 45,
          updateMs: 380,
          firstAnswerMs: 12,
          totalMs: 437,
          answeredFromNew: true,
          cacheWriteMs: 900,
          removeTotalMs: 95,
          goneAfterRemoval: true,
        }
      : null,
  queries: { total: 300, seed: 7, warmUpMs: 10 },
  latency: {
    samples: 900,
    meanMs: 2 * scale,
    p50Ms: 2.5 * scale,
    p95Ms: 6 * scale,
    p99Ms: 10 * scale,
    maxMs: 12,
    queriesPerSecond: 500 / scale,
  },
  retrieval: {
    questions: 270,
    top1: 0.978,
    top10: 0.996,
    answered: 1,
    unanswerable: 30,
    abstained: 1,
    byStyle: {},
  },
});

describe('formatters', () => {
  it('shows durations with sensible precision and n/a for a missing one', () => {
    expect([0.0345, 2.456, 38.71, 512.4, 1520, 95_100, 123_456].map(formatDuration)).toEqual([
      '0.03 ms',
      '2.46 ms',
      '38.7 ms',
      '512 ms',
      '1.52 s',
      '95.10 s',
      '123.5 s',
    ]);
    expect(formatDuration(null)).toBe('n/a');
  });

  it('shows bytes in MB (10^6), shares as percentages and counts with separators', () => {
    expect([11_055, 4_300_000, 313_000_000, null].map(formatBytes)).toEqual([
      '0.01 MB',
      '4.3 MB',
      '313 MB',
      'n/a',
    ]);
    expect([0.9667, 1, null].map(formatPercent)).toEqual(['96.7%', '100.0%', 'n/a']);
    expect([1000, 100_000, 69.4].map(formatCount)).toEqual(['1,000', '100,000', '69']);
  });

  it('shows ratios to the baseline, and a dash when there is nothing to divide by', () => {
    expect(formatRatio(25, 1)).toBe('×25.0');
    expect(formatRatio(1, 8)).toBe('×0.13');
    expect(formatRatio(3, 1)).toBe('×3.00');
    expect(formatRatio(1500, 1)).toBe('×1500');
    expect(formatRatio(null, 1)).toBe('—');
    expect(formatRatio(1, 0)).toBe('—');
    expect(formatRatio(1, null)).toBe('—');
  });
});

describe('computeRatios', () => {
  it('divides each figure of the bot by the baseline and leaves missing ones null', () => {
    const ratios = computeRatios(run('article-qa', 10), run('minisearch', 1));
    expect(ratios.heapUsedBytes).toBeCloseTo(10);
    expect(ratios.p50Ms).toBeCloseTo(10);
    expect(ratios.queriesPerSecond).toBeCloseTo(0.1);
    expect(ratios.top10).toBe(1);
    expect(ratios.snapshotLoadMs).toBeNull();
  });
});

describe('renderTable', () => {
  it('pads every column to its widest cell and right-aligns numeric columns', () => {
    expect(
      renderTable(
        ['name', 'n'],
        [
          ['a', '1'],
          ['long name', '1,000'],
        ],
        ['left', 'right'],
      ),
    ).toBe(
      [
        '| name      |     n |',
        '|-----------|------:|',
        '| a         |     1 |',
        '| long name | 1,000 |',
      ].join('\n'),
    );
  });
});

describe('renderReport', () => {
  const report: BenchReport = {
    date: '2026-11-25T22:00:00.000Z',
    machine: {
      cpus: 2,
      cpuModel: 'AMD EPYC',
      memoryBytes: 25e9,
      node: 'v20.20.2',
      platform: 'linux',
    },
    seed: 7,
    queriesPerSize: 300,
    proseOrigin: 'SQuAD v1.1 dev',
    sizes: [
      {
        size: '1k',
        core: run('article-qa', 10),
        baseline: run('minisearch', 1),
        ratios: computeRatios(run('article-qa', 10), run('minisearch', 1)),
        errors: [],
      },
      {
        size: '100k',
        core: null,
        baseline: null,
        ratios: null,
        errors: ['article-qa: the measuring process ended with SIGKILL'],
      },
    ],
    endToEnd: [
      {
        label: 'ask',
        command: 'npm run --silent ask -- "q"',
        runs: [900, 910, 950],
        medianMs: 910,
        error: null,
      },
      { label: 'REPL', command: 'script', runs: [], medianMs: null, error: 'no prompt' },
    ],
  };
  const text = renderReport(report);

  it('names the machine, the date and the corpora', () => {
    expect(text).toContain('2026-11-25T22:00:00.000Z: 2 cores (AMD EPYC)');
    expect(text).toContain('1k: 1,000 paragraphs in 24 articles, 48.0 words each');
  });

  it('shows a row for the bot, the baseline and their ratio per size', () => {
    const lines = text.split('\n');
    const build = lines.find((l) => l.startsWith('| 1k   | ratio'));
    expect(build).toMatch(/×9\.9\d \|\s+×10\.0 \|\s+×1\.00 \|/);
    expect(
      lines.some((l) =>
        /^\| 1k\s+\| ratio .*×10\.0 \|\s+×10\.0 \|\s+×10\.0 \|\s+×0\.10 \|/.test(l),
      ),
    ).toBe(true);
    expect(text).toMatch(/\| 1k\s+\| article-qa .*\|\s+n\/a \|\s+n\/a \|\s+n\/a \|\s+n\/a \|/);
    expect(text).toMatch(
      /\| 1k\s+\| minisearch .*\|\s+100 ms \|\s+25.0 ms \|\s+0.54 MB \|\s+36.0 MB \|/,
    );
  });

  it('shows the live reload beside the full build for each size that measured one', () => {
    const table = text.slice(text.indexOf('Live reload'));
    expect(table).toMatch(
      /\| 1k +\| +1,000 \| +20\.02 s \| 31 ¶, 1 analysed \| +45\.0 ms \| +380 ms \| +12\.0 ms \| +437 ms \| +95\.0 ms \| +120 ms \| +900 ms \|/,
    );
    expect(table).not.toContain('| 100k');
  });

  it('reports a failed size and a failed start-up timing instead of dropping them', () => {
    expect(text).toContain(
      '| 100k | error      | article-qa: the measuring process ended with SIGKILL',
    );
    expect(text).toMatch(/\| REPL \|\s+failed \| no prompt/);
    expect(text).toMatch(/\| ask {2}\|\s+910 ms \| 900, 910, 950 \|/);
  });
});

describe('describeAskTarget', () => {
  const timing = (label: string, medianMs: number) => ({
    label,
    command: label,
    runs: [medianMs],
    medianMs,
    error: null,
  });

  it('compares ask with its 400 ms target and with the plain MiniSearch script', () => {
    expect(describeAskTarget([timing(ASK_LABEL, 350), timing(PLAIN_LABEL, 100)])).toBe(
      'ask target (≤ 400 ms from process start to exit): met, 350 ms, 3.5× the plain MiniSearch script',
    );
    expect(describeAskTarget([timing(ASK_LABEL, 560)])).toBe(
      'ask target (≤ 400 ms from process start to exit): NOT met, 560 ms',
    );
    expect(describeAskTarget([timing(PLAIN_LABEL, 100)])).toBeNull();
  });
});
