// indexing/: the corpus index built once: MiniSearch, annotations, term relations, aliases.
// May import: language, corpus, tuning, errors.
import type { Corpus } from '../corpus/load-corpus.js';
import type { ArticleDocument } from '../corpus/parse-article.js';
import { analyzeText } from '../language/text-analysis.js';
import { openWordNet } from '../language/wordnet.js';
import type { Tuning } from '../tuning.js';
import type { Alias } from './aliases.js';
import { indexTerms } from './annotated-paragraphs.js';
import { type CompactAnnotations, createAnnotationsBuilder } from './annotation-columns.js';
import {
  type ArticleVocabulary,
  collectVocabulary,
  mergeVocabularies,
  splitWordKey,
} from './article-vocabulary.js';
import { createParagraphIndex, type MutableParagraphIndex } from './search-index.js';
import { findReverseRelations, type ReverseRelations } from './term-relations.js';

/**
 * Everything worked out from a corpus's text at index time, in the compact form that is kept in
 * memory and in the snapshot file: the annotations, the full-text index, WordNet read backwards
 * over the vocabulary, and the words the soft matcher compares against.
 */
export interface CorpusIndex {
  readonly annotations: CompactAnnotations;
  readonly index: MutableParagraphIndex;
  readonly reverseRelations: ReverseRelations;
  /** Lower-cased corpus form → term, in corpus order. */
  readonly softForms: ReadonlyMap<string, string>;
  /** People and the roles the corpus gives them. */
  readonly aliases: readonly Alias[];
  /** What each article brings to the three parts above, in corpus order (to reload by article). */
  readonly articles: readonly ArticleVocabulary[];
  /** The tuning it was built with; the answerer made from it answers with the same. */
  readonly tuning: Tuning;
}

/** Options for {@link buildCorpusIndex}. */
export interface BuildCorpusIndexOptions {
  /**
   * The annotations of an article analysed before (from the article cache), or undefined to
   * analyse it now. Decoded annotations are the analysis itself, so the index is the same.
   */
  analysed?: (document: ArticleDocument) => CompactAnnotations | undefined;
}

/**
 * Analyses every paragraph of `corpus` once (or takes its analysis from `options.analysed`) and
 * builds its {@link CorpusIndex} with `tuning`.
 */
export function buildCorpusIndex(
  corpus: Corpus,
  tuning: Tuning,
  options: BuildCorpusIndexOptions = {},
): CorpusIndex {
  const builder = createAnnotationsBuilder();
  // A WordNet of its own: its caches grow with the whole vocabulary and go once this is done.
  const wordnet = openWordNet(tuning.language.wordnet);
  const articles: ArticleVocabulary[] = [];
  function* analysed(): Generator<readonly string[]> {
    for (const document of corpus.documents) {
      const cached = options.analysed?.(document);
      const vocabulary = collectVocabulary(wordnet, tuning.indexing.aliases);
      for (const [i, text] of document.paragraphs.entries()) {
        const analysis = cached ? cached.decode(i, text) : analyzeText(text);
        builder.add(analysis);
        vocabulary.add(analysis);
        yield indexTerms(analysis);
      }
      articles.push(vocabulary.finish());
    }
  }
  const index = createParagraphIndex(analysed());
  const { words, softForms, aliases } = mergeVocabularies(articles);
  const reverseRelations = findReverseRelations(
    [...words].map(splitWordKey),
    index,
    wordnet,
    tuning.indexing,
  );
  return {
    annotations: builder.finish(),
    index,
    reverseRelations,
    softForms,
    aliases,
    articles,
    tuning,
  };
}
