import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import {
  type ArticleQuestion,
  ArticleQuestionSchema,
  type SquadArticle,
  SquadArticleSchema,
} from '../../src/eval/eval-files.js';
import { type Corpus, UsageError } from '../../src/index.js';
import { readJsonFile } from './json-file.js';

/** Reads an article question file; every gold paragraph must exist in `corpus`. */
export async function readArticleQuestions(
  file: string,
  corpus: Corpus,
): Promise<ArticleQuestion[]> {
  const questions = await readJsonLines(file, ArticleQuestionSchema, 'question');
  const longest = Math.max(...corpus.documents.map((d) => d.paragraphs.length));
  for (const [index, question] of questions.entries()) {
    const beyond = question.paragraphs.find((p) => p > longest);
    if (beyond !== undefined) {
      throw new UsageError(
        `${file}: question ${index + 1} (${question.id}) names ¶${beyond}, but no article in ` +
          `${corpus.dir} has more than ${longest} paragraphs. Pass the corpus the file was written for with --corpus.`,
      );
    }
  }
  return questions;
}

/** A split of SQuAD articles (never questions) into train and held-out. */
const SplitSchema = z.object({ train: z.array(z.string()), heldout: z.array(z.string()) });

/** Reads a split file (`split.json`: `{ "train": [titles], "heldout": [titles] }`). */
export async function readSplit(file: string): Promise<z.infer<typeof SplitSchema>> {
  const value = await readJsonFile(file, 'split file', 'Pass it with --split FILE.');
  const result = SplitSchema.safeParse(value);
  if (!result.success) {
    throw new UsageError(`${file}: not a split file: ${z.prettifyError(result.error)}`);
  }
  return result.data;
}

/** Reads a converted SQuAD file: one article with its questions per line. */
export function readSquadArticles(file: string): Promise<SquadArticle[]> {
  return readJsonLines(file, SquadArticleSchema, 'article');
}

async function readJsonLines<S extends z.ZodType>(
  file: string,
  schema: S,
  what: string,
): Promise<z.infer<S>[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `${file}: cannot read the question file${code ? ` (${code})` : ''}. Check the path.`,
    );
  }
  const items: z.infer<S>[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new UsageError(
        `${file} line ${index + 1}: not valid JSON (${(error as Error).message}). Write one JSON ${what} per line.`,
      );
    }
    const result = schema.safeParse(value);
    if (!result.success) {
      const problems = result.error.issues.map(
        (issue) => `${issue.path.length > 0 ? issue.path.join('.') : what}: ${issue.message}`,
      );
      throw new UsageError(
        `${file} line ${index + 1}: not a valid ${what}: ${problems.join('; ')}.`,
      );
    }
    items.push(result.data);
  }
  if (items.length === 0)
    throw new UsageError(`${file}: no ${what}s found. Write one JSON ${what} per line.`);
  return items;
}
