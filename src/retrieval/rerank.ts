// retrieval/: question words matched to the corpus, candidate paragraphs and their ranking.
// May import: model, question, indexing, language, corpus, tuning.
import type { Token } from '../language/text-analysis.js';
import type { DenseModel } from '../model/answer-model.js';
import { scoreDense, softmax } from '../model/scoring.js';
import { paragraphFeatures } from './paragraph-features.js';
import type { QuestionWord } from './question-words.js';
import type { ParagraphScore } from './ranking.js';

/** A candidate paragraph in the learned order. */
export interface RankedParagraph extends ParagraphScore {
  /** The re-ranker's score (a logit; comparable only within one question). */
  readonly learnedScore: number;
  /** The re-ranker's chance that this is the paragraph that answers, among the candidates. */
  readonly probability: number;
  /** The re-ranker's input, kept for the stages after it and for training. */
  readonly features: readonly number[];
}

/**
 * Orders the candidates (given in the hand-weighted order, best first) by the learned
 * re-ranker; only the first `limit` are re-ranked (the model was trained on as many), the rest
 * follow in their order with probability 0.
 */
export function rerankParagraphs(
  candidates: readonly ParagraphScore[],
  words: readonly QuestionWord[],
  mainVerb: Token | null,
  model: DenseModel,
  limit: number,
): RankedParagraph[] {
  const head = candidates.slice(0, limit).map((scored, i) => {
    const features = paragraphFeatures(scored, i, words, mainVerb);
    return { scored, features, learned: scoreDense(model, features) };
  });
  const chances = softmax(head.map((c) => c.learned));
  const ranked: RankedParagraph[] = head
    .map((c, i) => ({
      ...c.scored,
      learnedScore: c.learned,
      probability: chances[i] as number,
      features: c.features,
    }))
    // Stable: equal scores keep the hand-weighted order.
    .sort((a, b) => b.learnedScore - a.learnedScore);
  const lowest = ranked.at(-1)?.learnedScore ?? 0;
  for (const scored of candidates.slice(limit)) {
    ranked.push({ ...scored, learnedScore: lowest, probability: 0, features: [] });
  }
  return ranked;
}
