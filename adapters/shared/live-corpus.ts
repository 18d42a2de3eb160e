import {
  type Answerer,
  type CorpusUpdate,
  isArticleQaError,
  loadCorpus,
  openIndexedCorpus,
  type SnapshotLogger,
} from '../../src/index.js';
import { watchCorpusFolder } from './corpus-watcher.js';
import type { Health } from './health.js';
import type { Logger } from './logger.js';
import type { BotMetrics } from './metrics.js';
import { createSnapshotLogger } from './snapshot-logger.js';

/** Options for {@link startLiveCorpus}. */
export interface LiveCorpusOptions {
  /** The corpus folder. */
  dir: string;
  logger: Logger;
  /** Follow the folder: reload when articles are added, edited or removed. @default true */
  watch?: boolean;
  /** Quiet time after a burst of changes before reloading, in ms. @default 500 */
  debounceMs?: number;
  /** Snapshot folder. @default the core's (.cache/index) */
  cacheDir?: string | undefined;
  /** Where the snapshot cache reports. @default `logger`'s info and warn */
  snapshotLogger?: SnapshotLogger;
  metrics?: Pick<BotMetrics, 'setCorpus' | 'observeReload'> | undefined;
  /** Marked `index: loaded` once the first index answers. */
  health?: Health | undefined;
  /** Told how each reload ended, after it is logged (the REPL prints a line). */
  onReload?: (outcome: ReloadOutcome) => void;
}

/** How a reload ended. */
export type ReloadOutcome =
  | { readonly ok: true; readonly update: CorpusUpdate }
  | { readonly ok: false; readonly error: Error };

/** A corpus folder followed as it changes, behind one answerer. */
export interface LiveCorpus {
  /** Always answers from the latest corpus that loaded. */
  readonly answerer: Answerer;
  /**
   * Reads the folder again and swaps in its index, reusing every unchanged article; a folder
   * that no longer loads keeps the previous corpus answering. Reloads run one at a time; asked
   * for while one runs, one more follows it.
   */
  reload(): Promise<ReloadOutcome>;
  /** Stops watching and waits for a reload in progress and the files it writes. */
  close(): Promise<void>;
}

/**
 * Loads the corpus in `dir` (from its snapshot when there is one), and — unless `watch` is
 * false — reloads it after each burst of changes to its articles. Each reload logs one line:
 * the articles added, changed and removed and the time it took, or, when an article is broken,
 * the file, the problem and the fix, once per change, while the previous corpus keeps answering.
 *
 * @throws {CorpusError} when the folder does not load at start.
 */
export async function startLiveCorpus(options: LiveCorpusOptions): Promise<LiveCorpus> {
  const { dir, logger, metrics, health } = options;
  const indexed = await openIndexedCorpus(await loadCorpus(dir), {
    logger:
      options.snapshotLogger ??
      createSnapshotLogger({
        info: (message) => logger.info(message),
        warn: (message) => logger.warn(message),
      }),
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
  });
  const corpusSize = () => {
    const { documents } = indexed.corpus;
    metrics?.setCorpus(
      documents.length,
      documents.reduce((sum, d) => sum + d.paragraphs.length, 0),
    );
  };
  corpusSize();
  health?.set({ index: 'loaded' });

  const reloadOnce = async (): Promise<ReloadOutcome> => {
    const outcome = await reloadAndLog();
    options.onReload?.(outcome);
    return outcome;
  };
  const reloadAndLog = async (): Promise<ReloadOutcome> => {
    try {
      const update = await indexed.update(await loadCorpus(dir));
      const { added, changed, removed } = update.changes;
      metrics?.observeReload(true, update.elapsedMs / 1000);
      corpusSize();
      logger.info(
        {
          added,
          changed,
          removed,
          articles: update.articles,
          paragraphs: update.paragraphs,
          analysed: update.analysed,
          fromCache: update.fromCache,
          reloadMs: Math.round(update.elapsedMs),
        },
        added.length + changed.length + removed.length > 0
          ? 'corpus reloaded'
          : 'corpus reloaded: no article changed',
      );
      return { ok: true, update };
    } catch (error) {
      metrics?.observeReload(false);
      const failure = error instanceof Error ? error : new Error(String(error));
      // A broken article is the writer's to fix: its message names the file and the fix.
      const details = isArticleQaError(failure) ? { problem: failure.message } : { err: failure };
      logger.error(details, 'corpus reload failed; still answering from the previous corpus');
      return { ok: false, error: failure };
    }
  };

  let running: Promise<ReloadOutcome> | null = null;
  let queued: Promise<ReloadOutcome> | null = null;
  const reload = (): Promise<ReloadOutcome> => {
    if (!running) {
      running = reloadOnce().finally(() => {
        running = null;
      });
      return running;
    }
    queued ??= running.then(() => {
      queued = null;
      return reload();
    });
    return queued;
  };

  indexed.prepare();
  const watcher =
    options.watch === false
      ? null
      : await watchCorpusFolder(dir, {
          ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
          onChange: (files) => {
            logger.debug({ files }, 'corpus folder changed');
            void reload();
          },
        });

  return {
    answerer: indexed.answerer,
    reload,
    async close() {
      await watcher?.close();
      await queued;
      await running;
      await indexed.settled();
    },
  };
}
