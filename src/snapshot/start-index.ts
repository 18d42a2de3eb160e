// snapshot/: the index snapshot file, its key, and the cache folder that keeps snapshots.
// May import: answerer.ts and every stage below it.
import type { Corpus } from '../corpus/load-corpus.js';
import type { CompactAnnotations } from '../indexing/annotation-columns.js';
import { sliceAnnotations } from '../indexing/annotation-views.js';
import { buildCorpusIndex, type CorpusIndex } from '../indexing/corpus-index.js';
import { resolveTuning } from '../tuning.js';
import { articleKey, readArticleFile } from './article-file.js';
import { articlePath, snapshotPath, touchSnapshot } from './cache-folder.js';
import type { IndexedCorpusOptions } from './cache-options.js';
import { writeArticles, writeSnapshot } from './cache-writes.js';
import { readSnapshotFile, snapshotKey } from './snapshot-file.js';

/** The index a process starts with, and what it left to write. */
export interface StartedIndex {
  readonly built: CorpusIndex;
  /** The snapshot key of the corpus it indexes. */
  readonly key: string;
  /** The snapshot key of another corpus, with the same tuning and code. */
  keyOf(corpus: Corpus): string;
  /** Resolves once the snapshot and article files are written (failures are logged). */
  readonly writes: Promise<void>;
}

/**
 * Loads the snapshot of `corpus` from the cache folder, or builds the index, taking each
 * article's analysis from the article cache when it holds one for that text (so a corpus that
 * changed while the process was down is not analysed again in full); a new index is saved for
 * the next start. A stale or damaged snapshot is rebuilt with one warning; a failed save is a
 * warning too.
 *
 * @throws {ConfigError} when `options.tuning` names an unknown number or gives a bad value.
 */
export async function startIndex(
  corpus: Corpus,
  options: IndexedCorpusOptions & { cacheDir: string },
): Promise<StartedIndex> {
  const { logger, cacheDir: folder } = options;
  const tuning = options.built?.tuning ?? resolveTuning(options.tuning);
  const keyOf = (other: Corpus) => snapshotKey(other, tuning);
  const key = keyOf(corpus);
  if (options.built) return { built: options.built, key, keyOf, writes: Promise.resolve() };
  const file = snapshotPath(folder, key);
  const started = performance.now();
  const read = options.rebuild ? { problem: 'missing' } : await readSnapshotFile(file, key, tuning);
  const elapsed = () => `${Math.round(performance.now() - started)} ms`;
  if ('built' in read) {
    await touchSnapshot(file);
    logger.info(`article-qa: index loaded from ${file} in ${elapsed()}`);
    return { built: read.built, key, keyOf, writes: Promise.resolve() };
  }

  const keys = new Map(corpus.documents.map((document) => [document, articleKey(document)]));
  const cached = new Map<string, CompactAnnotations>();
  if (!options.rebuild) {
    for (const [document, article] of keys) {
      const found = await readArticleFile(document, article, articlePath(folder, article));
      if (found) cached.set(article, found);
    }
  }
  const built = buildCorpusIndex(corpus, tuning, {
    analysed: (document) => cached.get(keys.get(document) ?? ''),
  });
  let position = 0;
  const analysed = corpus.documents.flatMap((document) => {
    const first = position;
    position += document.paragraphs.length;
    const article = keys.get(document) ?? '';
    if (cached.has(article)) return [];
    return [
      {
        key: article,
        annotations: sliceAnnotations(built.annotations, first, document.paragraphs.length),
      },
    ];
  });
  const fromCache = cached.size > 0 ? ` (${cached.size} article(s) from the article cache)` : '';
  const report = `index of ${corpus.documents.length} article(s) built in ${elapsed()}${fromCache}, saved to ${file}`;
  let written: Promise<void>;
  try {
    const snapshot = writeSnapshot({ folder, built, key, inUse: new Set(keys.values()) });
    written = Promise.all([snapshot, writeArticles(folder, analysed)]).then(() => undefined);
  } catch (error) {
    written = Promise.reject(error);
  }
  const writes = written.then(
    () => {
      if (read.problem === 'missing') logger.info(`article-qa: ${report}`);
      else logger.warn(`article-qa: index snapshot ${file} ${read.problem}; ${report}`);
    },
    (error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      logger.warn(`article-qa: index built in ${elapsed()} but not saved to ${file}: ${reason}`);
    },
  );
  // The first start waits for its files, as before: the next process finds them.
  await writes;
  return { built, key, keyOf, writes };
}
