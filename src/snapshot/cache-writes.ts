// snapshot/: the index snapshot file, its key, and the cache folder that keeps snapshots.
// May import: answerer.ts and every stage below it.
import { rm } from 'node:fs/promises';
import type { CompactAnnotations } from '../indexing/annotation-columns.js';
import type { CorpusIndex } from '../indexing/corpus-index.js';
import { writeArticleFile } from './article-file.js';
import { articlePath, pruneSnapshots, snapshotPath } from './cache-folder.js';
import { writeSnapshotFile } from './snapshot-file.js';

/** Articles analysed afresh: their content key and analysis. */
export type AnalysedArticles = readonly {
  readonly key: string;
  readonly annotations: CompactAnnotations;
}[];

/**
 * Writes the article cache files of `analysed` into `folder` (small: each is worked out and
 * written on its own).
 *
 * @throws file system errors as they are.
 */
export async function writeArticles(folder: string, analysed: AnalysedArticles): Promise<void> {
  await Promise.all(
    analysed.map(({ key, annotations }) =>
      writeArticleFile(annotations, key, articlePath(folder, key)),
    ),
  );
}

/** The snapshot a build or a reload leaves for the next start. */
export interface SnapshotWrite {
  /** The cache folder. */
  readonly folder: string;
  /** The index of the corpus in use, and its snapshot key. */
  readonly built: CorpusIndex;
  readonly key: string;
  /** The content keys of every article in use (their files survive the clean-up). */
  readonly inUse: ReadonlySet<string>;
  /** The snapshot key of a corpus this one replaces, whose snapshot is now of no use. */
  readonly replaces?: string;
}

/**
 * Writes the corpus snapshot, deletes the one it replaces, and prunes the folder. The snapshot's
 * bytes are worked out before this returns its promise, synchronously (a second or more for a
 * large corpus, which is why a reload defers it), so a later reload cannot change what is
 * written.
 *
 * @throws file system errors as they are (the index in memory is unaffected).
 */
export function writeSnapshot(write: SnapshotWrite): Promise<void> {
  const { folder, built, key } = write;
  const written = writeSnapshotFile(built, key, snapshotPath(folder, key));
  return (async () => {
    await written;
    if (write.replaces && write.replaces !== key) {
      await rm(snapshotPath(folder, write.replaces), { force: true });
    }
    await pruneSnapshots(folder, write.inUse);
  })();
}
