import { findContradictions } from '../../src/decision/contradictions.js';
import { indexCorpus, loadCorpus } from '../../src/index.js';
import { analyzeQuestion } from '../../src/question/question-analysis.js';
import { retrieve } from '../../src/retrieval/retriever.js';
import { assembleRetrieverParts } from '../../src/retrieval/retriever-parts.js';
import { forEachCandidate } from '../../src/short-answer/pick-short-answer.js';

/** What the pipeline sees of a question before the learned model weighs it. */
export interface PipelineView {
  /** Every short-answer candidate's text, in the order the sources offer them. */
  readonly candidates: readonly string[];
  /** The top paragraph's number (1-based, within its article). */
  readonly paragraph: number | undefined;
  /** The contradiction features of the top paragraph. */
  readonly contradictions: ReturnType<typeof findContradictions>;
}

/**
 * Runs the real stages (analysis, retrieval, candidate spans, contradictions) over a corpus
 * folder, for tests of what the hand-written stages find: which of their findings answer is
 * the learned model's call, measured by the eval rather than pinned here.
 */
export async function pipelineProbe(dir: string): Promise<(question: string) => PipelineView> {
  const corpus = await loadCorpus(dir);
  const parts = assembleRetrieverParts(corpus, indexCorpus(corpus));
  return (question) => {
    const analysis = analyzeQuestion(question, parts.wordnet, parts.tuning.question);
    const retrieval = retrieve(parts, analysis);
    const candidates: string[] = [];
    const { wordnet, vectors, tuning } = parts;
    forEachCandidate(
      analysis,
      retrieval,
      { wordnet, vectors, tuning: tuning.shortAnswer, paragraphs: tuning.shortAnswer.paragraphs },
      (visit) => candidates.push(visit.text),
    );
    const top = retrieval.ranked[0];
    return {
      candidates,
      paragraph: top?.paragraph.number,
      contradictions: top
        ? findContradictions(analysis, retrieval, top, wordnet, tuning.decision.subjectMatch)
        : { negation: false, subject: false, antonym: false },
    };
  };
}
