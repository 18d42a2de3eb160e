import { parseArgs } from 'node:util';
import { z } from 'zod';
import { UsageError } from '../../src/index.js';

export const EVAL_USAGE = `Usage: npm run --silent eval -- [options] FILE.jsonl
       npm run --silent eval -- --squad FILE.jsonl [options]

Scores the bot on a question file and prints paragraph accuracy (top-1, top-3, MRR),
abstentions, short answers (how often shown, how often right, exact match and F1 in the SQuAD
way), the coverage/precision curve of its confidence, a reliability table, and verbatim quotes.

Options:
  --corpus DIR    corpus for an article question file (default: corpus, or CORPUS_DIR)
  --squad FILE    a converted SQuAD file instead: each article is its own corpus
  --heldout       with --squad: only the held-out articles of the split file
  --split FILE    the split file (default: split.json beside the --squad file)
  --cross N       with --squad: also ask each article N questions of the next article
                  (off-topic: they should be declined)
  --limit N       only the first N questions (article file) or articles (SQuAD)
  --model FILE    a learned model to use instead of the shipped one (npm run train -- --out)
  --baseline      also score plain MiniSearch with default options, side by side
  --tuning FILE   tuned numbers to use instead of the shipped ones (JSON, any part of
                  src/tuning.ts, e.g. {"decision": {"minCoverage": 0.4}})
  --verbose       list the misses
  --json          print the metrics as one JSON object
  -h, --help      show this help`;

const LIMIT_MESSAGE = '--limit must be a whole number of at least 1';
const CROSS_MESSAGE = '--cross must be a whole number of at least 1';

/** Validated `eval` flags. */
export const EvalFlagsSchema = z.object({
  file: z.string().min(1).optional(),
  squad: z.string().trim().min(1, '--squad needs a file path').optional(),
  corpus: z.string().trim().min(1, '--corpus needs a folder path').optional(),
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
  help: z.boolean().default(false),
});

export type EvalFlags = z.infer<typeof EvalFlagsSchema>;

/** Parses and validates `eval`'s command line. @throws {UsageError} with the fix in the message. */
export function parseEvalFlags(argv: readonly string[]): EvalFlags {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
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
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}\n\n${EVAL_USAGE}`);
  }
  const problems: string[] = [];
  if (parsed.positionals.length > 1) problems.push('give one question file');
  const result = EvalFlagsSchema.safeParse({ ...parsed.values, file: parsed.positionals[0] });
  if (!result.success) problems.push(...result.error.issues.map((i) => i.message));
  const flags = result.data;
  if (flags && !flags.help) {
    if (flags.file === undefined && flags.squad === undefined) {
      problems.push('give a question file (FILE.jsonl) or --squad FILE');
    }
    if (flags.file !== undefined && flags.squad !== undefined) {
      problems.push('give either a question file or --squad FILE, not both');
    }
    if (flags.squad === undefined && (flags.heldout || flags.cross !== undefined || flags.split !== undefined)) {
      problems.push('--heldout, --split and --cross apply to a SQuAD file (--squad FILE)');
    }
    if (flags.squad !== undefined && flags.corpus !== undefined) {
      problems.push(
        '--corpus applies to article question files; a SQuAD file brings its own articles',
      );
    }
  }
  if (problems.length > 0 || !flags) {
    throw new UsageError(`${problems.join('\n')}\n\n${EVAL_USAGE}`);
  }
  return flags;
}
