// retrieval/: question words matched to the corpus, candidate paragraphs and their ranking.
// May import: question, indexing, language, corpus, tuning.
import type { Corpus } from '../corpus/load-corpus.js';
import { type AliasTable, createAliasTable } from '../indexing/aliases.js';
import {
  type AnnotatedParagraph,
  createAnnotatedParagraphs,
} from '../indexing/annotated-paragraphs.js';
import type { CorpusIndex } from '../indexing/corpus-index.js';
import type { ParagraphIndex } from '../indexing/search-index.js';
import { createSoftMatcherFrom, type SoftMatcher } from '../indexing/soft-matches.js';
import { createTermRelationsFrom, type TermRelations } from '../indexing/term-relations.js';
import { loadWordVectors } from '../language/word-vectors.js';
import { openWordNet, type WordNet } from '../language/wordnet.js';
import type { Tuning } from '../tuning.js';

/** The language resources and index a retriever works with. */
export interface RetrieverParts {
  readonly paragraphs: readonly AnnotatedParagraph[];
  readonly index: ParagraphIndex;
  readonly relations: TermRelations;
  readonly soft: SoftMatcher;
  readonly wordnet: WordNet;
  readonly aliases: AliasTable;
  /** The tuning the index was built with, for every question-time stage. */
  readonly tuning: Tuning;
}

/**
 * Puts the question-time parts (WordNet, word vectors, lazily decoded paragraphs) around a
 * corpus index built before or read from a snapshot.
 */
export function assembleRetrieverParts(corpus: Corpus, built: CorpusIndex): RetrieverParts {
  const vectors = loadWordVectors();
  const { index, tuning } = built;
  const wordnet = openWordNet(tuning.language.wordnet);
  return {
    paragraphs: createAnnotatedParagraphs(corpus, built.annotations),
    index,
    relations: createTermRelationsFrom(
      built.reverseRelations,
      index,
      wordnet,
      tuning.indexing,
      vectors.has,
    ),
    soft: createSoftMatcherFrom(built.softForms, vectors, tuning.indexing.softMatch),
    wordnet,
    aliases: createAliasTable(built.aliases, tuning.indexing.aliases),
    tuning,
  };
}
