import {
  type Answerer,
  type ArticleDocument,
  type CachedAnswererOptions,
  createAnswererCached,
  loadCorpus,
} from '../../src/index.js';

/** What a new reading of the corpus folder changed, by article title. */
export interface CorpusChanges {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

const sameArticle = (a: ArticleDocument, b: ArticleDocument) =>
  a.title === b.title &&
  a.source === b.source &&
  a.url === b.url &&
  a.published === b.published &&
  a.paragraphs.length === b.paragraphs.length &&
  a.paragraphs.every((paragraph, i) => paragraph === b.paragraphs[i]);

/** The articles added, changed (any field or paragraph) and removed, matched by id. */
export function diffCorpora(
  before: readonly ArticleDocument[],
  after: readonly ArticleDocument[],
): CorpusChanges {
  const old = new Map(before.map((d) => [d.id, d]));
  const now = new Set(after.map((d) => d.id));
  const added: string[] = [];
  const changed: string[] = [];
  for (const document of after) {
    const previous = old.get(document.id);
    if (!previous) added.push(document.title);
    else if (!sameArticle(previous, document)) changed.push(document.title);
  }
  const removed = before.filter((d) => !now.has(d.id)).map((d) => d.title);
  return { added, changed, removed };
}

/** One line for a person: what changed, or that nothing did, and how many articles there are now. */
export function describeCorpusChanges(changes: CorpusChanges, articleCount: number): string {
  const list = (label: string, titles: readonly string[]) =>
    titles.length > 0 ? [`${label} ${titles.map((t) => `“${t}”`).join(', ')}`] : [];
  const parts = [
    ...list('added', changes.added),
    ...list('changed', changes.changed),
    ...list('removed', changes.removed),
  ];
  const total = `${articleCount} article${articleCount === 1 ? '' : 's'} loaded`;
  if (parts.length === 0) return `Reloaded: nothing changed (${total}).`;
  const [first = '', ...rest] = parts;
  return `Reloaded: ${[first.charAt(0).toUpperCase() + first.slice(1), ...rest].join('; ')} (${total}).`;
}

/** A fresh answerer over the corpus folder, and what changed against the one it replaces. */
export interface Reloaded {
  readonly qa: Answerer;
  readonly changes: CorpusChanges;
}

/**
 * Reads the corpus folder `dir` again and builds its answerer (from the snapshot when one fits),
 * with what changed since `previous`. One small function, so a file watcher can call it too.
 *
 * @throws {CorpusError} when the folder no longer makes a corpus; the caller keeps `previous`.
 */
export async function reloadAnswerer(
  dir: string,
  previous: Pick<Answerer, 'documents'>,
  options: CachedAnswererOptions,
): Promise<Reloaded> {
  const qa = await createAnswererCached(await loadCorpus(dir), options);
  return { qa, changes: diffCorpora(previous.documents, qa.documents) };
}
