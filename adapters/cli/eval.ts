import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMiniSearchPredictor } from '../../src/eval/plain-minisearch.js';
import {
  createAnswererPredictor,
  createSquadCorpus,
  SQUAD_TYPE_ORDER,
  toSquadGoldQuestions,
} from '../../src/eval/predictors.js';
import {
  describeMiss,
  evaluateQuestions,
  type GoldQuestion,
  type Prediction,
  type QuestionResult,
  summarizeResults,
} from '../../src/eval/scoring.js';
import {
  CoreConfigSchema,
  type Corpus,
  createAnswerer,
  loadCorpus,
  parseConfig,
  type TuningOverrides,
} from '../../src/index.js';
import { loadDotEnv } from '../shared/environment.js';
import { figuresBody, writeFiguresSection } from '../shared/figures-file.js';
import { runMain } from '../shared/run-main.js';
import { readArticleQuestions, readSquadArticles } from './eval-files.js';
import { EVAL_USAGE, type EvalFlags, parseEvalFlags } from './eval-options.js';
import { type EvalReport, renderReport, renderReportJson } from './eval-report.js';
import { readTuningFile } from './tuning-file.js';

/** One batch of questions over one corpus: an article file has one, a SQuAD file one per article. */
interface EvalBatch {
  readonly corpus: Corpus;
  readonly questions: readonly GoldQuestion[];
}

type PredictorFactory = (corpus: Corpus) => (question: string) => Prediction;

const ours =
  (tuning: TuningOverrides): PredictorFactory =>
  (corpus) =>
    createAnswererPredictor(createAnswerer(corpus, { tuning }));

runMain(async () => {
  loadDotEnv();
  const argv = process.argv.slice(2);
  const flags = parseEvalFlags(argv);
  if (flags.help) {
    process.stdout.write(`${EVAL_USAGE}\n`);
    return;
  }
  const tuning = flags.tuning === undefined ? {} : await readTuningFile(flags.tuning);
  const { file, batches, against } =
    flags.squad !== undefined
      ? await loadSquadBatches(flags.squad, flags)
      : await loadArticleBatch(flags);
  const typeOrder = flags.squad !== undefined ? SQUAD_TYPE_ORDER : [];

  const mine = runBatches(batches, ours(tuning));
  const theirs = flags.baseline ? runBatches(batches, createMiniSearchPredictor) : undefined;
  const report: EvalReport = {
    file,
    mode: flags.squad !== undefined ? 'squad' : 'article',
    against: flags.tuning === undefined ? against : `${against}, tuning from ${flags.tuning}`,
    metrics: summarizeResults(mine.results, typeOrder),
    seconds: { ours: mine.seconds, ...(theirs ? { baseline: theirs.seconds } : {}) },
    ...(theirs ? { baseline: summarizeResults(theirs.results, typeOrder) } : {}),
    ...(flags.verbose ? { misses: mine.results.filter((r) => describeMiss(r).length > 0) } : {}),
  };
  const text = renderReport(report);
  process.stdout.write(`${flags.json ? renderReportJson(report) : text}\n`);
  if (flags.write !== undefined) {
    const command = `npm run --silent eval -- ${argv.join(' ')}`;
    const key = `eval ${flags.squad !== undefined ? 'squad ' : ''}${basename(file)}`;
    await writeFiguresSection(flags.write, key, figuresBody(basename(file), command, text));
  }
});

async function loadArticleBatch(flags: EvalFlags) {
  const file = flags.file ?? '';
  const env = parseConfig(CoreConfigSchema, process.env);
  const dir = flags.corpus ?? env.CORPUS_DIR;
  const corpus = await loadCorpus(dir);
  const questions = (await readArticleQuestions(file, corpus)).slice(0, flags.limit);
  const paragraphs = corpus.documents.reduce((sum, d) => sum + d.paragraphs.length, 0);
  const articles = plural(corpus.documents.length, 'article');
  return {
    file,
    batches: [{ corpus, questions }],
    against: `${dir} (${articles}, ${plural(paragraphs, 'paragraph')})`,
  };
}

async function loadSquadBatches(file: string, flags: EvalFlags) {
  const articles = (await readSquadArticles(file)).slice(0, flags.limit);
  const paragraphs = articles.reduce((sum, a) => sum + a.paragraphs.length, 0);
  return {
    file,
    batches: articles.map((article) => ({
      corpus: createSquadCorpus(article),
      questions: toSquadGoldQuestions(article),
    })),
    against: `${plural(articles.length, 'SQuAD article')}, each its own corpus (${plural(paragraphs, 'paragraph')})`,
  };
}

function runBatches(batches: readonly EvalBatch[], create: PredictorFactory) {
  const started = performance.now();
  const results: QuestionResult[] = [];
  for (const batch of batches) {
    results.push(...evaluateQuestions(batch.questions, create(batch.corpus)));
  }
  return { results, seconds: (performance.now() - started) / 1000 };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
