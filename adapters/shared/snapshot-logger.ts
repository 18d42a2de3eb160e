import type { SnapshotLogger } from '../../src/index.js';
import { displayPathsIn } from './paths.js';

/** Where the index snapshot's reports go; info is dropped when no sink is given. */
export interface SnapshotSinks {
  info?: NodeJS.WritableStream | ((message: string) => void);
  warn: NodeJS.WritableStream | ((message: string) => void);
}

const toWriter = (sink: SnapshotSinks['warn']) =>
  typeof sink === 'function' ? sink : (message: string) => sink.write(`${message}\n`);

/**
 * The snapshot cache's logger for a command: its one-line reports with paths in the one style of
 * every message (relative inside the working directory).
 */
export function createSnapshotLogger(sinks: SnapshotSinks): SnapshotLogger {
  const info = sinks.info ? toWriter(sinks.info) : () => undefined;
  const warn = toWriter(sinks.warn);
  return {
    info: (message) => info(displayPathsIn(message)),
    warn: (message) => warn(displayPathsIn(message)),
  };
}
