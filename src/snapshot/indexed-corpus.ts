// snapshot/: the index snapshot file, its key, and the cache folder that keeps snapshots.
// May import: answerer.ts and every stage below it.
import { basename, resolve } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { type Answerer, createAnswererFromIndex } from '../answerer.js';
import type { Corpus } from '../corpus/load-corpus.js';
import type { ArticleDocument } from '../corpus/parse-article.js';
import type { CompactAnnotations } from '../indexing/annotation-columns.js';
import {
  analyseArticle,
  applyCorpusChange,
  type IndexedArticle,
  indexedTerms,
  type LiveIndexState,
  type NextArticle,
  openLiveIndex,
  type RemovedArticle,
} from '../indexing/live-index.js';
import { openWordNet } from '../language/wordnet.js';
import { articleKey, readArticleFile } from './article-file.js';
import { articlePath } from './cache-folder.js';
import { DEFAULT_INDEX_CACHE_DIR, type IndexedCorpusOptions } from './cache-options.js';
import { writeArticles, writeSnapshot } from './cache-writes.js';
import { startIndex } from './start-index.js';

/**
 * How long after the last update the corpus snapshot is written: a burst of edits is saved once,
 * and the second or more it takes to work out a large corpus's snapshot (the event loop is busy
 * meanwhile) comes while the corpus is quiet, not right after each swap.
 */
const DEFAULT_SNAPSHOT_DELAY_MS = 30_000;

/** The articles a reload added, changed and removed, by file name. */
export interface CorpusChanges {
  readonly added: readonly string[];
  /** Same file, other text or other front matter. */
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

/** What one {@link IndexedCorpus.update} did, for its log line. */
export interface CorpusUpdate {
  readonly changes: CorpusChanges;
  /** Articles whose text was analysed now (new text). */
  readonly analysed: number;
  /** Articles whose analysis came from the article cache of the snapshot folder. */
  readonly fromCache: number;
  /** The corpus now answered from. */
  readonly articles: number;
  readonly paragraphs: number;
  /** From the start of the update until the new corpus answered, in milliseconds. */
  readonly elapsedMs: number;
}

/**
 * A corpus and its index, kept up to date article by article. {@link IndexedCorpus.answerer}
 * is one answerer for the life of the process that always answers from the latest corpus: an
 * update swaps the index under it in one synchronous step, so each question is answered wholly
 * from the corpus before or wholly from the one after.
 */
export interface IndexedCorpus {
  readonly answerer: Answerer;
  /** The corpus answered from now. */
  readonly corpus: Corpus;
  /**
   * Brings the index to `next`, reusing what it can: articles whose text is unchanged keep their
   * analysis and their place in the search index, articles seen before (in the article cache)
   * are read back, and only new text is analysed. Updates run one at a time, in call order.
   * The snapshot files for the next start are written after the swap; see {@link settled}.
   *
   * @throws {ConfigError} never; errors of the analysis propagate and leave the index as it was.
   */
  update(next: Corpus): Promise<CorpusUpdate>;
  /**
   * Writes now the snapshot an update has scheduled (see `snapshotDelayMs`), and resolves once
   * every cache file of the last build or update is written (or failed, logged). A process
   * calls it before it exits.
   */
  settled(): Promise<void>;
  /**
   * Works out now what updates work on (each article's key, the vocabulary counts: under a
   * second for 100,000 paragraphs), so the first update is as quick as the next; a process that
   * will follow its corpus calls it once after start. Otherwise the first update does it.
   */
  prepare(): void;
}

/**
 * Loads or builds the index of `corpus` as {@link createAnswererCached} does, and returns it
 * ready to be updated: the core of a bot that follows its corpus folder.
 *
 * @example
 * const indexed = await openIndexedCorpus(await loadCorpus('corpus'), { logger });
 * const report = await indexed.update(await loadCorpus('corpus'));
 *
 * @throws {ConfigError} when `options.tuning` names an unknown number or gives a bad value.
 */
export async function openIndexedCorpus(
  corpus: Corpus,
  options: IndexedCorpusOptions,
): Promise<IndexedCorpus> {
  const { logger } = options;
  const folder = resolve(options.cacheDir ?? DEFAULT_INDEX_CACHE_DIR);
  const started = await startIndex(corpus, { ...options, cacheDir: folder });
  let current = { corpus, built: started.built, key: started.key };
  let answerer = createAnswererFromIndex(corpus, started.built);
  let pending: Promise<unknown> = started.writes;
  // The snapshot on disk, and the timer that will replace it once the corpus is quiet.
  let saved = started.key;
  let snapshotTimer: NodeJS.Timeout | undefined;
  const snapshotDelayMs = options.snapshotDelayMs ?? DEFAULT_SNAPSHOT_DELAY_MS;
  const warnUnsaved = (error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    logger.warn(`article-qa: the reloaded index was not saved to ${folder}: ${reason}`);
  };
  const saveNow = (): void => {
    clearTimeout(snapshotTimer);
    snapshotTimer = undefined;
    if (current.key === saved) return;
    const write = {
      folder,
      built: current.built,
      key: current.key,
      inUse: new Set(current.corpus.documents.map((document) => articleKey(document))),
      replaces: saved,
    };
    saved = current.key;
    try {
      pending = Promise.all([pending, writeSnapshot(write).catch(warnUnsaved)]);
    } catch (error) {
      warnUnsaved(error);
    }
  };
  let opened: LiveIndexState | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  // One WordNet for the life of the index: reverse relations of words new to the corpus.
  const wordnet = openWordNet(started.built.tuning.language.wordnet);

  const prepare = (): LiveIndexState => {
    opened ??= openLiveIndex(
      current.corpus,
      current.built,
      current.corpus.documents.map((document) => articleKey(document)),
      wordnet,
    );
    return opened;
  };

  const update = async (next: Corpus): Promise<CorpusUpdate> => {
    const t0 = performance.now();
    const keys = next.documents.map((document) => articleKey(document));
    let state = prepare();
    const pool = new Map<string, IndexedArticle[]>();
    for (const article of state.articles)
      pool.set(article.key, [...(pool.get(article.key) ?? []), article]);
    const nextArticles: NextArticle[] = [];
    const analysed: { key: string; annotations: CompactAnnotations }[] = [];
    let fromCache = 0;
    for (const [i, document] of next.documents.entries()) {
      const key = keys[i] as string;
      const same = pool.get(key) ?? [];
      const kept = same.find((a) => a.document.file === document.file) ?? same[0];
      if (kept) {
        same.splice(same.indexOf(kept), 1);
        nextArticles.push({ document, key, kept });
        continue;
      }
      const cached = await readArticleFile(document, key, articlePath(folder, key));
      const analysis = await analyseArticle(
        document,
        wordnet,
        current.built,
        cached ?? undefined,
        () => nextTurn(),
      );
      if (cached) fromCache += 1;
      else analysed.push({ key, annotations: analysis.annotations });
      nextArticles.push({ document, key, analysis });
    }
    const removed: RemovedArticle[] = [...pool.values()]
      .flat()
      .map((article) => ({ article, terms: indexedTerms(article) }));

    // The swap: from here to the assignment of `answerer`, nothing awaits.
    const previous = state.articles;
    state = applyCorpusChange(state, nextArticles, removed);
    opened = state;
    const key = started.keyOf(next);
    current = { corpus: next, built: state.built, key };
    answerer = createAnswererFromIndex(next, state.built);
    const elapsedMs = performance.now() - t0;

    // New articles' files now (small); the corpus snapshot, whose bytes take a second or more
    // to work out for a large corpus, once the corpus has been quiet for a while.
    pending = Promise.all([pending, writeArticles(folder, analysed).catch(warnUnsaved)]);
    clearTimeout(snapshotTimer);
    snapshotTimer = setTimeout(saveNow, snapshotDelayMs);
    snapshotTimer.unref();
    return {
      changes: diffCorpora(previous, next.documents, keys),
      analysed: analysed.length,
      fromCache,
      articles: next.documents.length,
      paragraphs: next.documents.reduce((sum, d) => sum + d.paragraphs.length, 0),
      elapsedMs,
    };
  };

  return {
    answerer: {
      get documents() {
        return answerer.documents;
      },
      answerQuestion: (question, askOptions) => answerer.answerQuestion(question, askOptions),
      getParagraph: (documentId, number) => answerer.getParagraph(documentId, number),
    },
    get corpus() {
      return current.corpus;
    },
    update(next) {
      const run = queue.then(() => update(next));
      queue = run.catch(() => undefined);
      return run;
    },
    settled: () => {
      saveNow();
      return pending.then(() => undefined);
    },
    prepare: () => {
      prepare();
    },
  };
}

/** Added, changed and removed articles by file name, from the previous articles and the next. */
function diffCorpora(
  previous: readonly IndexedArticle[],
  next: readonly ArticleDocument[],
  keys: readonly string[],
): CorpusChanges {
  const name = (document: ArticleDocument) => basename(document.file);
  const before = new Map(previous.map((article) => [name(article.document), article]));
  const added: string[] = [];
  const changed: string[] = [];
  const now = new Set<string>();
  next.forEach((document, i) => {
    const file = name(document);
    now.add(file);
    const article = before.get(file);
    if (!article) added.push(file);
    else if (article.key !== keys[i] || !sameFrontMatter(article.document, document)) {
      changed.push(file);
    }
  });
  return { added, changed, removed: [...before.keys()].filter((file) => !now.has(file)) };
}

const sameFrontMatter = (a: ArticleDocument, b: ArticleDocument) =>
  a.title === b.title && a.source === b.source && a.url === b.url && a.published === b.published;
