// snapshot/: the index snapshot file, its key, and the cache folder that keeps snapshots.
// May import: answerer.ts and every stage below it.
import { rm } from 'node:fs/promises';
import type { CompactAnnotations } from '../indexing/annotation-columns.js';
import type { CorpusIndex } from '../indexing/corpus-index.js';
import { writeArticleFile } from './article-file.js';
import { articlePath, pruneSnapshots, snapshotPath } from './cache-folder.js';
import { writeSnapshotFile } from './snapshot-file.js';

/** What a build or a reload leaves in the cache folder for the next start. */
export interface CacheWrites {
  /** The cache folder. */
  readonly folder: string;
  /** The index of the corpus in use, and its snapshot key. */
  readonly built: CorpusIndex;
  readonly key: string;
  /** Articles analysed afresh: their content key and analysis. */
  readonly analysed: readonly { readonly key: string; readonly annotations: CompactAnnotations }[];
  /** The content keys of every article in use (their files survive the clean-up). */
  readonly inUse: ReadonlySet<string>;
  /** The snapshot key of a corpus this one replaces, whose snapshot is now of no use. */
  readonly replaces?: string;
}

/**
 * Writes the corpus snapshot and the new article files, deletes the snapshot a reload made
 * stale, and prunes the folder. The snapshot's bytes are worked out before this returns its
 * promise (synchronously), so a later reload cannot change what is written.
 *
 * @throws file system errors as they are (the index in memory is unaffected).
 */
export function writeCache(writes: CacheWrites): Promise<void> {
  const { folder, built, key } = writes;
  const snapshot = writeSnapshotFile(built, key, snapshotPath(folder, key));
  const articles = writes.analysed.map(({ key: article, annotations }) =>
    writeArticleFile(annotations, article, articlePath(folder, article)),
  );
  return (async () => {
    await Promise.all([snapshot, ...articles]);
    if (writes.replaces && writes.replaces !== key) {
      await rm(snapshotPath(folder, writes.replaces), { force: true });
    }
    await pruneSnapshots(folder, writes.inUse);
  })();
}
