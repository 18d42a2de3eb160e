import { inspect } from 'node:util';
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../shared/logger.js';

type Level = 'debug' | 'info' | 'warn' | 'error';

const BOLT_LEVELS: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

/**
 * Bolt's logger interface over our pino logger, so Bolt's and the Socket Mode client's lines
 * land on stderr as JSON with token redaction like ours, tagged `component: "slack"`.
 */
export function createBoltLogger(logger: Logger): BoltLogger {
  let child = logger.child({ component: 'slack' });
  const write =
    (level: Level) =>
    (...parts: unknown[]): void => {
      const err = parts.find((part) => part instanceof Error);
      const message = parts
        .filter((part) => !(part instanceof Error))
        .map((part) =>
          typeof part === 'string' ? part : inspect(part, { depth: 3, breakLength: Infinity }),
        )
        .join(' ');
      child[level](err ? { err } : {}, message || (err as Error | undefined)?.message || '');
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel(level) {
      child.level = level;
    },
    getLevel() {
      return BOLT_LEVELS[child.level] ?? LogLevel.INFO;
    },
    setName(name) {
      const { level } = child;
      child = logger.child({ component: 'slack', name });
      child.level = level;
    },
  };
}
