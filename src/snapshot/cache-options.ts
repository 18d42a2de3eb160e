// snapshot/: the index snapshot file, its key, and the cache folder that keeps snapshots.
// May import: answerer.ts and every stage below it.
import type { AnswererOptions } from '../answerer.js';
import type { CorpusIndex } from '../indexing/corpus-index.js';

/** Where `createAnswererCached` keeps snapshots unless told otherwise (git-ignored). */
export const DEFAULT_INDEX_CACHE_DIR = '.cache/index';

/** Receives the snapshot cache's one-line reports (a pino logger fits). */
export interface SnapshotLogger {
  info(message: string): void;
  warn(message: string): void;
}

/** Options for `createAnswererCached`. */
export interface CachedAnswererOptions extends AnswererOptions {
  /** Folder of snapshot files, relative to the working directory. @default ".cache/index" */
  cacheDir?: string;
  /** Where the cache reports what it did (info) and what went wrong (warn). */
  logger: SnapshotLogger;
  /** Build afresh and overwrite the snapshot even when it is fresh (`npm run index`). @default false */
  rebuild?: boolean;
}

/** Options for `openIndexedCorpus`. */
export interface IndexedCorpusOptions extends CachedAnswererOptions {
  /**
   * The index of the corpus, already built by `indexCorpus` (a benchmark, a test): used as it
   * is, with its tuning; nothing is read from the cache folder at start. @default none
   */
  built?: CorpusIndex;
  /**
   * How long after an update, with no other update, the corpus snapshot is written for the next
   * start (`settled()` writes it at once). @default 30000
   */
  snapshotDelayMs?: number;
}
