import { type Logger, pino } from 'pino';
import { PinoPretty } from 'pino-pretty';

export type { Logger };

/** Options for {@link createLogger}. */
export interface LoggerOptions {
  /** pino level. @default "info" */
  level?: string;
  /** Human-readable lines (pino-pretty) instead of JSON, for development. @default false */
  pretty?: boolean;
  /** Where to write. @default stderr (stdout belongs to the program's own output) */
  destination?: NodeJS.WritableStream;
  /**
   * Secret values (tokens, signing secrets) blanked wherever they appear in a line, including
   * inside error messages and nested objects no redaction path names. @default []
   */
  secrets?: readonly (string | undefined)[];
}

/** Paths pino blanks in every log line, so a token never reaches a log. */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'headers.authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  '*.*.headers.authorization',
  '*.*.headers.Authorization',
  'config.DISCORD_TOKEN',
  'config.SLACK_BOT_TOKEN',
  'config.SLACK_APP_TOKEN',
  'config.SLACK_SIGNING_SECRET',
  // discord.js API errors carry the JSON body that failed to send: other people's words.
  'err.requestBody',
];

const CENSOR = '[redacted]';

/**
 * Token shapes blanked in every line whatever their key: Slack tokens, Discord bot tokens,
 * `Bot`/`Bearer` credentials, and the per-interaction tokens inside Discord webhook and
 * interaction URLs and Slack `response_url`s. Each is a single pass without nested repetition.
 */
const TOKEN_PATTERNS: readonly [RegExp, string][] = [
  [/\bxox[a-z]-[A-Za-z0-9-]{6,}/g, CENSOR],
  [/\bxapp-[A-Za-z0-9-]{6,}/g, CENSOR],
  [/\b[\w-]{23,28}\.[\w-]{6,7}\.[\w-]{27,}/g, CENSOR],
  [/\b(Bot|Bearer) [\w.~+/=-]{8,}/g, `$1 ${CENSOR}`],
  [/(\/(?:webhooks|interactions)\/\d+\/)[\w.-]+/g, `$1${CENSOR}`],
  [/(hooks\.slack\.com\/[\w/-]*\/)[A-Za-z0-9]{16,}/g, `$1${CENSOR}`],
];

/** Blanks the known secret values and every token-shaped string in one serialized log line. */
export function scrubSecrets(line: string, secrets: readonly string[] = []): string {
  let scrubbed = line;
  for (const secret of secrets) {
    // A secret appears JSON-escaped inside the line.
    scrubbed = scrubbed.replaceAll(JSON.stringify(secret).slice(1, -1), CENSOR);
  }
  for (const [pattern, replacement] of TOKEN_PATTERNS) {
    scrubbed = scrubbed.replace(pattern, replacement);
  }
  return scrubbed;
}

/** Creates the process logger: JSON lines (or pretty ones) on stderr, tokens redacted. */
export function createLogger(options: LoggerOptions = {}): Logger {
  // Short values could blank ordinary words; real tokens and secrets are far longer.
  const secrets = (options.secrets ?? []).filter(
    (secret): secret is string => typeof secret === 'string' && secret.length >= 8,
  );
  const base = {
    level: options.level ?? 'info',
    redact: { paths: REDACTED_PATHS, censor: CENSOR },
    hooks: { streamWrite: (line: string) => scrubSecrets(line, secrets) },
  };
  const destination = options.destination ?? process.stderr;
  if (options.pretty) {
    // In-process and synchronous (no worker thread), so the last lines before exit are kept.
    return pino(base, PinoPretty({ destination, sync: true, colorize: false }));
  }
  return pino(base, destination as pino.DestinationStream);
}
