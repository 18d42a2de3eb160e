import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { SERVING_NODE_FLAGS } from '../../bench/serving-flags.js';

/** A bot entry script run directly by node (no npm in between), so its exit code and signals are its own. */
export interface BotProcess {
  child: ChildProcess;
  /** Everything written to stderr so far. */
  stderr: () => string;
  /** Resolves with the first stderr line that matches, written already or still to come. */
  line(match: RegExp): Promise<string>;
  exited: Promise<number | null>;
  /** SIGKILLs the bot if it is still running, then waits for it. */
  kill(): Promise<void>;
}

/** Variables of the bots that the test's own environment must not leak into the child. */
const BOT_VARIABLES =
  /^(DISCORD_|SLACK_|SHARD|RATE_LIMIT_|LOG_|SHUTDOWN_|PORT$|HOST$|CORPUS_|METRICS_|REDIS_URL$)/;

/**
 * Starts `node --import tsx <script>` with the serving V8 flags (as `npm run slack` and
 * `npm run discord` give them) and `env` on top of a clean copy of this environment.
 */
export function startBotProcess(script: string, env: Record<string, string>): BotProcess {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !BOT_VARIABLES.test(key)),
  );
  const child = spawn(process.execPath, [...SERVING_NODE_FLAGS, '--import', 'tsx', script], {
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiting: { match: RegExp; resolve: (line: string) => void }[] = [];
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => {
    lines.push(line);
    for (const wait of [...waiting]) {
      if (!wait.match.test(line)) continue;
      waiting.splice(waiting.indexOf(wait), 1);
      wait.resolve(line);
    }
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return {
    child,
    stderr: () => lines.join('\n'),
    line(match) {
      const found = lines.find((line) => match.test(line));
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve) => waiting.push({ match, resolve }));
    },
    exited,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
