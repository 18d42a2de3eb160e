// Runs the answering pipeline's own stages over the training questions and keeps what each
// model learns from. Two passes: the re-ranker's features first (they do not depend on any
// learned model), then, with each article's paragraphs ordered by a re-ranker that never saw
// that article, the short-answer candidates and the decision's features.
import { answerableFeatures } from '../src/decision/answerable-features.js';
import type { CalibrationInput } from '../src/decision/calibration-features.js';
import { findContradictions } from '../src/decision/contradictions.js';
import { bestOverGold, f1Score } from '../src/eval/squad-metrics.js';
import { indexCorpus } from '../src/index.js';
import type { AnswerModel, DenseModel } from '../src/model/answer-model.js';
import { analyzeQuestion, type QuestionAnalysis } from '../src/question/question-analysis.js';
import { retrieve } from '../src/retrieval/retriever.js';
import { assembleRetrieverParts, type RetrieverParts } from '../src/retrieval/retriever-parts.js';
import { forEachCandidate } from '../src/short-answer/pick-short-answer.js';
import type { OffTopicSource, QuestionKind, TrainingArticle } from './dataset.js';
import type { SparseVector } from './softmax-regression.js';
import type { SparseStore } from './sparse-store.js';

/** A question as analysed once, with where it comes from. */
export interface AnalysedQuestion {
  readonly article: number;
  readonly fold: number;
  readonly kind: QuestionKind;
  readonly source?: OffTopicSource;
  readonly analysis: QuestionAnalysis;
  readonly paragraph: number;
  readonly answers: readonly string[];
}

/** The re-ranker's training rows of one question: its candidates' features and the gold one. */
export interface RankingRows {
  readonly rows: readonly (readonly number[])[];
  /** Which of the rows is the gold paragraph, -1 when none is. */
  readonly gold: number;
}

/** A short-answer candidate as training keeps it. */
export interface StoredCandidate {
  readonly vector: SparseVector;
  /** F1 of its text with the best gold answer (0 for a question without one). */
  readonly f1: number;
  /** Place of its paragraph in the learned order, and that paragraph's re-ranker chance. */
  readonly paragraphRank: number;
  readonly paragraphProbability: number;
  /** Share of the question its sentence holds. */
  readonly sentenceCoverage: number;
}

/** What the second pass keeps of one question. */
export interface DecisionRows {
  /** Whether the gold paragraph came first / among the first three (answerable questions). */
  readonly top1: boolean;
  readonly top3: boolean;
  /** The answerable features but the last two, which need the calibrated pick. */
  readonly answerable: readonly number[];
  /** The calibration's input but for the pick, which the span model decides. */
  readonly calibration: Omit<
    CalibrationInput,
    | 'probability'
    | 'margin'
    | 'candidates'
    | 'paragraphProbability'
    | 'paragraphRank'
    | 'sentenceCoverage'
  >;
  readonly candidates: readonly StoredCandidate[];
}

/** Indexes every article and analyses every question (no learned model is involved). */
export function prepare(
  articles: readonly TrainingArticle[],
  baseModel: AnswerModel,
): { parts: RetrieverParts[]; questions: AnalysedQuestion[] } {
  const parts = articles.map((a) =>
    assembleRetrieverParts(a.corpus, indexCorpus(a.corpus), baseModel),
  );
  const questions: AnalysedQuestion[] = [];
  articles.forEach((article, at) => {
    const { wordnet, tuning } = parts[at] as RetrieverParts;
    for (const q of article.questions) {
      questions.push({
        article: at,
        fold: article.fold,
        kind: q.kind,
        ...(q.source ? { source: q.source } : {}),
        analysis: analyzeQuestion(q.question, wordnet, tuning.question),
        paragraph: q.paragraph,
        answers: q.answers,
      });
    }
  });
  return { parts, questions };
}

/** Pass 1: the re-ranker's rows of an answerable question. */
export function rankingRows(question: AnalysedQuestion, parts: RetrieverParts): RankingRows {
  const retrieval = retrieve(parts, question.analysis);
  const scored = retrieval.ranked.filter((p) => p.features.length > 0);
  return {
    rows: scored.map((p) => p.features),
    gold: scored.findIndex((p) => p.paragraph.number - 1 === question.paragraph),
  };
}

/** Pass 2: ordered by `ranking`, the short-answer candidates and the decision's features. */
export function decisionRows(
  question: AnalysedQuestion,
  parts: RetrieverParts,
  ranking: DenseModel,
  store: SparseStore,
): DecisionRows {
  const foldParts: RetrieverParts = { ...parts, model: { ...parts.model, ranking } };
  const { analysis } = question;
  const retrieval = retrieve(foldParts, analysis);
  const top = retrieval.ranked[0];
  const place = retrieval.ranked.findIndex((p) => p.paragraph.number - 1 === question.paragraph);
  const contradictions = top
    ? findContradictions(
        analysis,
        retrieval,
        top,
        parts.wordnet,
        parts.tuning.decision.subjectMatch,
      )
    : { negation: false, subject: false, antonym: false };
  const candidates: StoredCandidate[] = [];
  forEachCandidate(
    analysis,
    retrieval,
    {
      wordnet: parts.wordnet,
      vectors: parts.vectors,
      tuning: parts.tuning.shortAnswer,
      paragraphs: parts.tuning.shortAnswer.paragraphs,
    },
    (visit) => {
      visit.features((name, value) => store.add(name, value));
      const { paragraph } = visit;
      const sentence = paragraph.paragraph.analysis.tokens[visit.span.firstToken]?.sentence ?? 0;
      candidates.push({
        vector: store.finish(question.kind === 'answerable'),
        f1: question.answers.length > 0 ? bestOverGold(f1Score, visit.text, question.answers) : 0,
        paragraphRank: retrieval.ranked.indexOf(paragraph),
        paragraphProbability: paragraph.probability,
        sentenceCoverage: paragraph.sentenceCoverage[sentence] ?? 0,
      });
    },
  );
  return {
    top1: place === 0,
    top3: place >= 0 && place < 3,
    answerable: answerableFeatures(retrieval, contradictions, null, parts).slice(0, -2),
    calibration: {
      whWord: analysis.whWord,
      topProbability: top?.probability ?? 0,
      topWindow: top?.windowCoverage ?? 0,
      contradictions,
    },
    candidates,
  };
}
