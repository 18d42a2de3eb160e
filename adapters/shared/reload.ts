import type { ArticleDocument } from '../../src/index.js';
import type { LiveCorpus, ReloadOutcome } from './live-corpus.js';
import { corpusNoun } from './wording.js';

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

/** What the REPL says about a reload, and whether it is news to print unasked. */
interface ReloadReport {
  readonly text: string;
  /** False when the reload worked and no article changed. */
  readonly news: boolean;
}

/** How the REPL follows a live corpus: its `:reload`, and the reloads the watch starts. */
export interface ReloadReports {
  /** For `:reload`: reads the folder again and says what changed since last told. */
  reload(): Promise<string>;
  /** For the watch's reloads: `tell` each one that changed something or failed. */
  watched(outcome: ReloadOutcome): void;
}

/**
 * Says, for a person, what each reload of `live` changed: the articles added, changed and removed
 * by title since the last report, or the problem and that the previous corpus still answers. A
 * reload the watch runs while `:reload` is in progress is told in `:reload`'s reply, not twice.
 */
export function createReloadReports(
  live: Pick<LiveCorpus, 'answerer' | 'reload'>,
  tell: (text: string) => void,
): ReloadReports {
  let shown = live.answerer.documents;
  let asking = 0;
  const report = (outcome: ReloadOutcome): ReloadReport => {
    const now = live.answerer.documents;
    if (!outcome.ok) {
      return {
        text: `${outcome.error.message}\nKept ${corpusNoun(now.length)} loaded before.`,
        news: true,
      };
    }
    const changes = diffCorpora(shown, now);
    shown = now;
    const news = changes.added.length + changes.changed.length + changes.removed.length > 0;
    return { text: describeCorpusChanges(changes, now.length), news };
  };
  return {
    async reload() {
      asking += 1;
      try {
        return report(await live.reload()).text;
      } finally {
        asking -= 1;
      }
    },
    watched(outcome) {
      if (asking > 0) return;
      const { text, news } = report(outcome);
      if (news) tell(text);
    },
  };
}
