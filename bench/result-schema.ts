import { z } from 'zod';

const HitRatesSchema = z.object({
  questions: z.number(),
  top1: z.number(),
  top10: z.number(),
});

/** Snapshot save/load figures; `n/a` when not measured, `failed` with the reason in `note`. */
export const SnapshotFiguresSchema = z.object({
  status: z.enum(['n/a', 'measured', 'failed']),
  note: z.string(),
  saveMs: z.number().nullable(),
  loadMs: z.number().nullable(),
  bytes: z.number().nullable(),
  heapAfterLoadBytes: z.number().nullable(),
});

/** Snapshot figures of one engine run. */
export type SnapshotFigures = z.infer<typeof SnapshotFiguresSchema>;

/** One article added to the corpus folder of a bot that follows it, then removed. */
export const ReloadFiguresSchema = z.object({
  addedParagraphs: z.number(),
  /** Articles analysed by the update (1: only the new one). */
  analysedArticles: z.number(),
  /** Once after start: the article keys and vocabulary counts updates work on. */
  prepareMs: z.number(),
  /** Reading the folder again (every file's front matter and paragraphs). */
  loadCorpusMs: z.number(),
  /** Analysing the new article and swapping in the updated index. */
  updateMs: z.number(),
  firstAnswerMs: z.number(),
  /** From reading the folder to the first answer from the new article. */
  totalMs: z.number(),
  answeredFromNew: z.boolean(),
  /** Writing the snapshot and article files after the swap (in the background in a bot). */
  cacheWriteMs: z.number(),
  /** The removal, from reading the folder to the first answer without the article. */
  removeTotalMs: z.number(),
  goneAfterRemoval: z.boolean(),
});

/** The figures of a reload. */
export type ReloadFigures = z.infer<typeof ReloadFiguresSchema>;

/** Everything one engine measured on one corpus size (one child process). */
export const EngineRunSchema = z.object({
  size: z.string(),
  engine: z.enum(['article-qa', 'minisearch']),
  corpus: z.object({
    dir: z.string(),
    documents: z.number(),
    paragraphs: z.number(),
    wordsPerParagraph: z.number(),
  }),
  loadMs: z.number(),
  indexMs: z.number(),
  buildMs: z.number(),
  heapUsedBytes: z.number(),
  rssBytes: z.number(),
  snapshot: SnapshotFiguresSchema,
  /** The bot only: an article added and removed in place (null for the baseline, or when it failed). */
  reload: ReloadFiguresSchema.nullable().default(null),
  queries: z.object({ total: z.number(), seed: z.number(), warmUpMs: z.number() }),
  latency: z.object({
    samples: z.number(),
    meanMs: z.number(),
    p50Ms: z.number(),
    p95Ms: z.number(),
    p99Ms: z.number(),
    maxMs: z.number(),
    queriesPerSecond: z.number(),
  }),
  retrieval: HitRatesSchema.extend({
    answered: z.number(),
    unanswerable: z.number(),
    abstained: z.number().nullable(),
    byStyle: z.record(z.string(), HitRatesSchema),
  }),
});

/** What one engine measured on one corpus size. */
export type EngineRun = z.infer<typeof EngineRunSchema>;

/** One corpus size: the bot and the baseline, or the reason a run failed. */
export const SizeReportSchema = z.object({
  size: z.string(),
  core: EngineRunSchema.nullable(),
  baseline: EngineRunSchema.nullable(),
  /** Each compared figure of the bot divided by the baseline's (see RATIO_FIGURES). */
  ratios: z.record(z.string(), z.number().nullable()).nullable(),
  errors: z.array(z.string()),
});

/** One corpus size of the report. */
export type SizeReport = z.infer<typeof SizeReportSchema>;

/** Wall-clock timings of one command, repeated. */
export const CommandTimingSchema = z.object({
  label: z.string(),
  command: z.string(),
  runs: z.array(z.number()),
  medianMs: z.number().nullable(),
  error: z.string().nullable(),
});

/** Repeated wall-clock timings of one command. */
export type CommandTiming = z.infer<typeof CommandTimingSchema>;

/** The whole benchmark: what `--json` prints. */
export const BenchReportSchema = z.object({
  date: z.string(),
  machine: z.object({
    cpus: z.number(),
    cpuModel: z.string(),
    memoryBytes: z.number(),
    node: z.string(),
    platform: z.string(),
  }),
  seed: z.number(),
  queriesPerSize: z.number(),
  proseOrigin: z.string(),
  sizes: z.array(SizeReportSchema),
  endToEnd: z.array(CommandTimingSchema),
});

/** The whole benchmark report. */
export type BenchReport = z.infer<typeof BenchReportSchema>;
