import { z } from 'zod';

/** Where a matched word sits inside an excerpt's `quote` (UTF-16 offsets, end exclusive). */
export const HighlightSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

/** One attributed, verbatim excerpt from the corpus. */
export const ExcerptSchema = z.object({
  /** Stable id of the article (its file name without extension). */
  documentId: z.string().min(1),
  /** Article title (front matter `title`, or the file name of a `.txt`). */
  title: z.string().min(1),
  source: z.string().nullable(),
  url: z.string().nullable(),
  /** 1-based paragraph number within the article (¶N). */
  paragraph: z.number().int().positive(),
  /** The best sentence or two of the paragraph, verbatim. */
  quote: z.string().min(1),
  /** The whole paragraph, verbatim. */
  text: z.string().min(1),
  /** Relevance, higher is better; comparable only within one answer. */
  score: z.number(),
  /** The question's own words inside `quote` (not words reached as relatives), for renderers that highlight. */
  highlights: z.array(HighlightSchema),
});

/** The kinds of question the answerer distinguishes to steer the short answer. */
export const QuestionTypeSchema = z.enum([
  'who',
  'when',
  'where',
  'how-many',
  'what',
  'why',
  'how',
  'yes-no',
  'other',
]);

/** A calibrated chance in [0, 1]: of questions given 0.8, about 8 in 10 turn out so. */
const ChanceSchema = z.number().min(0).max(1);

/**
 * How sure the answerer is. Both are calibrated on held-out questions: among answers with a
 * confidence near 0.7, about 70% are right.
 */
export const ConfidenceSchema = z.object({
  /** The chance that the corpus answers the question at all. */
  answered: ChanceSchema,
  /**
   * The chance that the best short answer found is right (shown as `answer` only when this is
   * high and the question is answered); null when no candidate was found.
   */
  answer: ChanceSchema.nullable(),
});

/**
 * The public contract between the core and every adapter: what `answerQuestion` returns and
 * what `ask --json` prints, one object per line. Three outcomes: a short answer with its
 * excerpts (`answered` and `answer`), the best excerpts alone ("here is what the article says":
 * `answered`, `answer: null`), and "not in the article" (`answered: false`).
 */
export const AnswerSchema = z.object({
  /** The question as it was asked (before cleaning). */
  question: z.string(),
  /** False when the corpus does not answer the question; `excerpts` are then only "possibly related". */
  answered: z.boolean(),
  /**
   * A short answer span, verbatim from the first excerpt's paragraph, only when it is likely
   * right (see `confidence.answer`); null otherwise.
   */
  answer: z.string().nullable(),
  confidence: ConfidenceSchema,
  /** Best first. */
  excerpts: z.array(ExcerptSchema),
  /** What kind of question it was taken to be. */
  questionType: QuestionTypeSchema,
  /** How many excerpts were skipped (for "more" follow-ups). */
  offset: z.number().int().nonnegative(),
  /** True when asking again with `offset + excerpts.length` gives further excerpts. */
  hasMore: z.boolean(),
});

export type Highlight = z.infer<typeof HighlightSchema>;
export type Excerpt = z.infer<typeof ExcerptSchema>;
export type QuestionType = z.infer<typeof QuestionTypeSchema>;
export type Confidence = z.infer<typeof ConfidenceSchema>;
export type Answer = z.infer<typeof AnswerSchema>;
