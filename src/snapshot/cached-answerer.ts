// snapshot/: the index snapshot file, its key, and the cache folder that keeps snapshots.
// May import: answerer.ts and every stage below it.
import { resolve } from 'node:path';
import { type Answerer, type AnswererOptions, createAnswererFromIndex } from '../answerer.js';
import type { Corpus } from '../corpus/load-corpus.js';
import { buildCorpusIndex, type CorpusIndex } from '../indexing/corpus-index.js';
import { resolveTuning } from '../tuning.js';
import { pruneSnapshots, snapshotPath, touchSnapshot } from './cache-folder.js';
import { readSnapshotFile, snapshotKey, writeSnapshotFile } from './snapshot-file.js';

/** Where {@link createAnswererCached} keeps snapshots unless told otherwise (git-ignored). */
export const DEFAULT_INDEX_CACHE_DIR = '.cache/index';

/** Receives the snapshot cache's one-line reports (a pino logger fits). */
export interface SnapshotLogger {
  info(message: string): void;
  warn(message: string): void;
}

/** Options for {@link createAnswererCached}. */
export interface CachedAnswererOptions extends AnswererOptions {
  /** Folder of snapshot files, relative to the working directory. @default ".cache/index" */
  cacheDir?: string;
  /** Where the cache reports what it did (info) and what went wrong (warn). */
  logger: SnapshotLogger;
  /** Build afresh and overwrite the snapshot even when it is fresh (`npm run index`). @default false */
  rebuild?: boolean;
}

/**
 * Writes `built`, the index of `corpus` made by `indexCorpus`, to `file`, atomically: readers
 * never see half a snapshot. Its key holds the text, the code and the tuning it was built with.
 *
 * @throws file system errors as they are.
 */
export async function saveSnapshot(
  corpus: Corpus,
  built: CorpusIndex,
  file: string,
): Promise<void> {
  await writeSnapshotFile(built, snapshotKey(corpus, built.tuning), file);
}

/**
 * Reads the snapshot in `file` for `corpus` and returns its answerer, or null when the file is
 * missing, damaged, or was made from other text, by another version or with another tuning (it
 * is never trusted: key, format version and checksum are all checked).
 *
 * @throws {ConfigError} when `options.tuning` names an unknown number or gives a bad value.
 */
export async function loadSnapshot(
  corpus: Corpus,
  file: string,
  options: AnswererOptions = {},
): Promise<Answerer | null> {
  const tuning = resolveTuning(options.tuning);
  const read = await readSnapshotFile(file, snapshotKey(corpus, tuning), tuning);
  return 'built' in read ? createAnswererFromIndex(corpus, read.built) : null;
}

/**
 * Builds an answerer for `corpus`, or loads it from the snapshot cache when the cache holds one
 * for exactly this text, version and tuning; a new or rebuilt index is saved for the next start.
 * A stale or damaged snapshot is rebuilt with one warning; a failed save is a warning too.
 *
 * @example
 * const qa = await createAnswererCached(await loadCorpus('corpus'), { logger });
 */
export async function createAnswererCached(
  corpus: Corpus,
  options: CachedAnswererOptions,
): Promise<Answerer> {
  const { logger } = options;
  const tuning = resolveTuning(options.tuning);
  const folder = resolve(options.cacheDir ?? DEFAULT_INDEX_CACHE_DIR);
  const key = snapshotKey(corpus, tuning);
  const file = snapshotPath(folder, key);
  const started = performance.now();
  const read = options.rebuild ? { problem: 'missing' } : await readSnapshotFile(file, key, tuning);
  const elapsed = () => `${Math.round(performance.now() - started)} ms`;
  if ('built' in read) {
    const loaded = createAnswererFromIndex(corpus, read.built);
    await touchSnapshot(file);
    logger.info(`article-qa: index loaded from ${file} in ${elapsed()}`);
    return loaded;
  }
  const built = buildCorpusIndex(corpus, tuning);
  const answerer = createAnswererFromIndex(corpus, built);
  try {
    await writeSnapshotFile(built, key, file);
    await pruneSnapshots(folder);
    const report = `index of ${corpus.documents.length} article(s) built in ${elapsed()}, saved to ${file}`;
    if (read.problem === 'missing') logger.info(`article-qa: ${report}`);
    else logger.warn(`article-qa: index snapshot ${file} ${read.problem}; ${report}`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.warn(`article-qa: index built in ${elapsed()} but not saved to ${file}: ${reason}`);
  }
  return answerer;
}
