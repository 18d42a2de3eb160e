import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Node arguments that run a TypeScript entry point of this repository from any working
 * directory: the tsx loader and the script by absolute path.
 */
export function tsxScript(script: string): string[] {
  const loader = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  return ['--import', loader, join(ROOT, script)];
}

/** How a node process ended and what it wrote. */
export interface NodeRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options for {@link runNode}. */
export interface RunNodeOptions {
  /** Written to stdin, which is then closed. @default '' */
  input?: string;
  /** Variables on top of this environment, from which CORPUS_DIR is removed. */
  env?: Record<string, string>;
  /** @default 15_000 */
  timeoutMs?: number;
  /** Working directory. @default this process's */
  cwd?: string;
}

/** Runs `node <args>` as a real process and resolves when it ends. */
export function runNode(args: readonly string[], options: RunNodeOptions = {}): Promise<NodeRun> {
  const { CORPUS_DIR: _, ...inherited } = process.env;
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      args,
      {
        env: { ...inherited, ...options.env },
        ...(options.cwd ? { cwd: options.cwd } : {}),
        timeout: options.timeoutMs ?? 15_000,
        encoding: 'utf8',
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
    child.stdin?.end(options.input ?? '');
  });
}
