import { basename, extname } from 'node:path';
import { type FSWatcher, watch } from 'chokidar';

/** A watch on a corpus folder. */
export interface CorpusWatcher {
  close(): Promise<void>;
}

/** Options for {@link watchCorpusFolder}. */
export interface CorpusWatcherOptions {
  /**
   * Quiet time after the last change before `onChange` runs: copying a batch of articles, or an
   * editor saving in several writes, makes one reload. @default 500
   */
  debounceMs?: number;
  /** Called once per burst of changes with the article files that changed (paths as seen). */
  onChange(files: readonly string[]): void;
}

const ARTICLE_EXTENSIONS = new Set(['.md', '.txt']);

/** Files the corpus loader reads: `.md` and `.txt`, not hidden (editors' swap files are). */
function isArticleFile(path: string): boolean {
  const name = basename(path);
  return !name.startsWith('.') && ARTICLE_EXTENSIONS.has(extname(name).toLowerCase());
}

/**
 * Watches the articles of `dir` (chokidar: inotify on Linux; an editor's atomic save is one burst
 * of changes like any other) and reports each burst of additions, edits and removals once, after
 * `debounceMs` of quiet. Resolves once the watch is in place.
 */
export async function watchCorpusFolder(
  dir: string,
  options: CorpusWatcherOptions,
): Promise<CorpusWatcher> {
  const debounceMs = options.debounceMs ?? 500;
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(dir, {
    ignoreInitial: true,
    depth: 0,
    // chokidar would hold every event 100 ms to fold an editor's atomic save (a temporary file
    // renamed over the article); the debounce below folds such bursts already.
    atomic: false,
    ignored: (path, stats) => Boolean(stats?.isFile()) && !isArticleFile(path),
  });
  const note = (path: string) => {
    if (!isArticleFile(path)) return;
    changed.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...changed];
      changed.clear();
      options.onChange(files);
    }, debounceMs);
  };
  watcher.on('add', note).on('change', note).on('unlink', note);
  await new Promise<void>((resolve, reject) => {
    watcher.once('ready', resolve).once('error', reject);
  });
  return {
    async close() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
