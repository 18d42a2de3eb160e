import type { Corpus } from '../corpus/load-corpus.js';
import { analyzeText } from '../language/text-analysis.js';
import { loadWordVectors } from '../language/word-vectors.js';
import { openWordNet } from '../language/wordnet.js';
import type { RetrieverParts } from '../retrieval/retriever.js';
import { type Alias, createAliasTable, findAliases } from './aliases.js';
import { createAnnotatedParagraphs, indexTerms } from './annotated-paragraphs.js';
import { type CompactAnnotations, createAnnotationsBuilder } from './annotation-columns.js';
import { createParagraphIndex, type ParagraphIndex } from './search-index.js';
import { addSoftForms, createSoftMatcherFrom } from './soft-matches.js';
import {
  createTermRelationsFrom,
  findReverseRelations,
  type ReverseRelations,
} from './term-relations.js';

/**
 * Everything worked out from a corpus's text at index time, in the compact form that is kept in
 * memory and in the snapshot file: the annotations, the full-text index, WordNet read backwards
 * over the vocabulary, and the words the soft matcher compares against.
 */
export interface CompactIndex {
  readonly annotations: CompactAnnotations;
  readonly index: ParagraphIndex;
  readonly reverseRelations: ReverseRelations;
  /** Lower-cased corpus form → term, in corpus order. */
  readonly softForms: ReadonlyMap<string, string>;
  /** People and the roles the corpus gives them. */
  readonly aliases: readonly Alias[];
}

/** Analyses every paragraph of `corpus` once and builds its {@link CompactIndex}. */
export function buildCompactIndex(corpus: Corpus): CompactIndex {
  const builder = createAnnotationsBuilder();
  const words = new Map<string, { lemma: string; pos: string }>();
  const softForms = new Map<string, string>();
  // A WordNet of its own: its caches grow with the whole vocabulary and go once this is done.
  const wordnet = openWordNet();
  const aliases: Alias[] = [];
  function* analysed(): Generator<readonly string[]> {
    for (const document of corpus.documents) {
      for (const text of document.paragraphs) {
        const analysis = analyzeText(text);
        builder.add(analysis);
        addSoftForms(softForms, analysis.tokens);
        aliases.push(...findAliases(analysis.tokens, wordnet));
        for (const token of analysis.tokens) {
          if (token.term && !token.isStopWord) {
            words.set(`${token.lemma}|${token.pos}`, { lemma: token.lemma, pos: token.pos });
          }
        }
        yield indexTerms(analysis);
      }
    }
  }
  const index = createParagraphIndex(analysed());
  const reverseRelations = findReverseRelations(words.values(), index, wordnet);
  return { annotations: builder.finish(), index, reverseRelations, softForms, aliases };
}

/** Puts the question-time parts (WordNet, word vectors, lazy paragraphs) around a compact index. */
export function assembleRetrieverParts(corpus: Corpus, compact: CompactIndex): RetrieverParts {
  const vectors = loadWordVectors();
  const wordnet = openWordNet();
  const { index } = compact;
  return {
    paragraphs: createAnnotatedParagraphs(corpus, compact.annotations),
    index,
    relations: createTermRelationsFrom(compact.reverseRelations, index, wordnet, vectors.has),
    soft: createSoftMatcherFrom(compact.softForms, vectors),
    wordnet,
    aliases: createAliasTable(compact.aliases),
  };
}
