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

/**
 * The public contract between the core and every adapter: what `answerQuestion` returns and
 * what `ask --json` prints, one object per line.
 */
export const AnswerSchema = z.object({
  /** The question as it was asked (before cleaning). */
  question: z.string(),
  /** False when the corpus does not answer the question; `excerpts` are then only "possibly related". */
  answered: z.boolean(),
  /** A short answer span, verbatim from the first excerpt's paragraph, when one exists. */
  answer: z.string().nullable(),
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
export type Answer = z.infer<typeof AnswerSchema>;
