// indexing/: the corpus index built once: MiniSearch, annotations, term relations, aliases.
// May import: language, corpus, tuning, errors.
import type { WordNet } from '../language/wordnet.js';
import { type ArticleVocabulary, splitWordKey } from './article-vocabulary.js';
import {
  type IndexingTuning,
  type ReverseRelations,
  relationsOfWord,
  type WordRelation,
} from './term-relations.js';

/**
 * The corpus-wide vocabulary parts kept up to date as articles come and go, by counting how many
 * articles use each word and form: WordNet is read only for words new to the corpus and, when a
 * word leaves, for the few words that share its term. The reverse relations are the same as a
 * fresh build's; only the order of entries may differ (so ties may break otherwise).
 */
export interface LiveVocabulary {
  /** WordNet read backwards over the words in use; updated in place. */
  readonly reverse: ReverseRelations;
  addArticle(article: ArticleVocabulary): void;
  removeArticle(article: ArticleVocabulary): void;
  /** Form → term over the articles in use (a form used with several terms keeps the latest). */
  softForms(): Map<string, string>;
}

/**
 * Relations of words that left or may come back, kept so a word is read from WordNet once: the
 * vocabulary of a busy corpus over many reloads stays well under this.
 */
const RELATIONS_CACHE_LIMIT = 200_000;

/**
 * Starts counting over `articles` (the corpus as indexed), whose reverse relations are
 * `reverse` (built with the same words; it is taken over and updated in place).
 */
export function createLiveVocabulary(
  articles: Iterable<ArticleVocabulary>,
  reverse: ReverseRelations,
  wordnet: WordNet,
  tuning: IndexingTuning,
): LiveVocabulary {
  if (!(reverse instanceof Map)) throw new TypeError('live vocabulary: reverse must be a Map');
  const relations = reverse as Map<string, Map<string, number>>;
  const wordCounts = new Map<string, number>();
  const wordTerms = new Map<string, string>();
  // Built at the first removal (adding needs no look-up by term), then kept up to date.
  let wordsByTerm: Map<string, Set<string>> | null = null;
  const formCounts = new Map<string, Map<string, number>>();
  const cache = new Map<string, readonly WordRelation[]>();

  const relationsOf = (word: string): readonly WordRelation[] => {
    let found = cache.get(word);
    if (!found) {
      const { lemma, pos } = splitWordKey(word);
      found = relationsOfWord(lemma, pos, wordnet, tuning);
      if (cache.size >= RELATIONS_CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
      cache.set(word, found);
    }
    return found;
  };
  const share = (word: string, term: string, by: 1 | -1) => {
    if (!wordsByTerm) return;
    let sharing = wordsByTerm.get(term);
    if (by === 1) {
      if (!sharing) {
        sharing = new Set();
        wordsByTerm.set(term, sharing);
      }
      sharing.add(word);
    } else {
      sharing?.delete(word);
      if (sharing?.size === 0) wordsByTerm.delete(term);
    }
  };
  const sharingTerm = (term: string): Iterable<string> => {
    if (!wordsByTerm) {
      wordsByTerm = new Map();
      for (const [word, own] of wordTerms) share(word, own, 1);
    }
    return wordsByTerm.get(term) ?? [];
  };
  const countWord = (word: string, term: string, by: 1 | -1): number => {
    const count = (wordCounts.get(word) ?? 0) + by;
    if (count > 0) wordCounts.set(word, count);
    else wordCounts.delete(word);
    if (count === 1 && by === 1) {
      wordTerms.set(word, term);
      share(word, term, 1);
    } else if (count === 0) {
      wordTerms.delete(word);
      share(word, term, -1);
    }
    return count;
  };
  const countForms = (article: ArticleVocabulary, by: 1 | -1) => {
    for (let i = 0; i < article.forms.length; i += 2) {
      const form = article.forms[i] as string;
      const term = article.forms[i + 1] as string;
      let terms = formCounts.get(form);
      if (!terms) {
        terms = new Map();
        formCounts.set(form, terms);
      }
      const count = (terms.get(term) ?? 0) + by;
      // Re-inserted last, so the term of the latest article to use the form comes last.
      if (terms.size > 1) terms.delete(term);
      if (count > 0) terms.set(term, count);
      else terms.delete(term);
      if (terms.size === 0) formCounts.delete(form);
    }
  };

  /** Calls `each` with every word of `article`, its term and its count after `by`. */
  const countWords = (
    article: ArticleVocabulary,
    by: 1 | -1,
    each?: (word: string, own: string, count: number) => void,
  ) => {
    for (let i = 0; i < article.words.length; i += 2) {
      const word = article.words[i] as string;
      const own = article.words[i + 1] as string;
      const count = countWord(word, own, by);
      each?.(word, own, count);
    }
  };

  for (const article of articles) {
    countWords(article, 1);
    countForms(article, 1);
  }

  return {
    reverse: relations,
    addArticle(article) {
      countWords(article, 1, (word, own, count) => {
        if (count !== 1) return;
        for (const { key, weight } of relationsOf(word)) {
          let entry = relations.get(key);
          if (!entry) {
            entry = new Map();
            relations.set(key, entry);
          }
          entry.set(own, Math.max(entry.get(own) ?? 0, weight));
        }
      });
      countForms(article, 1);
    },
    removeArticle(article) {
      countWords(article, -1, (word, own, count) => {
        if (count !== 0) return;
        for (const { key } of relationsOf(word)) {
          const entry = relations.get(key);
          if (!entry?.has(own)) continue;
          // The strongest relation under `key` that the words still in use with this term bring.
          let best = 0;
          for (const other of sharingTerm(own)) {
            for (const relation of relationsOf(other)) {
              if (relation.key === key) best = Math.max(best, relation.weight);
            }
          }
          if (best > 0) entry.set(own, best);
          else entry.delete(own);
          if (entry.size === 0) relations.delete(key);
        }
      });
      countForms(article, -1);
    },
    softForms() {
      const forms = new Map<string, string>();
      for (const [form, terms] of formCounts) {
        let last = '';
        for (const term of terms.keys()) last = term;
        forms.set(form, last);
      }
      return forms;
    },
  };
}
