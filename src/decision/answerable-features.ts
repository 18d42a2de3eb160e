// decision/: answered, "here is what the article says" or "not in the article", and confidence.
// May import: short-answer, retrieval, question, indexing, language, model, tuning.
import type { ParagraphIndex } from '../indexing/search-index.js';
import type { WordVectors } from '../language/word-vectors.js';
import { PARAGRAPH_FEATURES } from '../retrieval/paragraph-features.js';
import type { Retrieval } from '../retrieval/retriever.js';
import type { Contradictions } from './contradictions.js';

/**
 * The features of "does the corpus answer this question at all", in the order
 * {@link answerableFeatures} computes them. Each question word counts by how specific it is in
 * English (a word the language uses rarely, or a name, says more about the topic than "system"
 * or "goal"), and by how the corpus holds it: how often, how closely matched, and in the best
 * window or not.
 */
export const ANSWERABLE_FEATURES = [
  'topicShare',
  'repeatedShare',
  'repeatedNames',
  'nameFrequency',
  'frequentShare',
  'commonestSpecific',
  'repeatedWords',
  'topFrequency',
  'absentShare',
  'absentNameMax',
  'absentWordMax',
  'absentNames',
  'absentWords',
  'absentOutsideWindow',
  'unmatchedShare',
  'looseShare',
  'unmatchedMax',
  'looseMax',
  'windowMissShare',
  'windowMissMax',
  'windowMissImportance',
  'unmatchedNames',
  'matchShare',
  'nameWindowMissMax',
  'topScore',
  'topCoverage',
  'topWindow',
  'topProbability',
  'words',
  'negation',
  'subjectMissing',
  'antonym',
  /**
   * The best paragraph's re-ranker features (how it holds the question's words, their pairs,
   * its names). On the train split, out of fold, at the same 2% false declines, they raised
   * off-topic declines from 0.977 to 0.979, the next article's questions from 0.974 to 0.978
   * and the nearest article's from 0.879 to 0.892; the second paragraph's too added 0.002 and
   * were left out.
   */
  ...PARAGRAPH_FEATURES.map((name) => `top-${name}` as const),
  /** The calibrated chance that the best short answer is right, and 1 when there is none. */
  'rightChance',
  'noCandidate',
] as const;

/** English words ranked beyond this (in the word vectors' frequency list) are fully specific. */
const VOCABULARY = 120_000;
/** A match weaker than this is a loose relative, not the word. */
const LOOSE = 0.7;

/** What the answerable features read besides the retrieval. */
export interface AnswerableParts {
  readonly index: ParagraphIndex;
  readonly vectors: WordVectors;
}

/** The answerable features of a question, in the order of {@link ANSWERABLE_FEATURES}. */
export function answerableFeatures(
  retrieval: Retrieval,
  contradictions: Contradictions,
  right: number | null,
  parts: AnswerableParts,
): number[] {
  const { index, vectors } = parts;
  const n = index.paragraphCount;
  const top = retrieval.ranked[0];
  const words = retrieval.words.map((word, i) => {
    const rank = vectors.rank(word.token.text.toLowerCase()) ?? vectors.rank(word.token.lemma);
    return {
      specific: rank === undefined ? 1 : Math.log1p(rank) / Math.log(VOCABULARY),
      frequency: index.documentFrequency(word.term),
      match: Math.max(0, ...word.matches.map((m) => m.weight)),
      window: top?.windowStrengths[i] ?? 0,
      importance: word.importance,
      name: word.token.pos === 'PROPN',
    };
  });
  const specific = words.reduce((sum, w) => sum + w.specific, 0) || 1;
  const importance = words.reduce((sum, w) => sum + w.importance, 0) || 1;
  const share = (weight: (w: (typeof words)[number]) => number) =>
    words.reduce((sum, w) => sum + w.specific * weight(w), 0) / specific;
  const most = (weight: (w: (typeof words)[number]) => number) =>
    Math.max(0, ...words.map((w) => w.specific * weight(w)));
  const count = (test: (w: (typeof words)[number]) => boolean, cap: number) =>
    Math.min(cap, words.filter(test).length);
  const flag = (value: boolean) => (value ? 1 : 0);
  const absent = (w: (typeof words)[number]) => w.frequency === 0;
  const logN = Math.log1p(n) || 1;
  return [
    share((w) => Math.log1p(w.frequency)) / logN,
    share((w) => flag(w.frequency >= 2)),
    share((w) => flag(w.frequency >= 3 && w.name)),
    Math.min(5, Math.max(0, ...words.filter((w) => w.name).map((w) => Math.log1p(w.frequency)))),
    share((w) => Math.min(1, (w.frequency / Math.max(1, n)) * 10)),
    most((w) => flag(w.frequency >= 2)),
    count((w) => w.frequency >= 3, 5),
    Math.max(0, ...words.map((w) => Math.log1p(w.frequency))) / logN,
    share((w) => flag(absent(w))),
    most((w) => flag(absent(w) && w.name)),
    most((w) => flag(absent(w) && !w.name)),
    count((w) => absent(w) && w.name, 3),
    count(absent, 4),
    share((w) => flag(absent(w)) * (1 - w.window)),
    share((w) => flag(w.match === 0)),
    share((w) => flag(w.match < LOOSE)),
    most((w) => flag(w.match === 0)),
    most((w) => flag(w.match < LOOSE)),
    share((w) => 1 - w.window),
    most((w) => 1 - w.window),
    words.reduce((sum, w) => sum + w.importance * (1 - w.window), 0) / importance,
    count((w) => w.match === 0 && w.name, 3),
    share((w) => 1 - w.match),
    most((w) => flag(w.name) * (1 - w.window)),
    top?.score ?? 0,
    top?.coverage ?? 0,
    top?.windowCoverage ?? 0,
    top?.probability ?? 0,
    Math.min(words.length, 12),
    flag(contradictions.negation),
    flag(contradictions.subject),
    flag(contradictions.antonym),
    ...PARAGRAPH_FEATURES.map((_, i) => top?.features[i] ?? 0),
    right ?? 0,
    flag(right === null),
  ];
}
