import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_EXCERPTS, UsageError } from '../../src/index.js';

export const ASK_USAGE = `Usage: npm run --silent ask -- [options] ["question"]

Answers a question about the corpus with attributed, verbatim excerpts.
With no question, reads questions from stdin, one per line, and writes one line per question.

Options:
  --json         print each Answer as one JSON line
  --corpus DIR   folder of articles (default: corpus, or CORPUS_DIR)
  --top N        number of excerpts, 1-20 (default: ${DEFAULT_EXCERPTS})
  -h, --help     show this help`;

/** Validated `ask` flags. */
export const AskFlagsSchema = z.object({
  json: z.boolean().default(false),
  corpus: z.string().trim().min(1, '--corpus needs a folder path').optional(),
  top: z.coerce
    .number({ error: '--top must be a whole number from 1 to 20' })
    .int('--top must be a whole number from 1 to 20')
    .min(1, '--top must be a whole number from 1 to 20')
    .max(20, '--top must be a whole number from 1 to 20')
    .default(DEFAULT_EXCERPTS),
  help: z.boolean().default(false),
  question: z.string().optional(),
});

export type AskFlags = z.infer<typeof AskFlagsSchema>;

/** Parses and validates `ask`'s command line. @throws {UsageError} with the fix in the message. */
export function parseAskFlags(argv: readonly string[]): AskFlags {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        corpus: { type: 'string' },
        top: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}\n\n${ASK_USAGE}`);
  }
  const result = AskFlagsSchema.safeParse({
    ...parsed.values,
    question: parsed.positionals.length > 0 ? parsed.positionals.join(' ') : undefined,
  });
  if (!result.success) {
    throw new UsageError(`${result.error.issues.map((i) => i.message).join('\n')}\n\n${ASK_USAGE}`);
  }
  return result.data;
}
