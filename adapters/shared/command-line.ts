import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_EXCERPTS, UsageError } from '../../src/index.js';

/** One flag a command accepts. */
export interface FlagSpec {
  readonly type: 'string' | 'boolean';
  /** One-letter alias, such as `h` for `--help`. */
  readonly short?: string;
}

/** A command's flags and how a person starts it, for the hint in every usage error. */
export interface CommandSpec {
  /** How the command is started, such as `npm run ask`: errors say `Run "npm run ask -- --help"`. */
  readonly command: string;
  readonly flags: Readonly<Record<string, FlagSpec>>;
  /** Whether words that are not flags are allowed (a question, a file). @default false */
  readonly positionals?: boolean;
}

/** The flags as given (`--name value` or `--name=value`) and the other words, in order. */
export interface CommandLine {
  readonly values: Readonly<Record<string, string | boolean>>;
  readonly positionals: readonly string[];
}

/** `--help` / `-h`, which every command takes. */
export const HELP_FLAG: Readonly<Record<'help', FlagSpec>> = {
  help: { type: 'boolean', short: 'h' },
};

/**
 * A usage error in the one style of every command: the problems, one line each, the last one
 * ending with where to read the options.
 */
export function usageProblem(spec: CommandSpec, problems: readonly string[]): UsageError {
  const hint = `run "${spec.command} -- --help" for the options`;
  const lines = problems.map((problem) => problem.replace(/\.$/, ''));
  const last = lines.pop() ?? 'Wrong usage';
  return new UsageError([...lines, `${last}: ${hint}.`].join('\n'));
}

/**
 * Reads a command line. Node's own `parseArgs` messages are for programmers (an unknown flag gets
 * `'-- "--bogus"'` advice with unbalanced quotes), so it runs without `strict` and this function
 * checks its tokens, to say each problem in one plain line.
 *
 * @throws {UsageError} for an unknown flag, a flag without its value, a value on a switch, or a
 *   word where the command takes none.
 */
export function readCommandLine(spec: CommandSpec, argv: readonly string[]): CommandLine {
  const { tokens } = parseArgs({
    args: [...argv],
    options: spec.flags as Record<string, FlagSpec>,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (!spec.positionals) throw usageProblem(spec, [`Unexpected argument "${token.value}"`]);
      positionals.push(token.value);
      continue;
    }
    const flag = spec.flags[token.name];
    const shown = `--${token.name}`;
    if (!flag) throw usageProblem(spec, [`Unknown option ${token.rawName}`]);
    if (flag.type === 'boolean') {
      if (token.value !== undefined) throw usageProblem(spec, [`${shown} takes no value`]);
      values[token.name] = true;
      continue;
    }
    // A flag-like word after a string flag is another flag, not its value (`--corpus --json`).
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))) {
      throw usageProblem(spec, [`${shown} needs a value`]);
    }
    values[token.name] = token.value;
  }
  return { values, positionals };
}

/**
 * Reads a command line and validates it with `schema`, which receives the flag values and
 * `positionals`.
 *
 * @throws {UsageError} one line per problem, in the style of {@link usageProblem}.
 */
export function parseCommandLine<S extends z.ZodType>(
  spec: CommandSpec,
  schema: S,
  argv: readonly string[],
): z.infer<S> {
  const { values, positionals } = readCommandLine(spec, argv);
  const result = schema.safeParse({ ...values, positionals });
  if (!result.success) {
    throw usageProblem(
      spec,
      result.error.issues.map((issue) => issue.message),
    );
  }
  return result.data;
}

const TOP_MESSAGE = '--top must be a whole number from 1 to 20';

/** `--corpus DIR`, which beats `CORPUS_DIR` (from the environment or `.env`). */
export const CorpusFlagSchema = z.string().trim().min(1, '--corpus needs a folder path').optional();

/** `--top N`: excerpts per answer. */
export const TopFlagSchema = z.coerce
  .number({ error: TOP_MESSAGE })
  .int(TOP_MESSAGE)
  .min(1, TOP_MESSAGE)
  .max(20, TOP_MESSAGE)
  .default(DEFAULT_EXCERPTS);
