import { z } from 'zod';
import {
  type CommandSpec,
  CorpusFlagSchema,
  HELP_FLAG,
  readCommandLine,
  usageProblem,
} from '../shared/command-line.js';

export const EVAL_USAGE = `Usage: npm run --silent eval -- [options] FILE.jsonl
       npm run --silent eval -- --squad FILE.jsonl [options]

Scores the bot on a question file and prints paragraph accuracy (top-1, top-3, MRR),
abstentions, short answers (how often shown, how often right, exact match and F1 in the SQuAD
way), the coverage/precision curve of its confidence, a reliability table, and verbatim quotes.

Options:
  --corpus DIR    corpus for an article question file (default: CORPUS_DIR, else corpus)
  --squad FILE    a converted SQuAD file instead: each article is its own corpus
  --heldout       with --squad: only the held-out articles of the split file
  --split FILE    the split file (default: split.json beside the --squad file)
  --cross N       with --squad: also ask each article N questions of the next article
                  (off-topic: they should be declined)
  --limit N       only the first N questions (article file) or articles (SQuAD)
  --model FILE    a learned model to use instead of the shipped one (npm run train -- --out)
  --baseline      also score plain MiniSearch with default options, side by side
  --tuning FILE   tuned numbers to use instead of the shipped ones (JSON, any part of
                  src/tuning.ts, e.g. {"retrieval": {"candidates": 30}})
  --verbose       list the misses
  --json          print the metrics as one JSON object
  --write FILE    also write the report, stamped with the date and machine, into its section
                  of a Markdown file such as docs/quality.md (other sections are kept)
  -h, --help      show this help`;

const LIMIT_MESSAGE = '--limit must be a whole number of at least 1';
const CROSS_MESSAGE = '--cross must be a whole number of at least 1';

/** Validated `eval` flags. */
export const EvalFlagsSchema = z.object({
  file: z.string().min(1).optional(),
  squad: z.string().trim().min(1, '--squad needs a file path').optional(),
  corpus: CorpusFlagSchema,
  limit: z.coerce
    .number({ error: LIMIT_MESSAGE })
    .int(LIMIT_MESSAGE)
    .min(1, LIMIT_MESSAGE)
    .optional(),
  baseline: z.boolean().default(false),
  heldout: z.boolean().default(false),
  split: z.string().trim().min(1, '--split needs a file path').optional(),
  cross: z.coerce
    .number({ error: CROSS_MESSAGE })
    .int(CROSS_MESSAGE)
    .min(1, CROSS_MESSAGE)
    .optional(),
  model: z.string().trim().min(1, '--model needs a file path').optional(),
  tuning: z.string().trim().min(1, '--tuning needs a file path').optional(),
  verbose: z.boolean().default(false),
  json: z.boolean().default(false),
  write: z.string().trim().min(1, '--write needs a file path').optional(),
  help: z.boolean().default(false),
});

export type EvalFlags = z.infer<typeof EvalFlagsSchema>;

/** The flags of `npm run eval`. */
export const EVAL_COMMAND: CommandSpec = {
  command: 'npm run eval',
  flags: {
    squad: { type: 'string' },
    corpus: { type: 'string' },
    limit: { type: 'string' },
    baseline: { type: 'boolean' },
    heldout: { type: 'boolean' },
    split: { type: 'string' },
    cross: { type: 'string' },
    model: { type: 'string' },
    tuning: { type: 'string' },
    verbose: { type: 'boolean' },
    json: { type: 'boolean' },
    write: { type: 'string' },
    ...HELP_FLAG,
  },
  positionals: true,
};

/** Parses and validates `eval`'s command line. @throws {UsageError} one line per problem. */
export function parseEvalFlags(argv: readonly string[]): EvalFlags {
  const { values, positionals } = readCommandLine(EVAL_COMMAND, argv);
  const problems: string[] = [];
  if (positionals.length > 1) problems.push('Give one question file');
  const result = EvalFlagsSchema.safeParse({ ...values, file: positionals[0] });
  if (!result.success) problems.push(...result.error.issues.map((i) => i.message));
  const flags = result.data;
  if (flags && !flags.help) {
    if (flags.file === undefined && flags.squad === undefined) {
      problems.push('Give a question file (FILE.jsonl) or --squad FILE');
    }
    if (flags.file !== undefined && flags.squad !== undefined) {
      problems.push('Give either a question file or --squad FILE, not both');
    }
    if (
      flags.squad === undefined &&
      (flags.heldout || flags.cross !== undefined || flags.split !== undefined)
    ) {
      problems.push('--heldout, --split and --cross apply to a SQuAD file: add --squad FILE');
    }
    if (flags.squad !== undefined && flags.corpus !== undefined) {
      problems.push(
        '--corpus applies to article question files; a SQuAD file brings its own articles',
      );
    }
    if (flags.json && flags.write !== undefined) {
      problems.push('Give --json or --write FILE, not both');
    }
    if (flags.tuning !== undefined && flags.write !== undefined) {
      problems.push('--write records the shipped tuning; give --tuning or --write FILE, not both');
    }
  }
  if (problems.length > 0 || !flags) throw usageProblem(EVAL_COMMAND, problems);
  return flags;
}
