import { type Logger, pino } from 'pino';

export type { Logger };

/** Options for {@link createLogger}. */
export interface LoggerOptions {
  /** pino level. @default "info" */
  level?: string;
  /** Human-readable lines instead of JSON. @default false */
  pretty?: boolean;
  /** Where to write. @default stderr (stdout belongs to the program's own output) */
  destination?: NodeJS.WritableStream;
}

/** Paths pino blanks in every log line, so a token never reaches a log. */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'headers.authorization',
  '*.headers.authorization',
  'config.DISCORD_TOKEN',
  'config.SLACK_BOT_TOKEN',
  'config.SLACK_APP_TOKEN',
  'config.SLACK_SIGNING_SECRET',
];

/** Creates the process logger: JSON lines on stderr, tokens redacted. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const destination = options.destination ?? process.stderr;
  const base = {
    level: options.level ?? 'info',
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  if (options.pretty) {
    return pino({
      ...base,
      transport: { target: 'pino-pretty', options: { destination: 2, colorize: false } },
    });
  }
  return pino(base, destination as pino.DestinationStream);
}
