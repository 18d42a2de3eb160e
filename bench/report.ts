import type { BenchReport, CommandTiming, EngineRun, SizeReport } from './result-schema.js';

type Align = 'left' | 'right';

/** Milliseconds for people: `0.42 ms`, `12.3 ms`, `512 ms`, `1.52 s`, `95.1 s`; `n/a` for null. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return 'n/a';
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return ms < 100_000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** Bytes in megabytes (10^6 bytes): `0.01 MB`, `46.1 MB`, `1234 MB`; `n/a` for null. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes)) return 'n/a';
  const mb = bytes / 1e6;
  return `${mb < 1 ? mb.toFixed(2) : mb < 100 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** A share (0–1) as a percentage with one decimal: `96.7%`; `n/a` for null. */
export function formatPercent(share: number | null): string {
  return share === null || !Number.isFinite(share) ? 'n/a' : `${(share * 100).toFixed(1)}%`;
}

/** A count with thousands separators: `100,000`. */
export function formatCount(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `value / baseline` as `×3.40` (`×0.52`, `×12.5`, `×1234`); `—` when either is missing or zero. */
export function formatRatio(value: number | null, baseline: number | null): string {
  if (value === null || baseline === null || baseline === 0 || !Number.isFinite(value)) return '—';
  const ratio = value / baseline;
  if (!Number.isFinite(ratio)) return '—';
  return `×${ratio < 10 ? ratio.toFixed(2) : ratio < 100 ? ratio.toFixed(1) : Math.round(ratio)}`;
}

/**
 * A Markdown table with padded columns, so it reads as a table in a terminal and renders as one
 * in the README. `align[i]` sets column i (default left).
 */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const cell = (text: string, c: number): string =>
    align[c] === 'right' ? text.padStart(widths[c] ?? 0) : text.padEnd(widths[c] ?? 0);
  const line = (cells: readonly string[]): string =>
    `| ${headers.map((_, c) => cell(cells[c] ?? '', c)).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (align[c] === 'right' ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

type Column = {
  readonly header: string;
  readonly align: Align;
  readonly value: (run: EngineRun) => string;
  /** The figure a ratio is taken of; omitted for columns without a ratio. */
  readonly figure?: (run: EngineRun) => number | null;
};

const snap = (run: EngineRun) => (run.snapshot.status === 'measured' ? run.snapshot : null);
const snapshotCell = (run: EngineRun, text: string | null): string =>
  run.snapshot.status === 'failed' ? 'failed' : (text ?? 'n/a');

const BUILD_COLUMNS: readonly Column[] = [
  { header: 'paragraphs', align: 'right', value: (r) => formatCount(r.corpus.paragraphs) },
  {
    header: 'build',
    align: 'right',
    value: (r) => formatDuration(r.buildMs),
    figure: (r) => r.buildMs,
  },
  {
    header: 'heap',
    align: 'right',
    value: (r) => formatBytes(r.heapUsedBytes),
    figure: (r) => r.heapUsedBytes,
  },
  {
    header: 'RSS',
    align: 'right',
    value: (r) => formatBytes(r.rssBytes),
    figure: (r) => r.rssBytes,
  },
  {
    header: 'snapshot save',
    align: 'right',
    value: (r) => snapshotCell(r, snap(r) && formatDuration(r.snapshot.saveMs)),
    figure: (r) => snap(r)?.saveMs ?? null,
  },
  {
    header: 'snapshot load',
    align: 'right',
    value: (r) => snapshotCell(r, snap(r) && formatDuration(r.snapshot.loadMs)),
    figure: (r) => snap(r)?.loadMs ?? null,
  },
  {
    header: 'snapshot file',
    align: 'right',
    value: (r) => snapshotCell(r, snap(r) && formatBytes(r.snapshot.bytes)),
    figure: (r) => snap(r)?.bytes ?? null,
  },
  {
    header: 'heap after load',
    align: 'right',
    value: (r) => snapshotCell(r, snap(r) && formatBytes(r.snapshot.heapAfterLoadBytes)),
    figure: (r) => snap(r)?.heapAfterLoadBytes ?? null,
  },
];

const ANSWER_COLUMNS: readonly Column[] = [
  {
    header: 'p50',
    align: 'right',
    value: (r) => formatDuration(r.latency.p50Ms),
    figure: (r) => r.latency.p50Ms,
  },
  {
    header: 'p95',
    align: 'right',
    value: (r) => formatDuration(r.latency.p95Ms),
    figure: (r) => r.latency.p95Ms,
  },
  {
    header: 'p99',
    align: 'right',
    value: (r) => formatDuration(r.latency.p99Ms),
    figure: (r) => r.latency.p99Ms,
  },
  {
    header: 'q/s (1 core)',
    align: 'right',
    value: (r) => formatCount(r.latency.queriesPerSecond),
    figure: (r) => r.latency.queriesPerSecond,
  },
  {
    header: 'top-1',
    align: 'right',
    value: (r) => formatPercent(r.retrieval.top1),
    figure: (r) => r.retrieval.top1,
  },
  {
    header: 'top-10',
    align: 'right',
    value: (r) => formatPercent(r.retrieval.top10),
    figure: (r) => r.retrieval.top10,
  },
  {
    header: 'answered',
    align: 'right',
    value: (r) => formatPercent(r.retrieval.answered),
    figure: (r) => r.retrieval.answered,
  },
  {
    header: 'abstains',
    align: 'right',
    value: (r) => formatPercent(r.retrieval.abstained),
    figure: (r) => r.retrieval.abstained,
  },
];

/** One table: per size a row for the bot, one for the baseline and one of ratios (bot ÷ baseline). */
export function renderSizeTable(sizes: readonly SizeReport[], columns: readonly Column[]): string {
  const rows: string[][] = [];
  for (const size of sizes) {
    const { core, baseline } = size;
    for (const run of [core, baseline]) {
      if (run) rows.push([size.size, run.engine, ...columns.map((c) => c.value(run))]);
    }
    if (core && baseline) {
      rows.push([
        size.size,
        'ratio',
        ...columns.map((c) => (c.figure ? formatRatio(c.figure(core), c.figure(baseline)) : '')),
      ]);
    }
    for (const error of size.errors) rows.push([size.size, 'error', error.split('\n')[0] ?? '']);
  }
  return renderTable(['size', 'engine', ...columns.map((c) => c.header)], rows, [
    'left',
    'left',
    ...columns.map((c) => c.align),
  ]);
}

/** The start-up table: median wall time of each command. */
export function renderEndToEndTable(timings: readonly CommandTiming[]): string {
  return renderTable(
    ['what', 'median', 'runs', 'command'],
    timings.map((t) => [
      t.label,
      t.error ? 'failed' : formatDuration(t.medianMs),
      t.error ? (t.error.split('\n')[0] ?? '') : t.runs.map((ms) => Math.round(ms)).join(', '),
      t.command,
    ]),
    ['left', 'right', 'left', 'left'],
  );
}

/** The whole report as text for people (the same facts as the JSON). */
export function renderReport(report: BenchReport): string {
  const { machine } = report;
  const corpora = report.sizes
    .map((s) => s.core ?? s.baseline)
    .filter((r): r is EngineRun => r !== null)
    .map(
      (r) =>
        `${r.size}: ${formatCount(r.corpus.paragraphs)} paragraphs in ${formatCount(r.corpus.documents)} ` +
        `articles, ${r.corpus.wordsPerParagraph.toFixed(1)} words each`,
    );
  const parts = [
    `article-qa benchmark, ${report.date}: ${machine.cpus} cores (${machine.cpuModel}), ` +
      `${formatBytes(machine.memoryBytes)} RAM, Node ${machine.node}`,
    `${report.queriesPerSize} questions per size (seed ${report.seed}); generated prose: ${report.proseOrigin}`,
    ...corpora.map((c) => `  ${c}`),
    '',
    'Build and memory (build = loadCorpus + createAnswerer; heap and RSS after build, after gc)',
    renderSizeTable(report.sizes, BUILD_COLUMNS),
    '',
    'Answers (full answerQuestion path, top: 10, after a warm-up pass; hit rates over answerable questions)',
    renderSizeTable(report.sizes, ANSWER_COLUMNS),
  ];
  if (report.endToEnd.length > 0) {
    parts.push('', 'Start-up on the bundled article', renderEndToEndTable(report.endToEnd));
  }
  return `${parts.join('\n')}\n`;
}
