import { z } from 'zod';
import {
  type CommandSpec,
  HELP_FLAG,
  readCommandLine,
  usageProblem,
} from '../adapters/shared/command-line.js';
import { UsageError } from '../src/index.js';

/** The help text of `npm run bench`. */
export const BENCH_USAGE = `Usage: npm run bench -- [options]

Measures index build, snapshot, memory, answer latency and hit rates of the bot against plain
MiniSearch, on the bundled article and on generated corpora, plus start-up times.

Options:
  --sizes LIST          comma-separated corpus sizes (default: article,1k,10k,100k);
                        article is the bundled corpus/, Nk is N thousand generated paragraphs
  --queries N           questions per size (default: 300)
  --seed N              seed of the generated corpora and questions (default: 7)
  --skip-end-to-end     do not time ask and the REPL start
  --tuning FILE         the bot's tuned numbers from FILE (JSON, any part of src/tuning.ts)
                        instead of the shipped ones; the start-up times use the shipped ones
  --json                print the report as one JSON object (only JSON on stdout)
  --write FILE          also write the report, stamped with the date and machine, into its
                        section of a Markdown file such as docs/performance.md
  -h, --help            show this help`;

/** A corpus size to measure: the bundled article, or a number of generated paragraphs. */
export interface BenchSize {
  /** As written in reports: `article`, `1k`, `10k`, `100k`, `2500`. */
  readonly label: string;
  /** Generated paragraphs; null for the bundled article. */
  readonly paragraphs: number | null;
}

/** Validated `bench` flags. */
export interface BenchFlags {
  readonly sizes: readonly BenchSize[];
  readonly queries: number;
  readonly seed: number;
  readonly endToEnd: boolean;
  /** A JSON file of tuning overrides for the bot, or undefined for the shipped tuning. */
  readonly tuning: string | undefined;
  readonly json: boolean;
  /** Markdown file whose figures section gets the report. */
  readonly write?: string;
  readonly help: boolean;
}

/** The most paragraphs a generated corpus may have (the corpus loader's 10,000-file limit). */
export const MAX_GENERATED_PARAGRAPHS = 300_000;

const FlagsSchema = z.object({
  sizes: z.string().default('article,1k,10k,100k'),
  queries: z.coerce
    .number({ error: '--queries must be a whole number of at least 10' })
    .int('--queries must be a whole number of at least 10')
    .min(10, '--queries must be a whole number of at least 10')
    .default(300),
  seed: z.coerce.number({ error: '--seed must be a whole number' }).int().default(7),
  'skip-end-to-end': z.boolean().default(false),
  tuning: z.string().trim().min(1, '--tuning needs a file path').optional(),
  json: z.boolean().default(false),
  write: z.string().trim().min(1, '--write needs a file path').optional(),
  help: z.boolean().default(false),
});

/** The flags of `npm run bench`. */
export const BENCH_COMMAND: CommandSpec = {
  command: 'npm run bench',
  flags: {
    sizes: { type: 'string' },
    queries: { type: 'string' },
    seed: { type: 'string' },
    'skip-end-to-end': { type: 'boolean' },
    tuning: { type: 'string' },
    json: { type: 'boolean' },
    write: { type: 'string' },
    ...HELP_FLAG,
  },
};

/**
 * Parses one size: `article`, or a paragraph count such as `1k`, `10k`, `2500`.
 *
 * @throws {UsageError} naming the bad size and what is accepted.
 */
export function parseSize(text: string): BenchSize {
  const label = text.trim().toLowerCase();
  if (label === 'article') return { label, paragraphs: null };
  const match = /^(\d+)(k?)$/.exec(label);
  const paragraphs = match ? Number(match[1]) * (match[2] ? 1000 : 1) : Number.NaN;
  if (!(paragraphs >= 20 && paragraphs <= MAX_GENERATED_PARAGRAPHS)) {
    throw new UsageError(
      `--sizes: "${text}" is not a size. Use article, or a paragraph count from 20 to ` +
        `${MAX_GENERATED_PARAGRAPHS / 1000}k such as 1k, 10k, 100k or 2500.`,
    );
  }
  return { label, paragraphs };
}

/**
 * Parses and validates `bench`'s command line.
 *
 * @throws {UsageError} with the fix in the message.
 */
export function parseBenchFlags(argv: readonly string[]): BenchFlags {
  const { values } = readCommandLine(BENCH_COMMAND, argv);
  const parsed = FlagsSchema.safeParse(values);
  if (!parsed.success) {
    throw usageProblem(
      BENCH_COMMAND,
      parsed.error.issues.map((i) => i.message),
    );
  }
  const flags = parsed.data;
  const labels = flags.sizes.split(',').filter((s) => s.trim() !== '');
  if (labels.length === 0) throw usageProblem(BENCH_COMMAND, ['--sizes needs at least one size']);
  const sizes = labels.map(parseSize);
  const seen = new Set<string>();
  return {
    sizes: sizes.filter((s) => !seen.has(s.label) && seen.add(s.label)),
    queries: flags.queries,
    seed: flags.seed,
    endToEnd: !flags['skip-end-to-end'],
    tuning: flags.tuning,
    json: flags.json,
    ...(flags.write ? { write: flags.write } : {}),
    help: flags.help,
  };
}
