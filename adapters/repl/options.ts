import { z } from 'zod';
import { DEFAULT_EXCERPTS } from '../../src/index.js';
import {
  type CommandSpec,
  CorpusFlagSchema,
  HELP_FLAG,
  parseCommandLine,
  TopFlagSchema,
} from '../shared/command-line.js';

export const REPL_USAGE_TEXT = `Usage: npm start -- [options]

Opens a prompt to ask questions about the corpus, answered with attributed, verbatim excerpts.
Piped input is answered line by line, without prompt or colours.

Options:
  --corpus DIR   folder of articles (default: CORPUS_DIR from the environment or .env, else corpus)
  --top N        excerpts per answer, 1-20 (default: ${DEFAULT_EXCERPTS})
  -h, --help     show this help

Colours: on in a terminal; NO_COLOR=1 turns them off, FORCE_COLOR=1 on.`;

const REPL_COMMAND: CommandSpec = {
  command: 'npm start',
  flags: { corpus: { type: 'string' }, top: { type: 'string' }, ...HELP_FLAG },
};

const ReplFlagsSchema = z.object({
  corpus: CorpusFlagSchema,
  top: TopFlagSchema,
  help: z.boolean().default(false),
});

/** Validated REPL flags. */
export type ReplFlags = z.infer<typeof ReplFlagsSchema>;

/** Parses and validates the REPL's command line. @throws {UsageError} one line per problem. */
export function parseReplFlags(argv: readonly string[]): ReplFlags {
  return parseCommandLine(REPL_COMMAND, ReplFlagsSchema, argv);
}
