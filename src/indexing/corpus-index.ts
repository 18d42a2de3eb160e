// indexing/: the corpus index built once: MiniSearch, annotations, term relations, aliases.
// May import: language, corpus, tuning, errors.
import type { Corpus } from '../corpus/load-corpus.js';
import { analyzeText } from '../language/text-analysis.js';
import { openWordNet } from '../language/wordnet.js';
import type { Tuning } from '../tuning.js';
import { type Alias, findAliases } from './aliases.js';
import { indexTerms } from './annotated-paragraphs.js';
import { type CompactAnnotations, createAnnotationsBuilder } from './annotation-columns.js';
import { createParagraphIndex, type ParagraphIndex } from './search-index.js';
import { addSoftForms } from './soft-matches.js';
import { findReverseRelations, type ReverseRelations } from './term-relations.js';

/**
 * Everything worked out from a corpus's text at index time, in the compact form that is kept in
 * memory and in the snapshot file: the annotations, the full-text index, WordNet read backwards
 * over the vocabulary, and the words the soft matcher compares against.
 */
export interface CorpusIndex {
  readonly annotations: CompactAnnotations;
  readonly index: ParagraphIndex;
  readonly reverseRelations: ReverseRelations;
  /** Lower-cased corpus form → term, in corpus order. */
  readonly softForms: ReadonlyMap<string, string>;
  /** People and the roles the corpus gives them. */
  readonly aliases: readonly Alias[];
  /** The tuning it was built with; the answerer made from it answers with the same. */
  readonly tuning: Tuning;
}

/** Analyses every paragraph of `corpus` once and builds its {@link CorpusIndex} with `tuning`. */
export function buildCorpusIndex(corpus: Corpus, tuning: Tuning): CorpusIndex {
  const builder = createAnnotationsBuilder();
  const words = new Map<string, { lemma: string; pos: string }>();
  const softForms = new Map<string, string>();
  // A WordNet of its own: its caches grow with the whole vocabulary and go once this is done.
  const wordnet = openWordNet(tuning.language.wordnet);
  const aliases: Alias[] = [];
  function* analysed(): Generator<readonly string[]> {
    for (const document of corpus.documents) {
      for (const text of document.paragraphs) {
        const analysis = analyzeText(text);
        builder.add(analysis);
        addSoftForms(softForms, analysis.tokens);
        aliases.push(...findAliases(analysis.tokens, wordnet, tuning.indexing.aliases));
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
  const reverseRelations = findReverseRelations(words.values(), index, wordnet, tuning.indexing);
  return { annotations: builder.finish(), index, reverseRelations, softForms, aliases, tuning };
}
