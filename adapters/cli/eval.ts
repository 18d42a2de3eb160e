import { basename, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMiniSearchPredictor } from '../../src/eval/plain-minisearch.js';
import {
  createAnswererPredictor,
  createSquadCorpus,
  SQUAD_TYPE_ORDER,
  toOffTopicQuestions,
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
  type AnswerModel,
  CoreConfigSchema,
  type Corpus,
  createAnswererFromIndex,
  indexCorpus,
  loadCorpus,
  parseAnswerModel,
  parseConfig,
  SHIPPED_MODEL,
  type TuningOverrides,
  UsageError,
} from '../../src/index.js';
import { loadDotEnv } from '../shared/environment.js';
import { figuresBody, writeFiguresSection } from '../shared/figures-file.js';
import { runMain } from '../shared/run-main.js';
import { readArticleQuestions, readSplit, readSquadArticles } from './eval-files.js';
import { EVAL_USAGE, type EvalFlags, parseEvalFlags } from './eval-options.js';
import { type EvalReport, renderReport, renderReportJson } from './eval-report.js';
import { readJsonFile } from './json-file.js';
import { readTuningFile } from './tuning-file.js';

/** One batch of questions over one corpus: an article file has one, a SQuAD file one per article. */
interface EvalBatch {
  readonly corpus: Corpus;
  readonly questions: readonly GoldQuestion[];
}

type PredictorFactory = (corpus: Corpus) => (question: string) => Prediction;

/**
 * Our answerer, and beside it a probe over the same index that shows every best short answer
 * (answer threshold 0), so that the curve also sees the answers held back.
 */
const ours =
  (tuning: TuningOverrides, model: AnswerModel): PredictorFactory =>
  (corpus) => {
    const index = indexCorpus(corpus, { tuning });
    const probe = { ...model, thresholds: { ...model.thresholds, answer: 0 } };
    return createAnswererPredictor(
      createAnswererFromIndex(corpus, index, model),
      createAnswererFromIndex(corpus, index, probe),
    );
  };

runMain(async () => {
  loadDotEnv();
  const argv = process.argv.slice(2);
  const flags = parseEvalFlags(argv);
  if (flags.help) {
    process.stdout.write(`${EVAL_USAGE}\n`);
    return;
  }
  const tuning = flags.tuning === undefined ? {} : await readTuningFile(flags.tuning);
  const model = flags.model === undefined ? SHIPPED_MODEL : await readModelFile(flags.model);
  const { file, batches, against } =
    flags.squad !== undefined
      ? await loadSquadBatches(flags.squad, flags)
      : await loadArticleBatch(flags);
  const typeOrder = flags.squad !== undefined ? SQUAD_TYPE_ORDER : [];

  const mine = runBatches(batches, ours(tuning, model));
  const theirs = flags.baseline ? runBatches(batches, createMiniSearchPredictor) : undefined;
  const report: EvalReport = {
    file,
    mode: flags.squad !== undefined ? 'squad' : 'article',
    against: [
      against,
      ...(flags.tuning === undefined ? [] : [`tuning from ${flags.tuning}`]),
      ...(flags.model === undefined ? [] : [`model from ${flags.model}`]),
    ].join(', '),
    metrics: summarizeResults(mine.results, typeOrder),
    seconds: { ours: mine.seconds, ...(theirs ? { baseline: theirs.seconds } : {}) },
    ...(theirs ? { baseline: summarizeResults(theirs.results, typeOrder) } : {}),
    ...(flags.verbose ? { misses: mine.results.filter((r) => describeMiss(r).length > 0) } : {}),
  };
  const text = renderReport(report);
  process.stdout.write(`${flags.json ? renderReportJson(report) : text}\n`);
  if (flags.write !== undefined) {
    const shown = argv.filter((arg, i) => arg !== '--write' && argv[i - 1] !== '--write');
    const command = `npm run --silent eval -- ${shown.join(' ')}`;
    // One section per kind of run: the held-out articles and --cross are runs of their own.
    const key = `eval ${shown.filter((arg) => !arg.includes('/')).join(' ')} ${basename(file)}`;
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
  let articles = await readSquadArticles(file);
  if (flags.heldout) {
    const split = await readSplit(flags.split ?? join(dirname(file), 'split.json'));
    articles = articles.filter((a) => split.heldout.includes(a.title));
  }
  articles = articles.slice(0, flags.limit);
  const paragraphs = articles.reduce((sum, a) => sum + a.paragraphs.length, 0);
  const cross = flags.cross ?? 0;
  return {
    file,
    batches: articles.map((article, i) => ({
      corpus: createSquadCorpus(article),
      questions: [
        ...toSquadGoldQuestions(article),
        // As trust.mjs: the next article's first questions, asked of this one.
        ...(cross > 0 && articles.length > 1
          ? toOffTopicQuestions(
              articles[(i + 1) % articles.length] as (typeof articles)[number],
              cross,
            )
          : []),
      ],
    })),
    against: `${plural(articles.length, flags.heldout ? 'held-out SQuAD article' : 'SQuAD article')}, each its own corpus (${plural(paragraphs, 'paragraph')})${cross > 0 ? `, ${cross} off-topic questions each` : ''}`,
  };
}

async function readModelFile(file: string): Promise<AnswerModel> {
  const value = await readJsonFile(file, 'model file');
  try {
    return parseAnswerModel(value, file);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
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
