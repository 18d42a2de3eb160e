import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { stripAnsi } from '../../bench/end-to-end.js';

/**
 * A program run under a real pseudo-terminal, through util-linux `script` (on every Debian and
 * Ubuntu machine: the bsdutils package is essential), so it sees a terminal on stdin and stdout
 * as a person's shell would give it: raw-mode keys, Ctrl-C as a byte, a window size.
 */
export interface PtySession {
  /** Everything the terminal showed so far, raw (escape sequences included). */
  raw(): string;
  /** What the terminal showed, with escape sequences and carriage returns removed. */
  text(): string;
  /** Types `keys` (`\r` is Enter, `\x03` Ctrl-C, `\x04` Ctrl-D). */
  type(keys: string): void;
  /**
   * Resolves once the shown text, from `from` on, matches `pattern` (already or later), with the
   * index just past the match; rejects if the program exits first. Never a fixed sleep.
   */
  waitFor(pattern: RegExp, from?: number): Promise<number>;
  /** Resolves with the exit code of the program once it has ended. */
  readonly exited: Promise<number | null>;
  /** Ends the program if it is still running. */
  kill(): Promise<void>;
}

/** Options for {@link startPty}. */
export interface PtyOptions {
  /** Terminal width. @default 80 */
  columns?: number;
  env?: Record<string, string | undefined>;
  cwd?: string;
}

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

/** Runs `node <args>` under a pseudo-terminal of `columns` × 40. */
export function startPty(args: readonly string[], options: PtyOptions = {}): PtySession {
  const command = `stty cols ${options.columns ?? 80} rows 40; exec ${[process.execPath, ...args].map(quote).join(' ')}`;
  const child: ChildProcess = spawn('script', ['-qfec', command, '/dev/null'], {
    cwd: options.cwd,
    env: { ...process.env, SHELL: '/bin/sh', TERM: 'xterm-256color', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const check of [...waiters]) check();
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
    notify();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
    notify();
  });
  let ended = false;
  const exited = once(child, 'exit').then(([code]) => {
    ended = true;
    notify();
    return code as number | null;
  });
  const text = () => stripAnsi(output);
  return {
    raw: () => output,
    text,
    type(keys) {
      child.stdin?.write(keys);
    },
    waitFor(pattern, from = 0) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const shown = text().slice(from);
          const match = pattern.exec(shown);
          if (match) {
            waiters.delete(check);
            resolve(from + match.index + match[0].length);
          } else if (ended) {
            waiters.delete(check);
            reject(
              new Error(`exited before ${pattern} was shown; the terminal showed:\n${text()}`),
            );
          }
        };
        waiters.add(check);
        check();
      });
    },
    exited,
    async kill() {
      if (!ended) child.kill('SIGKILL');
      await exited;
    },
  };
}
