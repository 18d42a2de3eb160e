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
const COLUMN_WIDTH = 20;

/** The human-readable report: headline figures, per-type table, misses, elapsed time. */
export function renderReport(report: EvalReport): string {
  const { metrics: ours, baseline } = report;
  const lines = [
    `${report.file} on ${report.against}`,
    `${ours.questions} questions: ${ours.answerable} answerable, ${ours.unanswerable} unanswerable`,
    '',
    row('', 'ours', baseline ? 'plain MiniSearch' : undefined),
  ];
  const both = (label: string, pick: (m: EvalMetrics) => string) =>
    lines.push(row(label, pick(ours), baseline ? pick(baseline) : undefined));
  both('top-1 paragraph', (m) => ratio(m.top1, m.answerable));
  both('top-3 paragraph', (m) => ratio(m.top3, m.answerable));
  both('MRR (top 10)', (m) => figure(m.mrr));
  both('correct abstentions', (m) => ratio(m.correctAbstentions, m.unanswerable));
  both('false abstentions', (m) => ratio(m.falseAbstentions, m.answerable));
  both('short answer EM', (m) => counted(m.exactMatch, m.scoredAnswers));
  both('short answer F1', (m) => counted(m.f1, m.scoredAnswers));
  both('verbatim quotes', (m) => ratio(m.verbatimQuotes, m.quotes));

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

function row(label: string, ours: string, baseline?: string): string {
  const cells = label.padEnd(LABEL_WIDTH) + ours.padEnd(COLUMN_WIDTH);
  return (baseline === undefined ? cells : cells + baseline).trimEnd();
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
