import { isArticleQaError, type SnapshotLogger } from '../../src/index.js';

/**
 * Runs a command's main function: our own errors print their message (no stack trace) and exit 1;
 * anything else is a bug and prints in full.
 */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (isArticleQaError(error)) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(
        `Unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
    }
    process.exitCode = 1;
  });
}

/** For terminal commands: the index cache's warnings on stderr, its routine reports nowhere. */
export const STDERR_WARNINGS: SnapshotLogger = {
  info: () => undefined,
  warn: (message) => {
    process.stderr.write(`${message}\n`);
  },
};
