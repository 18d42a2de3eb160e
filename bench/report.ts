import { describeAskTarget } from './end-to-end.js';
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
  const dashes = (w: number, c: number): string =>
    align[c] === 'right' ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2);
  const rule = `|${widths.map(dashes).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

const snap = (run: EngineRun) => (run.snapshot.status === 'measured' ? run.snapshot : null);

/** The figures compared with the baseline, by the name they carry in the JSON `ratios`. */
export const RATIO_FIGURES = {
  buildMs: (r) => r.buildMs,
  heapUsedBytes: (r) => r.heapUsedBytes,
  rssBytes: (r) => r.rssBytes,
  snapshotSaveMs: (r) => snap(r)?.saveMs ?? null,
  snapshotLoadMs: (r) => snap(r)?.loadMs ?? null,
  snapshotBytes: (r) => snap(r)?.bytes ?? null,
  heapAfterLoadBytes: (r) => snap(r)?.heapAfterLoadBytes ?? null,
  p50Ms: (r) => r.latency.p50Ms,
  p95Ms: (r) => r.latency.p95Ms,
  p99Ms: (r) => r.latency.p99Ms,
  queriesPerSecond: (r) => r.latency.queriesPerSecond,
  top1: (r) => r.retrieval.top1,
  top10: (r) => r.retrieval.top10,
  answered: (r) => r.retrieval.answered,
  abstained: (r) => r.retrieval.abstained,
} satisfies Record<string, (run: EngineRun) => number | null>;

/** Name of a figure compared with the baseline. */
export type RatioFigure = keyof typeof RATIO_FIGURES;

/** Each figure of the bot divided by the baseline's (null when either is missing or zero). */
export function computeRatios(
  core: EngineRun,
  baseline: EngineRun,
): Record<RatioFigure, number | null> {
  const ratios = {} as Record<RatioFigure, number | null>;
  for (const [name, figure] of Object.entries(RATIO_FIGURES) as [
    RatioFigure,
    (r: EngineRun) => number | null,
  ][]) {
    const [value, base] = [figure(core), figure(baseline)];
    ratios[name] = value === null || base === null || base === 0 ? null : value / base;
  }
  return ratios;
}

type Column = {
  readonly header: string;
  /** The figure shown (and compared with the baseline in the ratio row). */
  readonly figure: RatioFigure;
  readonly format: (value: number | null) => string;
};

const BUILD_COLUMNS: readonly Column[] = [
  { header: 'build', figure: 'buildMs', format: formatDuration },
  { header: 'heap', figure: 'heapUsedBytes', format: formatBytes },
  { header: 'RSS', figure: 'rssBytes', format: formatBytes },
  { header: 'snapshot save', figure: 'snapshotSaveMs', format: formatDuration },
  { header: 'snapshot load', figure: 'snapshotLoadMs', format: formatDuration },
  { header: 'snapshot file', figure: 'snapshotBytes', format: formatBytes },
  { header: 'heap after load', figure: 'heapAfterLoadBytes', format: formatBytes },
];

const ANSWER_COLUMNS: readonly Column[] = [
  { header: 'p50', figure: 'p50Ms', format: formatDuration },
  { header: 'p95', figure: 'p95Ms', format: formatDuration },
  { header: 'p99', figure: 'p99Ms', format: formatDuration },
  {
    header: 'q/s (1 core)',
    figure: 'queriesPerSecond',
    format: (n) => (n === null ? 'n/a' : formatCount(n)),
  },
  { header: 'top-1', figure: 'top1', format: formatPercent },
  { header: 'top-10', figure: 'top10', format: formatPercent },
  { header: 'answered', figure: 'answered', format: formatPercent },
  { header: 'abstains', figure: 'abstained', format: formatPercent },
];

const SNAPSHOT_FIGURES = new Set<RatioFigure>([
  'snapshotSaveMs',
  'snapshotLoadMs',
  'snapshotBytes',
  'heapAfterLoadBytes',
]);

const cellOf = (run: EngineRun, column: Column): string =>
  SNAPSHOT_FIGURES.has(column.figure) && run.snapshot.status === 'failed'
    ? 'failed'
    : column.format(RATIO_FIGURES[column.figure](run));

/**
 * One table: per size a row for the bot, one for the baseline and one of ratios (bot ÷ baseline);
 * the paragraph count leads when `withParagraphs`.
 */
export function renderSizeTable(
  sizes: readonly SizeReport[],
  columns: readonly Column[],
  withParagraphs = false,
): string {
  const rows: string[][] = [];
  const lead = (size: SizeReport, label: string, run: EngineRun | null): string[] => [
    size.size,
    label,
    ...(withParagraphs ? [run ? formatCount(run.corpus.paragraphs) : ''] : []),
  ];
  for (const size of sizes) {
    const { core, baseline } = size;
    for (const run of [core, baseline]) {
      if (run) rows.push([...lead(size, run.engine, run), ...columns.map((c) => cellOf(run, c))]);
    }
    if (core && baseline) {
      const ratio = (c: Column) =>
        formatRatio(RATIO_FIGURES[c.figure](core), RATIO_FIGURES[c.figure](baseline));
      rows.push([...lead(size, 'ratio', null), ...columns.map(ratio)]);
    }
    for (const error of size.errors) rows.push([size.size, 'error', error.split('\n')[0] ?? '']);
  }
  const leading = ['size', 'engine', ...(withParagraphs ? ['paragraphs'] : [])];
  return renderTable([...leading, ...columns.map((c) => c.header)], rows, [
    ...leading.map((h): Align => (h === 'paragraphs' ? 'right' : 'left')),
    ...columns.map((): Align => 'right'),
  ]);
}

/**
 * The live-reload table: one article added to each size's corpus folder, beside the full build
 * it spares (sizes whose bot run measured no reload are left out).
 */
export function renderReloadTable(sizes: readonly SizeReport[]): string {
  const rows = sizes.flatMap((size) => {
    const run = size.core;
    const reload = run?.reload;
    if (!run || !reload) return [];
    return [
      [
        size.size,
        formatCount(run.corpus.paragraphs),
        formatDuration(run.buildMs),
        `${reload.addedParagraphs} ¶, ${reload.analysedArticles} analysed`,
        formatDuration(reload.loadCorpusMs),
        formatDuration(reload.updateMs),
        formatDuration(reload.firstAnswerMs),
        `${formatDuration(reload.totalMs)}${reload.answeredFromNew ? '' : ' (not found!)'}`,
        formatDuration(reload.removeTotalMs),
        formatDuration(reload.prepareMs),
        formatDuration(reload.cacheWriteMs),
      ],
    ];
  });
  return renderTable(
    [
      'size',
      'paragraphs',
      'full build',
      'added',
      'read folder',
      'update',
      'first answer',
      'new index answering',
      'removal',
      'prepare (once)',
      'snapshot saved later',
    ],
    rows,
    ['left', 'right', ...Array.from({ length: 9 }, (): Align => 'right')],
  );
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
    renderSizeTable(report.sizes, BUILD_COLUMNS, true),
    '',
    'Answers (full answerQuestion path, top: 10, after a warm-up on 1,000 other questions; hit rates over answerable questions)',
    renderSizeTable(report.sizes, ANSWER_COLUMNS),
  ];
  if (report.sizes.some((s) => s.core?.reload)) {
    parts.push(
      '',
      'Live reload (one article added to the corpus folder: read the folder, update the index in place, first answer from the new article; then its removal)',
      renderReloadTable(report.sizes),
    );
  }
  if (report.endToEnd.length > 0) {
    parts.push('', 'Start-up on the bundled article', renderEndToEndTable(report.endToEnd));
    const target = describeAskTarget(report.endToEnd);
    if (target) parts.push(target);
  }
  return `${parts.join('\n')}\n`;
}
