import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { FIXTURE_CORPUS } from './harness.js';

/** A spawned `npm run …` with its output collected. */
export interface Spawned {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with npm's exit code (null when killed by a signal) once every descendant has exited. */
  exited: Promise<number | null>;
  /** SIGTERM to the whole process group (npm, tsx, node and any shard processes), then waits. */
  stop(): Promise<number | null>;
}

/** Runs `npm run --silent <script> -- <args>` in its own process group with a clean Discord env. */
export function runNpmScript(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
): Spawned {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(?:DISCORD_|SHARD|CORPUS_|METRICS_|REDIS_URL$|RATE_LIMIT_)/.test(key),
    ),
  );
  const child = spawn('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...inherited, CORPUS_DIR: FIXTURE_CORPUS, DISCORD_LOG_LEVEL: 'info', ...env },
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk;
  });
  // 'close', not 'exit': npm exits on SIGTERM before its children do, but every descendant (tsx,
  // the bot, shard processes) holds the same stdout/stderr pipes, which close only when all are gone.
  let closed = false;
  const exited = once(child, 'close').then(([code]) => {
    closed = true;
    return code as number | null;
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async stop() {
      if (!closed && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch (error) {
          // ESRCH: the group is already gone, only the pipes are still draining.
          if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
        }
      }
      return exited;
    },
  };
}
