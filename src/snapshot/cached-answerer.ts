// snapshot/: the index snapshot file, its key, and the cache folder that keeps snapshots.
// May import: answerer.ts and every stage below it.
import { type Answerer, type AnswererOptions, createAnswererFromIndex } from '../answerer.js';
import type { Corpus } from '../corpus/load-corpus.js';
import type { CorpusIndex } from '../indexing/corpus-index.js';
import { resolveTuning } from '../tuning.js';
import type { CachedAnswererOptions } from './cache-options.js';
import { openIndexedCorpus } from './indexed-corpus.js';
import { readSnapshotFile, snapshotKey, writeSnapshotFile } from './snapshot-file.js';

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
 * for exactly this text, version and tuning; a new or rebuilt index is saved for the next start,
 * and each article's analysis is kept in the cache on its own, so an index of a corpus that
 * changed is built from the articles analysed before. A stale or damaged snapshot is rebuilt
 * with one warning; a failed save is a warning too. To follow a corpus as it changes, use
 * {@link openIndexedCorpus}, whose `answerer` this is.
 *
 * @example
 * const qa = await createAnswererCached(await loadCorpus('corpus'), { logger });
 */
export async function createAnswererCached(
  corpus: Corpus,
  options: CachedAnswererOptions,
): Promise<Answerer> {
  return (await openIndexedCorpus(corpus, options)).answerer;
}
