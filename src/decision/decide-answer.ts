// decision/: answered, "here is what the article says" or "not in the article", and confidence.
// May import: short-answer, retrieval, question, indexing, language, model, tuning.
import type { ParagraphIndex } from '../indexing/search-index.js';
import type { WordVectors } from '../language/word-vectors.js';
import type { WordNet } from '../language/wordnet.js';
import type { AnswerModel } from '../model/answer-model.js';
import { checkFeatures, scoreDense, sigmoid } from '../model/scoring.js';
import type { QuestionAnalysis } from '../question/question-analysis.js';
import { PARAGRAPH_FEATURES } from '../retrieval/paragraph-features.js';
import type { RankedParagraph } from '../retrieval/rerank.js';
import type { Retrieval } from '../retrieval/retriever.js';
import type { ShortAnswer, ShortAnswerPick } from '../short-answer/pick-short-answer.js';
import type { Tuning } from '../tuning.js';
import { ANSWERABLE_FEATURES, answerableFeatures } from './answerable-features.js';
import { CALIBRATION_FEATURES, calibrationFeatures, describePick } from './calibration-features.js';
import { type Contradictions, findContradictions } from './contradictions.js';

/** The three outcomes and how sure each decision is. */
export interface AnswerDecision {
  /** False: "not in the article" — the corpus very likely does not answer the question. */
  readonly answered: boolean;
  /** The short answer shown, only when answered and likely right. */
  readonly shortAnswer: ShortAnswer | null;
  /** Calibrated chances: that the corpus answers; that the best short answer found is right. */
  readonly confidence: { readonly answered: number; readonly answer: number | null };
  /** The paragraphs in their final order: the shown short answer's paragraph first. */
  readonly ranked: readonly RankedParagraph[];
}

/** What the decision reads besides the question's analysis, retrieval and pick. */
export interface DecisionParts {
  readonly index: ParagraphIndex;
  readonly vectors: WordVectors;
  readonly wordnet: WordNet;
  readonly model: AnswerModel;
  readonly tuning: Tuning;
}

/** The model's two chances for a question, before the thresholds apply. */
export interface DecisionChances {
  readonly answerable: number;
  /** Null when there was no candidate span at all. */
  readonly right: number | null;
  readonly contradictions: Contradictions;
}

/** Works out the calibrated chances that the corpus answers and that the pick is right. */
export function estimateChances(
  question: QuestionAnalysis,
  retrieval: Retrieval,
  pick: ShortAnswerPick,
  parts: DecisionParts,
): DecisionChances {
  const top = retrieval.ranked[0];
  const contradictions: Contradictions = top
    ? findContradictions(
        question,
        retrieval,
        top,
        parts.wordnet,
        parts.tuning.decision.subjectMatch,
      )
    : { negation: false, subject: false, antonym: false };
  const right = pick.best
    ? sigmoid(
        scoreDense(
          parts.model.calibration,
          calibrationFeatures(describePick(question, retrieval, pick, contradictions)),
        ),
      )
    : null;
  const answerable = top
    ? sigmoid(
        scoreDense(
          parts.model.answerable,
          answerableFeatures(retrieval, contradictions, right, parts),
        ),
      )
    : 0;
  return { answerable, right, contradictions };
}

/**
 * Decides among the three outcomes: a short answer with its excerpts (the corpus answers and
 * the answer is likely right), the best excerpts alone ("here is what the article says"), or
 * "not in the article". The thresholds are the model's, set in training for few false "not in
 * the article" and for shown answers that are right most of the time.
 */
export function decideAnswer(
  question: QuestionAnalysis,
  retrieval: Retrieval,
  pick: ShortAnswerPick,
  parts: DecisionParts,
): AnswerDecision {
  const chances = estimateChances(question, retrieval, pick, parts);
  const { thresholds } = parts.model;
  const answered = retrieval.ranked.length > 0 && chances.answerable >= thresholds.answered;
  const shown =
    answered && pick.best && chances.right !== null && chances.right >= thresholds.answer
      ? pick.best
      : null;
  const ranked = shown
    ? [shown.paragraph, ...retrieval.ranked.filter((p) => p !== shown.paragraph)]
    : retrieval.ranked;
  return {
    answered,
    shortAnswer: shown,
    confidence: { answered: chances.answerable, answer: chances.right },
    ranked,
  };
}

/**
 * Checks that a model's dense parts were trained on the features this code computes.
 *
 * @throws {ConfigError} when one was not (an older or newer model file): retrain it.
 */
export function checkAnswerModel(model: AnswerModel): void {
  checkFeatures(model.ranking, PARAGRAPH_FEATURES, 'paragraph re-ranking');
  checkFeatures(model.calibration, CALIBRATION_FEATURES, 'short-answer calibration');
  checkFeatures(model.answerable, ANSWERABLE_FEATURES, 'answerable');
}
