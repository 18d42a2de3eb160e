import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { CommandTiming } from './result-schema.js';
import { SERVING_NODE_FLAGS, START_NODE_FLAGS } from './serving-flags.js';
import { median } from './stats.js';

/** The question asked from the command line; any question about the bundled article will do. */
export const E2E_QUESTION = 'Who will Blinken meet in Kyiv?';
/** The REPL's prompt at the end of the output, once colour codes are stripped. */
const PROMPT_AT_END = /(?:^|\n)\? $/;
const TIMEOUT_MS = 60_000;

/** Where and how often to run each command. */
export interface EndToEndOptions {
  /** Repository root (the commands run there). */
  readonly cwd: string;
  /** Timed runs per command, after one untimed run that fills the caches. @default 5 */
  readonly runs?: number;
}

interface Outcome {
  readonly ms: number;
  readonly error: string | null;
}

/** Removes ANSI escape sequences (colours, cursor moves) and carriage returns. */
export function stripAnsi(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts every ANSI sequence.
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
}

/** Runs `command` to its end and returns the wall time from spawn to exit. */
function runToExit(command: string, args: readonly string[], cwd: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, CORPUS_DIR: 'corpus' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error) => resolve({ ms: Number.NaN, error: error.message }));
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      resolve({ ms, error: code === 0 ? null : `exit ${code}: ${stderr.trim().slice(-300)}` });
    });
  });
}

/**
 * Starts the REPL under a pseudo-terminal (`script -qfc`, so it believes it talks to a person and
 * prints its prompt) and returns the time from spawn to the prompt; then types `:quit`.
 */
function runReplToPrompt(cwd: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn('script', ['-qfc', 'npm run --silent start', '/dev/null'], {
      cwd,
      env: { ...process.env, CORPUS_DIR: 'corpus' },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let output = '';
    let promptMs: number | null = null;
    const timer = setTimeout(() => child.kill(), TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (promptMs === null && PROMPT_AT_END.test(stripAnsi(output))) {
        promptMs = performance.now() - t0;
        child.stdin.end(':quit\n');
      }
    });
    child.on('error', (error) => resolve({ ms: Number.NaN, error: error.message }));
    child.on('close', () => {
      clearTimeout(timer);
      resolve(
        promptMs === null
          ? { ms: Number.NaN, error: `no prompt; output: ${stripAnsi(output).slice(-200)}` }
          : { ms: promptMs, error: null },
      );
    });
  });
}

async function timeRepeatedly(
  label: string,
  shown: string,
  once: () => Promise<Outcome>,
  runs: number,
): Promise<CommandTiming> {
  const warm = await once();
  const times: number[] = [];
  let error = warm.error;
  for (let i = 0; i < runs && error === null; i += 1) {
    const outcome = await once();
    error = outcome.error;
    if (error === null) times.push(outcome.ms);
  }
  return {
    label,
    command: shown,
    runs: times,
    medianMs: times.length > 0 && error === null ? median(times) : null,
    error,
  };
}

/** The longest `npm run --silent ask` may take from process start to exit. */
export const ASK_TARGET_MS = 400;

/** Labels of the figures that {@link describeAskTarget} compares. */
export const ASK_LABEL = 'ask (npm run, process start to exit)';
export const PLAIN_LABEL = 'plain MiniSearch script, same article (node, no npm)';

/**
 * End-to-end start-up figures on the bundled article (`CORPUS_DIR=corpus` for every command):
 * `npm run --silent ask` from process start to exit; the same as npm runs it (the launcher,
 * which picks the bundle), without npm; a plain MiniSearch script over the same article, the
 * yardstick; bare Node start; the tsx path a fresh checkout without a build takes; and REPL
 * start to first prompt.
 */
export async function measureEndToEnd(options: EndToEndOptions): Promise<CommandTiming[]> {
  const { cwd } = options;
  const runs = options.runs ?? 5;
  const ask = ['adapters/cli/ask.ts', E2E_QUESTION];
  const launch = [
    ...SERVING_NODE_FLAGS,
    ...START_NODE_FLAGS,
    'scripts/launch.cjs',
    'adapters/cli/ask',
  ];
  return [
    await timeRepeatedly(
      ASK_LABEL,
      `npm run --silent ask -- "${E2E_QUESTION}"`,
      () => runToExit('npm', ['run', '--silent', 'ask', '--', E2E_QUESTION], cwd),
      runs,
    ),
    await timeRepeatedly(
      'ask without npm (node scripts/launch.cjs)',
      `node ${launch.join(' ')} "${E2E_QUESTION}"`,
      () => runToExit(process.execPath, [...launch, E2E_QUESTION], cwd),
      runs,
    ),
    await timeRepeatedly(
      PLAIN_LABEL,
      `node bench/plain-ask.mjs corpus "${E2E_QUESTION}"`,
      () => runToExit(process.execPath, ['bench/plain-ask.mjs', 'corpus', E2E_QUESTION], cwd),
      runs,
    ),
    await timeRepeatedly(
      'ask from sources (node --import tsx, no build)',
      `node --import tsx adapters/cli/ask.ts "${E2E_QUESTION}"`,
      () => runToExit(process.execPath, ['--import', 'tsx', ...ask], cwd),
      runs,
    ),
    await timeRepeatedly(
      'node start (node -e 0)',
      'node -e 0',
      () => runToExit(process.execPath, ['-e', '0'], cwd),
      runs,
    ),
    await timeRepeatedly(
      'REPL start to first prompt (pty via script -qfc)',
      'script -qfc "npm run --silent start" /dev/null',
      () => runReplToPrompt(cwd),
      runs,
    ),
  ];
}

/** One line on `ask` against its target and beside the plain MiniSearch script. */
export function describeAskTarget(timings: readonly CommandTiming[]): string | null {
  const ask = timings.find((t) => t.label === ASK_LABEL)?.medianMs;
  const plain = timings.find((t) => t.label === PLAIN_LABEL)?.medianMs;
  if (ask === undefined || ask === null) return null;
  const verdict = ask <= ASK_TARGET_MS ? 'met' : 'NOT met';
  const beside = plain ? `, ${(ask / plain).toFixed(1)}× the plain MiniSearch script` : '';
  return `ask target (≤ ${ASK_TARGET_MS} ms from process start to exit): ${verdict}, ${Math.round(ask)} ms${beside}`;
}
