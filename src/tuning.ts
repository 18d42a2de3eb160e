import { z } from 'zod';
import { ConfigError } from './errors.js';

// Every tuned number of the answering pipeline, grouped by the stage that reads it, each with
// why it has its value and the measurement behind it ("hand-set" where none was recorded).
// Figures are from `npm run eval` (article dev file, SQuAD v1.1 dev) and `npm run bench`.
//
// Not here, on purpose: engineering limits that bound time or memory rather than steer answers,
// which stay with their code: cache sizes (term-relations, soft matches, WordNet, decoded
// paragraphs), the longest word typo-matched (30) or stemmed (40) and the longest run read as
// one token (200), the corpus limits, the question length limit, the word-vector file's
// vocabulary and dimensions (a model file built at install), the snapshot format and the number
// of snapshots kept, and the 1e-9 tolerances of float comparisons.

const weight = (value: number) => z.number().finite().nonnegative().default(value);
const count = (value: number) => z.number().int().positive().default(value);
// A group left out (`{}`) takes every default inside it.
const group = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape).prefault({} as never);

/** The tuning schema: every field has its default, so any part of it may be left out. */
export const TuningSchema = z.strictObject({
  language: group({
    wordnet: group({
      /**
       * Pointers followed from a synset to related words, and how strongly each relates:
       * derivations (+) and pertainyms (\) most, cause (>), entailment (*) and similar
       * adjectives (&) next, see-also (^) and the hypernym (@), the hyponym (~) least.
       * Hand-set, no measurement recorded.
       */
      pointerWeights: group({
        '+': weight(0.8),
        '\\': weight(0.8),
        '>': weight(0.6),
        '*': weight(0.6),
        '&': weight(0.6),
        '^': weight(0.5),
        '@': weight(0.5),
        '~': weight(0.35),
      }),
      /** Senses expanded per word: WordNet lists them by frequency, rare ones add noise. Hand-set. */
      sensesPerWord: count(3),
      /** Weight of the 1st, 2nd, 3rd sense: later senses are less likely meant. Hand-set. */
      senseWeights: z.array(z.number().finite().nonnegative()).default([1, 0.7, 0.5]),
      /** A synonym counts a little less than the word itself. Hand-set. */
      synonymWeight: weight(0.9),
      /** How far up the hypernym tree "is a kind of" looks ("piano" → "instrument"). Hand-set. */
      hypernymDepth: count(8),
      /** A noun's most frequent senses read for its kind (person, place, group, time). Hand-set. */
      nounSenses: count(2),
    }),
  }),
  indexing: group({
    /** WordNet relations (both directions) count for less than the word itself. Hand-set. */
    relationScale: weight(0.75),
    typo: group({
      /** A typo match (words no dictionary knows only: "Blinkin", "Lavrof"). Hand-set. */
      weight: weight(0.8),
      /** Shorter words are never typo-matched: too many false friends. Hand-set. */
      minLength: count(5),
      /** Words this long may be two edits off, shorter ones one. Hand-set. */
      twoEditsLength: count(8),
      /** Nearest vocabulary terms kept per typo. Hand-set. */
      candidates: count(3),
    }),
    morphology: group({
      /** Derived forms the stemmer leaves apart ("Chile" ~ "Chilean"). Hand-set. */
      weight: weight(0.7),
      /** Shorter terms are not extended or cut. Hand-set. */
      minLength: count(5),
      /** Letters a derived form may add or drop. Hand-set. */
      reach: count(3),
    }),
    softMatch: group({
      /** Word-vector cosine below which two words are unrelated ("soldiers" ~ "troops"). Hand-set. */
      minSimilarity: weight(0.55),
      /** Cosine at which a soft match reaches its full weight. Hand-set. */
      fullSimilarity: weight(0.9),
      /** A soft match never counts as much as the word itself or a WordNet synonym. Hand-set. */
      maxWeight: weight(0.75),
    }),
    aliases: group({
      /** A role word ("diplomat") leads to the person the corpus gives it, less surely. Hand-set. */
      roleToName: weight(0.7),
      /** A name leads to its role words, less surely still. Hand-set. */
      nameToRole: weight(0.5),
      /** Longest role read in an apposition or title ("the Chilean Foreign Minister"). Hand-set. */
      longestRole: count(6),
    }),
  }),
  question: group({
    /** Tokens after the wh-word searched for the focus noun. Hand-set. */
    focusReach: count(6),
    /** Nouns and adjectives a "which/what" may take before its verb ("which French city was…"). Hand-set. */
    whPhraseReach: count(3),
  }),
  retrieval: group({
    /** Paragraphs taken from the index for the finer ranking. Hand-set. */
    candidates: count(50),
    /**
     * Of those, how many the learned re-ranker orders (the rest follow in the hand-weighted
     * order): the training data holds the first 30, which hold the right paragraph for 99.6% of
     * the SQuAD train split's questions.
     */
    rerankCandidates: count(30),
    /**
     * Postings a search scores in full; commoner terms only re-score what rarer ones found. On
     * the 100k bench corpus 2,000 lost top-10 hits; 3,000 to 7,000 and unbounded kept 96.3%
     * (94.7-94.8% on 1,000 other questions, seed 3). Reached only by large corpora.
     */
    postingBudget: count(3_000),
    /**
     * The index is searched with each word's own term and close stand-ins only (this strong, at
     * most `firstStageTermsPerWord`, leaving terms in more than `commonShare` of the paragraphs
     * to the re-ranking while rarer ones remain): weak relatives sent to the index pushed targets
     * out of the candidates (100k bench top-10 82.6% against MiniSearch's 96.3%); with this,
     * SQuAD (10 articles) top-1 0.759 → 0.768, article dev unchanged. The values are hand-set.
     */
    firstStageMinWeight: weight(0.6),
    firstStageTermsPerWord: count(4),
    commonShare: weight(0.2),
    /** Only a match this close of a question word follows a learned alias. Hand-set. */
    aliasSourceWeight: weight(0.8),
    /** Weight left to related words when the question's own word is in the corpus. Hand-set. */
    exactPresentScale: weight(0.6),
    /** A match this strong to the focus noun names the same thing ("soldiers" ~ "troops"). Hand-set. */
    focusMatch: weight(0.18),
    /** A match this strong to X in "the name of X" / "Who is X?" counts as X. Hand-set. */
    namedMatch: weight(0.5),
    /** A match this strong to the main verb counts as that verb, for its side. Hand-set. */
    verbMatch: weight(0.6),
  }),
  ranking: group({
    /**
     * Score = window × window coverage + paragraph × paragraph coverage + bm25 × BM25 / best BM25
     * + proximity × phrase proximity. Re-tuning on SQuAD to 0.7 / 0.1 / 0.05 / 0.5 took
     * SQuAD v1.1 top-1 0.829 → 0.835 with the article unchanged, but the 100k bench's top-10 fell
     * from 96.3% to 94.8-95.9%, under the baseline it must match; so these stay.
     */
    weights: group({
      window: weight(0.5),
      paragraph: weight(0.25),
      bm25: weight(0.1),
      proximity: weight(0.3),
    }),
    /** A second sentence joins the window only when it adds this much. Hand-set. */
    twoSentenceFactor: weight(0.85),
    /** Two question words this close (in tokens) read as one phrase ("Supreme Court"). Hand-set. */
    phraseReach: count(3),
  }),
  shortAnswer: group({
    /**
     * Paragraphs, first in the learned order, whose best windows (and a sentence either side)
     * the short-answer model searches: the right paragraph is among the first three for 93% of
     * the SQuAD train split's questions.
     */
    paragraphs: count(3),
    /**
     * Closeness to the question's words, one of the span model's features: Σ evidence / (1 +
     * distance) ^ `distanceDecay`. Tuned on 8 SQuAD dev articles for the hand-written chooser
     * this model replaced.
     */
    distanceDecay: weight(0.7),
    /** A span word matched this strongly repeats the question (a name sooner). Hand-set. */
    repeatMatch: group({ name: weight(0.4), word: weight(0.6) }),
    /** Tokens between a name and the noun it names ("leader X", "X, the leader"). Hand-set. */
    nameReach: count(3),
    /** Tokens between a name and its role ("Okafor, Kenya's top diplomat"). Hand-set. */
    roleReach: count(6),
    /** Longest run of words looked up as one WordNet name ("New Mexico"). Hand-set. */
    longestName: count(4),
    /** Longest phrase taken after "to", "by" or "in" (action, manner, location). Hand-set. */
    longestClausePhrase: count(8),
    /** Tokens between a number and the noun it counts ("40 kilograms"). Hand-set. */
    unitReach: count(3),
    /** A number written like a year between these is a year ("in 1072,"). Hand-set. */
    firstYear: count(500),
    lastYear: count(2100),
  }),
  decision: group({
    /**
     * A match this strong names the question's subject ("What did X decide?" declines when the
     * paragraph never names X: dev correct abstentions 0.867 → 0.933). The value is hand-set.
     */
    subjectMatch: weight(0.5),
  }),
});

/** Every tuned number, grouped by stage; see {@link TuningSchema} for each one's rationale. */
export type Tuning = z.output<typeof TuningSchema>;
/** Any part of {@link Tuning}, for overrides; what is left out keeps its default. */
export type TuningOverrides = z.input<typeof TuningSchema>;

/** The tuned numbers as shipped. */
export const DEFAULT_TUNING: Tuning = deepFreeze(TuningSchema.parse({}));

/**
 * The defaults with `overrides` laid over them (a deep partial: `{ retrieval: { candidates: 30 } }`).
 *
 * @throws {ConfigError} naming each unknown key or bad value by its path.
 */
export function resolveTuning(overrides: unknown = {}): Tuning {
  if (overrides === DEFAULT_TUNING) return DEFAULT_TUNING;
  const result = TuningSchema.safeParse(overrides);
  if (result.success) return deepFreeze(result.data);
  const problems = result.error.issues.map(
    (issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'tuning'}: ${issue.message}`,
  );
  throw new ConfigError(
    `Invalid tuning:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
      'Give numbers under the keys of DEFAULT_TUNING (src/tuning.ts); leave out what keeps its default.',
    problems,
  );
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
