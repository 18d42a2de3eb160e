import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { readTuningFile } from '../adapters/cli/tuning-file.js';
import { runMain } from '../adapters/shared/run-main.js';
import { type Corpus, loadCorpus, type TuningOverrides, UsageError } from '../src/index.js';
import { createBaselineEngine, createCoreEngine, loadEngineSnapshot } from './engines.js';
import { scoreRetrieval, timeQueries, warmUp } from './measure.js';
import { generateQueries, type QueryTarget } from './queries.js';
import type { EngineRun, SnapshotFigures } from './result-schema.js';
import { measureSnapshotLoad, measureSnapshotSave, NOT_MEASURED } from './snapshot-figures.js';
import { summarizeLatencies } from './stats.js';

/**
 * One engine on one corpus, in a process of its own so sizes and engines never share a heap:
 * `node --expose-gc --import tsx bench/run-size.ts --size 10k --engine article-qa --corpus DIR
 * --work DIR`.
 * Prints one JSON object (an EngineRun) on stdout; progress goes to stderr.
 */
const ArgsSchema = z.object({
  size: z.string().min(1),
  engine: z.enum(['article-qa', 'minisearch']),
  corpus: z.string().min(1),
  queries: z.coerce.number().int().min(1).default(300),
  seed: z.coerce.number().int().default(7),
  /** Folder for the transient snapshot files (never the corpus folder of the repository). */
  work: z.string().min(1),
  /** A JSON file of tuning overrides for the bot (bench --tuning). */
  tuning: z.string().min(1).optional(),
});

type RunArgs = z.infer<typeof ArgsSchema>;

/** Questions asked before the timing (at most: the warm-up also stops after half its budget). */
const WARM_UP_QUESTIONS = 1_000;

runMain(async () => {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      size: { type: 'string' },
      engine: { type: 'string' },
      corpus: { type: 'string' },
      queries: { type: 'string' },
      seed: { type: 'string' },
      work: { type: 'string' },
      tuning: { type: 'string' },
    },
  });
  const parsed = ArgsSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(`bench/run-size: ${z.prettifyError(parsed.error)}`);
  const run = await runSize(parsed.data);
  process.stdout.write(`${JSON.stringify(run)}\n`);
});

async function runSize(args: RunArgs): Promise<EngineRun> {
  const log = (message: string): void => {
    process.stderr.write(`[bench ${args.size} ${args.engine}] ${message}\n`);
  };
  const settle = settledMemory();
  settle();
  const t0 = performance.now();
  const corpus = await loadCorpus(args.corpus);
  const loadMs = performance.now() - t0;
  const paragraphs = corpus.documents.reduce((n, d) => n + d.paragraphs.length, 0);
  log(`loaded ${paragraphs} paragraphs in ${Math.round(loadMs)} ms; building`);

  const tuning = args.tuning === undefined ? {} : await readTuningFile(args.tuning);
  const snapshotFile = join(args.work, `.snapshot-${args.engine}`);
  const measured = await buildAndMeasure(args, corpus, settle, log, tuning, snapshotFile);
  let snapshot = measured.snapshot;
  if (snapshot.status === 'measured') {
    try {
      const load = () => loadEngineSnapshot(args.engine, snapshotFile, corpus, tuning);
      snapshot = { ...snapshot, ...(await measureSnapshotLoad(load, () => settle().heapUsed)) };
    } catch (error) {
      snapshot = { ...snapshot, status: 'failed', note: `load: ${String(error)}` };
    }
    await rm(snapshotFile, { recursive: true, force: true });
  }
  const words = corpus.documents.reduce(
    (n, d) => n + d.paragraphs.reduce((m, p) => m + p.split(/\s+/).length, 0),
    0,
  );
  return {
    ...measured,
    size: args.size,
    engine: args.engine,
    corpus: {
      dir: args.corpus,
      documents: corpus.documents.length,
      paragraphs,
      wordsPerParagraph: words / paragraphs,
    },
    loadMs,
    buildMs: loadMs + measured.indexMs,
    snapshot,
  };
}

type Measured = Pick<
  EngineRun,
  | 'indexMs'
  | 'heapUsedBytes'
  | 'rssBytes'
  | 'queries'
  | 'latency'
  | 'retrieval'
  | 'snapshot'
  | 'reload'
>;

/** Builds the engine, measures it, and lets it go: nothing built is referenced after return. */
async function buildAndMeasure(
  args: RunArgs,
  corpus: Corpus,
  settle: () => NodeJS.MemoryUsage,
  log: (message: string) => void,
  tuning: TuningOverrides,
  snapshotFile: string,
): Promise<Measured> {
  const t1 = performance.now();
  const engine =
    args.engine === 'article-qa' ? createCoreEngine(corpus, tuning) : createBaselineEngine(corpus);
  const indexMs = performance.now() - t1;
  const memory = settle();
  log(`built in ${Math.round(indexMs)} ms; heap ${Math.round(memory.heapUsed / 2 ** 20)} MB`);

  const queries = generateQueries(corpus.documents, { count: args.queries, seed: args.seed });
  // The warm-up asks other questions (the next seed's), so the timed ones stay new to the
  // process while its code is optimised and its caches hold the corpus's common words, as in a
  // bot that has been answering for a while.
  const warmUpQueries = generateQueries(corpus.documents, {
    count: WARM_UP_QUESTIONS,
    seed: args.seed + 1,
  });
  const warmUpMs = warmUp(engine, warmUpQueries, { warmUpQuestions: WARM_UP_QUESTIONS });
  log(`warmed up in ${Math.round(warmUpMs)} ms; timing ${queries.length} questions`);
  const { latenciesMs, responses } = timeQueries(engine, queries);
  const latency = summarizeLatencies(latenciesMs);
  log(`p50 ${latency.p50Ms.toFixed(2)} ms, p99 ${latency.p99Ms.toFixed(2)} ms`);

  const texts = new Map(corpus.documents.map((d) => [d.id, d.paragraphs]));
  const textOf = (place: QueryTarget) => texts.get(place.documentId)?.[place.paragraph - 1];
  const retrieval = scoreRetrieval(queries, responses, textOf);

  let snapshot: SnapshotFigures;
  try {
    await rm(snapshotFile, { recursive: true, force: true });
    const figures = await measureSnapshotSave(
      () => engine.saveSnapshot(snapshotFile),
      snapshotFile,
    );
    snapshot = {
      ...NOT_MEASURED,
      status: 'measured',
      note: SNAPSHOT_NOTES[args.engine],
      ...figures,
    };
  } catch (error) {
    snapshot = { ...NOT_MEASURED, status: 'failed', note: `save: ${String(error)}` };
  }
  let reload: EngineRun['reload'] = null;
  if (engine.measureReload) {
    log('adding one article to a copy of the corpus folder and reloading in place');
    try {
      reload = await engine.measureReload(args.work);
      log(`new index answering ${Math.round(reload.totalMs)} ms after reading the folder`);
    } catch (error) {
      log(`reload failed: ${String(error)}`);
    }
  }
  return {
    indexMs,
    heapUsedBytes: memory.heapUsed,
    rssBytes: memory.rss,
    queries: { total: queries.length, seed: args.seed, warmUpMs },
    latency,
    retrieval,
    snapshot,
    reload,
  };
}

const SNAPSHOT_NOTES = {
  'article-qa': 'saveSnapshot/loadSnapshot of src/index.ts',
  minisearch: 'JSON.stringify(index) / MiniSearch.loadJSON',
} as const;

/** A function that collects garbage until the heap settles and returns the memory usage then. */
function settledMemory(): () => NodeJS.MemoryUsage {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    throw new UsageError('bench/run-size needs a settled heap: run it with node --expose-gc.');
  }
  return () => {
    gc();
    gc();
    return process.memoryUsage();
  };
}
