// decision/: answered, "here is what the article says" or "not in the article", and confidence.
// May import: short-answer, retrieval, question, indexing, language, model, tuning.
import type { QuestionAnalysis } from '../question/question-analysis.js';
import type { Retrieval } from '../retrieval/retriever.js';
import type { ShortAnswerPick } from '../short-answer/pick-short-answer.js';
import type { Contradictions } from './contradictions.js';

/** The wh-words the calibration reads as one-hot features ({@link QuestionAnalysis.whWord}). */
const WH_WORDS = ['what', 'which', 'who', 'when', 'where', 'why', 'how', 'how many', 'none'];

/**
 * The features of "is the chosen short answer right", in the order
 * {@link calibrationFeatures} computes them: how clearly the span model preferred it, how sure
 * the re-ranker was of its paragraph, how well its sentence holds the question, the signs of
 * contradiction, and the kind of question (some kinds are answered reliably, "why" rarely).
 */
export const CALIBRATION_FEATURES = [
  'logProbability',
  'margin',
  'paragraphProbability',
  'topProbability',
  'paragraphRank',
  'topWindow',
  'sentenceCoverage',
  'logCandidates',
  'negation',
  'subjectMissing',
  'antonym',
  ...WH_WORDS.map((wh) => `wh=${wh}`),
] as const;

/** What the calibration reads of a question, its retrieval and its pick. */
export interface CalibrationInput {
  readonly whWord: string;
  /** The span model's chance for the pick, and its lead over the next candidate. */
  readonly probability: number;
  readonly margin: number;
  readonly candidates: number;
  /** The re-ranker's chance for the pick's paragraph, and that paragraph's place (0 = first). */
  readonly paragraphProbability: number;
  readonly paragraphRank: number;
  /** Share of the question the pick's sentence holds. */
  readonly sentenceCoverage: number;
  readonly topProbability: number;
  readonly topWindow: number;
  readonly contradictions: Contradictions;
}

/** Margins beyond this say no more (a lone candidate gets this). */
const MAX_MARGIN = 10;

/** Gathers the {@link CalibrationInput} of a question whose pick found a candidate. */
export function describePick(
  question: QuestionAnalysis,
  retrieval: Retrieval,
  pick: ShortAnswerPick,
  contradictions: Contradictions,
): CalibrationInput {
  const best = pick.best;
  const paragraph = best?.paragraph;
  const top = retrieval.ranked[0];
  return {
    whWord: question.whWord,
    probability: pick.probability,
    margin: pick.margin,
    candidates: pick.candidates,
    paragraphProbability: paragraph?.probability ?? 0,
    paragraphRank: paragraph ? retrieval.ranked.indexOf(paragraph) : -1,
    sentenceCoverage: best && paragraph ? (paragraph.sentenceCoverage[best.window.first] ?? 0) : 0,
    topProbability: top?.probability ?? 0,
    topWindow: top?.windowCoverage ?? 0,
    contradictions,
  };
}

/** The calibration features, in the order of {@link CALIBRATION_FEATURES}. */
export function calibrationFeatures(input: CalibrationInput): number[] {
  const flag = (value: boolean) => (value ? 1 : 0);
  return [
    Math.log(input.probability + 1e-6),
    Math.min(input.margin, MAX_MARGIN),
    input.paragraphProbability,
    input.topProbability,
    input.paragraphRank < 0 ? 3 : input.paragraphRank,
    input.topWindow,
    input.sentenceCoverage,
    Math.log1p(input.candidates),
    flag(input.contradictions.negation),
    flag(input.contradictions.subject),
    flag(input.contradictions.antonym),
    ...WH_WORDS.map((wh) => flag(input.whWord === wh)),
  ];
}
