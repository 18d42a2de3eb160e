import type { EvalMetrics, QuestionResult, SelectiveMetrics } from '../../src/eval/scoring.js';
import { describeMiss } from '../../src/eval/scoring.js';

/** Everything one `eval` run prints. */
export interface EvalReport {
  /** The question file. */
  readonly file: string;
  readonly mode: 'article' | 'squad';
  /** What the questions were asked against, e.g. "corpus (1 article, 19 paragraphs)". */
  readonly against: string;
  readonly metrics: EvalMetrics;
  /** Seconds spent building and asking, ours and (with --baseline) MiniSearch's. */
  readonly seconds: { readonly ours: number; readonly baseline?: number };
  readonly baseline?: EvalMetrics;
  /** Only with --verbose. */
  readonly misses?: readonly QuestionResult[];
}

const LABEL_WIDTH = 26;

/** The human-readable report: headline figures, per-type table, misses, elapsed time. */
export function renderReport(report: EvalReport): string {
  const { metrics: ours, baseline } = report;
  const figures: [string, (m: EvalMetrics) => string][] = [
    ['top-1 paragraph', (m) => ratio(m.top1, m.answerable)],
    ['top-3 paragraph', (m) => ratio(m.top3, m.answerable)],
    ['MRR (top 10)', (m) => figure(m.mrr)],
    ['correct abstentions', (m) => ratio(m.correctAbstentions, m.unanswerable)],
    ['false abstentions', (m) => ratio(m.falseAbstentions, m.answerable)],
    ['off-topic declined', (m) => ratio(m.offTopicDeclined, m.offTopic)],
    ['unanswerable, no answer', (m) => ratio(m.unanswerableNoShortAnswer, m.unanswerable)],
    ['short answer shown', (m) => ratio(m.shortAnswerCoverage, m.answerable)],
    ['shown answers right', (m) => shownRatio(m.shortAnswerPrecision, m)],
    ['shown answers exact', (m) => shownRatio(m.shownExactMatch, m)],
    ['short answer EM (all)', (m) => counted(m.exactMatch, m.scoredAnswers)],
    ['short answer F1 (all)', (m) => counted(m.f1, m.scoredAnswers)],
    ['verbatim quotes', (m) => ratio(m.verbatimQuotes, m.quotes)],
  ];
  const rows = [
    ['', 'ours', 'plain MiniSearch'],
    ...figures.map(([label, pick]) => [label, pick(ours), baseline ? pick(baseline) : '']),
  ];
  const width = Math.max(...rows.map(([, cell = '']) => cell.length)) + 3;
  const lines = [
    `${report.file} on ${report.against}`,
    `${ours.questions} questions: ${ours.answerable} answerable, ${ours.unanswerable} unanswerable${ours.offTopic > 0 ? `, ${ours.offTopic} off-topic` : ''}`,
    '',
    ...rows.map(([label = '', mine = '', theirs = '']) =>
      `${label.padEnd(LABEL_WIDTH)}${mine.padEnd(width)}${baseline ? theirs : ''}`.trimEnd(),
    ),
  ];

  lines.push(
    '',
    'By question type (top-1 over the answerable ones; declined: share answered=false)',
  );
  lines.push(tableRow(['type', 'n', 'answerable', 'top-1', 'declined', 'EM', 'F1']));
  for (const [type, t] of Object.entries(ours.byType)) {
    lines.push(
      tableRow([
        type,
        String(t.questions),
        String(t.answerable),
        figure(t.top1),
        figure(t.abstained),
        figure(t.exactMatch),
        figure(t.f1),
      ]),
    );
  }
  if (ours.selective) lines.push('', ...renderSelective(ours.selective));
  if (report.misses) lines.push('', ...renderMisses(report.misses));
  const timing = [`ours ${report.seconds.ours.toFixed(1)} s`];
  if (report.seconds.baseline !== undefined) {
    timing.push(`plain MiniSearch ${report.seconds.baseline.toFixed(1)} s`);
  }
  lines.push('', `Elapsed: ${timing.join(', ')}`);
  return lines.join('\n');
}

/**
 * The coverage/precision curve of the confidence (answering the most confident questions
 * first), its points at 80% and 90% precision, and the reliability table.
 */
export function renderSelective(selective: SelectiveMetrics): string[] {
  const lines = [
    'Short answers by confidence (of all answerable questions; right: F1 >= 0.5 with the best gold)',
    `${'coverage'.padStart(10)}${'precision'.padStart(11)}${'confidence >='.padStart(15)}`,
  ];
  for (const point of selective.curve) {
    lines.push(
      `${point.coverage.toFixed(3).padStart(10)}${point.precision.toFixed(3).padStart(11)}${point.confidence.toFixed(3).padStart(15)}`,
    );
  }
  lines.push(
    `coverage at precision 0.80: ${selective.coverageAtPrecision80.toFixed(3)}`,
    `coverage at precision 0.90: ${selective.coverageAtPrecision90.toFixed(3)}`,
    '',
    'Reliability (confidence of the best short answer found, shown or not, against the share right)',
    `${'confidence'.padEnd(14)}${'questions'.padStart(10)}${'mean'.padStart(8)}${'right'.padStart(8)}${'gap'.padStart(8)}`,
  );
  for (const bin of selective.reliability) {
    lines.push(
      `${`${bin.from.toFixed(1)}-${bin.to.toFixed(1)}`.padEnd(14)}${String(bin.questions).padStart(10)}${bin.confidence.toFixed(3).padStart(8)}${bin.right.toFixed(3).padStart(8)}${(bin.right - bin.confidence).toFixed(3).padStart(8)}`,
    );
  }
  return lines;
}

/** One block per miss: the question, the gold, what the bot returned and why it is a miss. */
export function renderMisses(misses: readonly QuestionResult[]): string[] {
  const lines = [`Misses (${misses.length})`];
  for (const result of misses) {
    const { gold, prediction } = result;
    const paragraphs =
      gold.paragraphs.length > 0 ? gold.paragraphs.map((p) => `¶${p}`).join(' ') : 'none';
    const answers =
      gold.answers.length > 0 ? gold.answers.map((a) => JSON.stringify(a)).join(' | ') : '—';
    const returned =
      prediction.paragraphs
        .slice(0, 3)
        .map((p) => `¶${p}`)
        .join(' ') || 'no excerpt';
    lines.push(
      '',
      `✗ ${gold.id} [${gold.type}] ${gold.question}`,
      `  why:  ${describeMiss(result).join('; ')}`,
      `  gold: ${paragraphs} · answers ${answers}`,
      `  got:  ${prediction.answered ? 'answered' : 'declined'} · answer ${
        prediction.answer ? JSON.stringify(prediction.answer) : '—'
      } · ${returned}`,
    );
    if (prediction.quote) lines.push(`        “${prediction.quote.replace(/\s+/g, ' ')}”`);
  }
  return lines;
}

/** The report as one JSON object; ratios rounded to 4 decimals. */
export function renderReportJson(report: EvalReport): string {
  const misses = report.misses?.map((r) => ({
    id: r.gold.id,
    question: r.gold.question,
    type: r.gold.type,
    reasons: describeMiss(r),
    gold: { paragraphs: r.gold.paragraphs, answers: r.gold.answers },
    returned: {
      answered: r.prediction.answered,
      answer: r.prediction.answer ?? null,
      paragraphs: r.prediction.paragraphs,
      quote: r.prediction.quote ?? null,
    },
  }));
  return JSON.stringify({ ...report, misses }, (_key, value: unknown) =>
    typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1e4) / 1e4 : value,
  );
}

function tableRow(cells: readonly string[]): string {
  const [type = '', ...rest] = cells;
  return (type.padEnd(14) + rest.map((cell) => cell.padStart(11)).join('')).trimEnd();
}

function figure(value: number | null): string {
  return value === null ? '—' : value.toFixed(3);
}

function ratio(value: number | null, total: number): string {
  return value === null ? '—' : `${value.toFixed(3)} (${Math.round(value * total)}/${total})`;
}

function shownRatio(value: number | null, m: EvalMetrics): string {
  const shown = Math.round((m.shortAnswerCoverage ?? 0) * m.answerable);
  return ratio(value, shown);
}

function counted(value: number | null, total: number): string {
  return value === null ? '—' : `${value.toFixed(3)} (n=${total})`;
}
