// indexing/: the corpus index built once: MiniSearch, annotations, term relations, aliases.
// May import: language, corpus, tuning, errors.
import type { TextAnalysis } from '../language/text-analysis.js';
import type { WordNet } from '../language/wordnet.js';
import { type Alias, findAliases } from './aliases.js';
import { addSoftForms } from './soft-matches.js';
import type { IndexingTuning } from './term-relations.js';

/**
 * What one article brings to the corpus-wide vocabulary parts of the index (the words WordNet is
 * read backwards for, the soft-match forms, the aliases). Merged in corpus order, the articles'
 * vocabularies give exactly what one pass over the whole corpus gives, so a corpus can be indexed
 * from articles analysed at different times.
 */
export interface ArticleVocabulary {
  /**
   * Distinct content words as flat pairs `[key, term, key, term…]` in order of first use: the
   * word's key (`lemma|pos`, see {@link wordKey}) and its index term.
   */
  readonly words: readonly string[];
  /** Soft-match forms as flat pairs `[form, term, form, term…]`, each form once (its last term). */
  readonly forms: readonly string[];
  /** People and their roles, as found paragraph by paragraph. */
  readonly aliases: readonly Alias[];
}

/** Collects one article's {@link ArticleVocabulary} while its paragraphs are analysed. */
export interface VocabularyCollector {
  add(analysis: TextAnalysis): void;
  finish(): ArticleVocabulary;
}

/** Starts collecting the vocabulary of one article. */
export function collectVocabulary(
  wordnet: WordNet,
  tuning: IndexingTuning['aliases'],
): VocabularyCollector {
  const words = new Map<string, string>();
  const forms = new Map<string, string>();
  const aliases: Alias[] = [];
  return {
    add(analysis) {
      addSoftForms(forms, analysis.tokens);
      aliases.push(...findAliases(analysis.tokens, wordnet, tuning));
      for (const token of analysis.tokens) {
        if (token.term && !token.isStopWord) words.set(wordKey(token.lemma, token.pos), token.term);
      }
    },
    finish: () => ({ words: [...words].flat(), forms: [...forms].flat(), aliases }),
  };
}

/** The key of a content word: its lemma and part of speech. */
export function wordKey(lemma: string, pos: string): string {
  return `${lemma}|${pos}`;
}

/** The lemma and part of speech a {@link wordKey} was made of (tags never hold a `|`). */
export function splitWordKey(key: string): { lemma: string; pos: string } {
  const bar = key.lastIndexOf('|');
  return { lemma: key.slice(0, bar), pos: key.slice(bar + 1) };
}

/**
 * Merges article vocabularies in corpus order into the corpus-wide parts: the words (first use
 * first), the soft-match forms (a form keeps the term of its last use) and the aliases.
 */
export function mergeVocabularies(articles: Iterable<ArticleVocabulary>): {
  words: Set<string>;
  softForms: Map<string, string>;
  aliases: Alias[];
} {
  const words = new Set<string>();
  const softForms = new Map<string, string>();
  const aliases: Alias[] = [];
  for (const article of articles) {
    for (let i = 0; i < article.words.length; i += 2) words.add(article.words[i] as string);
    for (let i = 0; i < article.forms.length; i += 2) {
      softForms.set(article.forms[i] as string, article.forms[i + 1] as string);
    }
    aliases.push(...article.aliases);
  }
  return { words, softForms, aliases };
}
