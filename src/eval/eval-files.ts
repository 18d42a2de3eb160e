// eval/: scoring answers against gold question files: SQuAD metrics, ranks, the baseline.
// May import: answerer.ts, corpus, the answer contract (never index.ts).
import { z } from 'zod';

/**
 * One line of an article question file such as `article-dev.jsonl`: a question about the corpus
 * with the paragraphs that answer it (`[]` when the corpus does not) and its gold short answers.
 */
export const ArticleQuestionSchema = z.object({
  id: z.string().min(1),
  question: z.string(),
  /** Free-form label for the per-type breakdown. @default "other" */
  type: z.string().min(1).default('other'),
  /** 1-based paragraph numbers that answer the question; empty when none does. */
  paragraphs: z.array(z.number().int().positive()),
  /** Acceptable short answers; empty when the question has no short answer. */
  answers: z.array(z.string()),
});

/** One SQuAD question inside a {@link SquadArticleSchema} line. */
export const SquadQuestionSchema = z.object({
  id: z.string().min(1),
  question: z.string(),
  /** 1-based index of the paragraph the question was written on. */
  paragraph: z.number().int().positive(),
  answers: z.array(z.string()),
  /** SQuAD 2.0 adversarial question with no answer in the article. @default false */
  unanswerable: z.boolean().default(false),
});

/** One line of a converted SQuAD file: a whole Wikipedia article and its questions. */
export const SquadArticleSchema = z
  .object({
    title: z.string().min(1),
    paragraphs: z.array(z.string().trim().min(1)).min(1),
    questions: z.array(SquadQuestionSchema),
  })
  .superRefine((article, context) => {
    article.questions.forEach((question, index) => {
      if (question.paragraph > article.paragraphs.length) {
        context.addIssue({
          code: 'custom',
          path: ['questions', index, 'paragraph'],
          message: `is ${question.paragraph}, but the article has ${article.paragraphs.length} paragraphs`,
        });
      }
    });
  });

export type ArticleQuestion = z.infer<typeof ArticleQuestionSchema>;
export type SquadQuestion = z.infer<typeof SquadQuestionSchema>;
export type SquadArticle = z.infer<typeof SquadArticleSchema>;
