import { z } from 'zod';
import { DEFAULT_EXCERPTS } from '../../src/index.js';
import {
  type CommandSpec,
  CorpusFlagSchema,
  HELP_FLAG,
  parseCommandLine,
  TopFlagSchema,
} from '../shared/command-line.js';

export const ASK_USAGE = `Usage: npm run --silent ask -- [options] ["question"]

Answers a question about the corpus with attributed, verbatim excerpts.
With no question, reads questions from stdin, one per line, and writes one line per question.

Options:
  --json         print each Answer as one JSON line
  --corpus DIR   folder of articles (default: CORPUS_DIR from the environment or .env, else corpus)
  --top N        number of excerpts, 1-20 (default: ${DEFAULT_EXCERPTS})
  -h, --help     show this help`;

/** Said on stderr when questions are to be typed, so a terminal never just waits in silence. */
export const ASK_PROMPT =
  'Type a question and press Enter (one per line; Ctrl-D to finish). For the options: npm run ask -- --help';

/** The flags of `npm run ask`. */
export const ASK_COMMAND: CommandSpec = {
  command: 'npm run ask',
  flags: {
    json: { type: 'boolean' },
    corpus: { type: 'string' },
    top: { type: 'string' },
    ...HELP_FLAG,
  },
  positionals: true,
};

/** Validated `ask` flags; the words that are not flags make the question. */
export const AskFlagsSchema = z
  .object({
    json: z.boolean().default(false),
    corpus: CorpusFlagSchema,
    top: TopFlagSchema,
    help: z.boolean().default(false),
    positionals: z.array(z.string()).default([]),
  })
  .transform(({ positionals, ...flags }) =>
    positionals.length > 0 ? { ...flags, question: positionals.join(' ') } : flags,
  );

export type AskFlags = z.infer<typeof AskFlagsSchema> & { question?: string };

/** Parses and validates `ask`'s command line. @throws {UsageError} one line per problem. */
export function parseAskFlags(argv: readonly string[]): AskFlags {
  return parseCommandLine(ASK_COMMAND, AskFlagsSchema, argv);
}
