import type { EvalMetrics, QuestionResult } from '../../src/eval/scoring.js';
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
    ['short answer EM', (m) => counted(m.exactMatch, m.scoredAnswers)],
    ['short answer F1', (m) => counted(m.f1, m.scoredAnswers)],
    ['verbatim quotes', (m) => ratio(m.verbatimQuotes, m.quotes)],
  ];
  const rows = [
    ['', 'ours', 'plain MiniSearch'],
    ...figures.map(([label, pick]) => [label, pick(ours), baseline ? pick(baseline) : '']),
  ];
  const width = Math.max(...rows.map(([, cell = '']) => cell.length)) + 3;
  const lines = [
    `${report.file} on ${report.against}`,
    `${ours.questions} questions: ${ours.answerable} answerable, ${ours.unanswerable} unanswerable`,
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
  if (report.misses) lines.push('', ...renderMisses(report.misses));
  const timing = [`ours ${report.seconds.ours.toFixed(1)} s`];
  if (report.seconds.baseline !== undefined) {
    timing.push(`plain MiniSearch ${report.seconds.baseline.toFixed(1)} s`);
  }
  lines.push('', `Elapsed: ${timing.join(', ')}`);
  return lines.join('\n');
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

function counted(value: number | null, total: number): string {
  return value === null ? '—' : `${value.toFixed(3)} (n=${total})`;
}
