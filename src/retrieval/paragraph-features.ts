// retrieval/: question words matched to the corpus, candidate paragraphs and their ranking.
// May import: model, question, indexing, language, corpus, tuning.
import type { Token } from '../language/text-analysis.js';
import type { QuestionWord } from './question-words.js';
import type { ParagraphScore } from './ranking.js';
import { otherClassShare } from './word-class.js';

/**
 * The names of the features the learned re-ranker reads, in the order
 * {@link paragraphFeatures} computes them; the model file lists the same names.
 */
export const PARAGRAPH_FEATURES = [
  /** The hand-weighted score of `scoreParagraph` (coverage, window, BM25, proximity). */
  'handScore',
  'coverage',
  'windowCoverage',
  'bm25Share',
  'proximity',
  /** log(1 + place in the hand-weighted order). */
  'handRank',
  /** Share of the question's importance whose word stands in the paragraph exactly as typed. */
  'exactShare',
  /** The most important question word the paragraph lacks, over the question's importance. */
  'missingMax',
  /** Proper nouns of the question the paragraph lacks (at most 3), and how many it has (at most 4). */
  'namesMissing',
  'names',
  /** Share of the question's importance matched only loosely (a relative, not the word). */
  'looseShare',
  /** Neighbouring question words found as neighbours (within 3 tokens) in the paragraph. */
  'bigramShare',
  'bestSentence',
  'bestThreeSentences',
  /** log of the paragraph's length in tokens: coverage favours long paragraphs. */
  'logLength',
  /** Share of the question found in the window only as another part of speech. */
  'otherClass',
] as const;

/** Matches this strong count as the word itself, not a loose relative. */
const CLOSE_MATCH = 0.75;
/** Two question words this close in the paragraph (in tokens) stand as a pair. */
const PAIR_REACH = 3;
const MAX_MISSING_NAMES = 3;
const MAX_NAMES = 4;

/**
 * The re-ranker's features of one candidate paragraph (`handRank`: its place in the
 * hand-weighted order), in the order of {@link PARAGRAPH_FEATURES}.
 */
export function paragraphFeatures(
  scored: ParagraphScore,
  handRank: number,
  words: readonly QuestionWord[],
  mainVerb: Token | null,
): number[] {
  const { tokens } = scored.paragraph.analysis;
  const total = words.reduce((sum, w) => sum + w.importance, 0) || 1;
  const surface = scored.paragraph.surfaceForms;
  let exact = 0;
  let missingMax = 0;
  let loose = 0;
  let names = 0;
  let namesMissing = 0;
  words.forEach((word, w) => {
    const strength = scored.paragraphStrengths[w] ?? 0;
    if (surface.has(word.token.text.toLowerCase())) exact += word.importance;
    if (strength === 0) missingMax = Math.max(missingMax, word.importance);
    if (strength > 0 && strength < CLOSE_MATCH) loose += word.importance;
    if (word.token.pos === 'PROPN') {
      names += 1;
      if (strength === 0) namesMissing += 1;
    }
  });
  return [
    scored.score,
    scored.coverage,
    scored.windowCoverage,
    scored.bm25Share,
    scored.proximity,
    Math.log1p(handRank),
    exact / total,
    missingMax / total,
    Math.min(namesMissing, MAX_MISSING_NAMES),
    Math.min(names, MAX_NAMES),
    loose / total,
    pairShare(tokens, words) / total,
    Math.max(0, ...scored.sentenceCoverage),
    scored.threeSentenceCoverage,
    Math.log(Math.max(1, tokens.length)),
    otherClassShare(words, scored, mainVerb),
  ];
}

/**
 * For each pair of neighbouring question words found close together, in the question's order,
 * the smaller of their importances.
 */
function pairShare(tokens: readonly Token[], words: readonly QuestionWord[]): number {
  const positions = words.map((word) => {
    const { weights } = word;
    const found: number[] = [];
    tokens.forEach((token, t) => {
      if ((weights.get(token.term) ?? 0) >= CLOSE_MATCH) found.push(t);
    });
    return found;
  });
  let sum = 0;
  for (let w = 0; w + 1 < words.length; w += 1) {
    const next = positions[w + 1] as number[];
    const paired = (positions[w] as number[]).some((a) =>
      next.some((b) => b > a && b - a <= PAIR_REACH),
    );
    if (paired)
      sum += Math.min(
        (words[w] as QuestionWord).importance,
        (words[w + 1] as QuestionWord).importance,
      );
  }
  return sum;
}
