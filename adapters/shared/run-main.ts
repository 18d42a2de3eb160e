import { isArticleQaError, type SnapshotLogger } from '../../src/index.js';
import { createSnapshotLogger } from './snapshot-logger.js';

/** After a failure, how long open connections may take to close before the process just exits. */
const EXIT_GRACE_MS = 1_000;

/**
 * Runs a command's main function: our own errors print their message (no stack trace) and exit 1;
 * anything else is a bug and prints in full. A connection that never answers (a host that
 * accepted and went silent) must not keep a failed start alive, hence the unref'd exit timer.
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
    setTimeout(() => process.exit(1), EXIT_GRACE_MS).unref();
  });
}

/**
 * For terminal commands: the index cache's warnings on stderr, its routine reports nowhere, paths
 * shown as every message shows them.
 */
export const STDERR_WARNINGS: SnapshotLogger = createSnapshotLogger({ warn: process.stderr });
