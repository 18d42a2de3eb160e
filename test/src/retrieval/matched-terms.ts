import type { Corpus } from '../../../src/corpus/load-corpus.js';
import { indexCorpus } from '../../../src/index.js';
import { analyzeQuestion } from '../../../src/question/question-analysis.js';
import { retrieve } from '../../../src/retrieval/retriever.js';
import { assembleRetrieverParts } from '../../../src/retrieval/retriever-parts.js';

/**
 * The words of the first paragraph that the question reached, through any kind of match (its own
 * words, WordNet relations, word vectors, learned aliases): what ranking saw, which highlights no
 * longer show since they mark only the question's own words.
 */
export function reachedWords(corpus: Corpus, question: string): string[] {
  const built = indexCorpus(corpus);
  const parts = assembleRetrieverParts(corpus, built);
  const retrieval = retrieve(
    parts,
    analyzeQuestion(question, parts.wordnet, parts.tuning.question),
  );
  const [best] = retrieval.ranked;
  if (!best) return [];
  return best.paragraph.analysis.tokens
    .filter((token) => token.term && best.matchedTerms.has(token.term))
    .map((token) => token.text);
}
