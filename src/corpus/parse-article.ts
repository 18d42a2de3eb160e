// corpus/: reading a folder of articles: files, front matter, paragraphs, limits.
// May import: errors.
import { basename, extname } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { CorpusError } from '../errors.js';
import { type CorpusLimits, DEFAULT_CORPUS_LIMITS } from './corpus-limits.js';

/** Front matter accepted at the top of a Markdown article, between `---` lines. */
export const FrontMatterSchema = z.looseObject({
  title: z.string({ error: 'is required and must be text' }).trim().min(1, 'must not be empty'),
  source: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').optional(),
  url: z.url({ error: 'must be a full URL such as https://example.com/story' }).optional(),
  published: z
    .union([z.string(), z.date()], { error: 'must be a date such as 2022-01-18' })
    .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
    .optional(),
});

export type FrontMatter = z.infer<typeof FrontMatterSchema>;

/** One article of the corpus, split into numbered paragraphs. */
export interface ArticleDocument {
  /** File name without extension; stable across runs. */
  readonly id: string;
  readonly title: string;
  readonly source: string | null;
  readonly url: string | null;
  readonly published: string | null;
  /** Path of the file the article was read from. */
  readonly file: string;
  /** Body paragraphs verbatim; `paragraphs[0]` is ¶1. */
  readonly paragraphs: readonly string[];
}

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;
const HEADING_LINE = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/**
 * Parses one article's text: optional YAML front matter, then paragraphs separated by blank
 * lines. Markdown headings are not paragraphs. A `.txt` file takes its title from its name.
 *
 * @throws {CorpusError} on invalid front matter or an empty body.
 */
export function parseArticle(
  file: string,
  content: string,
  limits: Partial<CorpusLimits> = {},
): ArticleDocument {
  const bounds = { ...DEFAULT_CORPUS_LIMITS, ...limits };
  const text = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const extension = extname(file).toLowerCase();
  const id = basename(file, extname(file));
  let body = text;
  let meta: FrontMatter = { title: titleFromFileName(id) };

  const match = extension === '.md' ? FRONT_MATTER.exec(text) : null;
  if (extension === '.md') {
    if (!match) {
      throw new CorpusError(
        'CORPUS_FRONT_MATTER',
        `${file}: front matter missing. Start the file with a block such as:\n---\ntitle: The article's headline\n---`,
      );
    }
    meta = parseFrontMatter(file, match[1] ?? '');
    body = text.slice(match[0].length);
  }

  const paragraphs = splitParagraphs(body);
  if (paragraphs.length === 0) {
    throw new CorpusError(
      'CORPUS_EMPTY_BODY',
      `${file}: the article has no paragraphs. Add its text, with a blank line between paragraphs.`,
    );
  }
  paragraphs.forEach((paragraph, index) => {
    if (paragraph.length > bounds.maxParagraphChars) {
      throw new CorpusError(
        'CORPUS_LIMIT',
        `${file}: ¶${index + 1} is ${paragraph.length} characters, over the limit of ` +
          `${bounds.maxParagraphChars}. Separate its paragraphs with blank lines.`,
      );
    }
  });

  return {
    id,
    title: meta.title,
    source: meta.source ?? null,
    url: meta.url ?? null,
    published: meta.published ?? null,
    file,
    paragraphs,
  };
}

function parseFrontMatter(file: string, yamlText: string): FrontMatter {
  const document = parseDocument(yamlText, { prettyErrors: false });
  const yamlError = document.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0]?.line;
    const where = line === undefined ? '' : ` on line ${line + 1} of the file`;
    throw new CorpusError(
      'CORPUS_FRONT_MATTER',
      `${file}: front matter is not valid YAML${where}: ${yamlError.message.split('\n')[0]}. ` +
        'Write one "key: value" per line, and quote values that contain a colon.',
      { cause: yamlError },
    );
  }
  const parsed = FrontMatterSchema.safeParse(document.toJS() ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const field = issue.path.length > 0 ? issue.path.join('.') : 'front matter';
      return `${field} ${issue.message}`;
    });
    throw new CorpusError(
      'CORPUS_FRONT_MATTER',
      `${file}: invalid front matter: ${problems.join('; ')}. ` +
        'Fix the field between the --- lines (title is required; source, url and published are optional).',
    );
  }
  return parsed.data;
}

function splitParagraphs(body: string): string[] {
  const paragraphs: string[] = [];
  for (const block of body.split(/\n[ \t]*\n/)) {
    const lines = block.split('\n');
    while (
      lines.length > 0 &&
      (HEADING_LINE.test(lines[0] ?? '') || (lines[0] ?? '').trim() === '')
    ) {
      lines.shift();
    }
    const paragraph = lines.join('\n').trim();
    if (paragraph.length > 0) paragraphs.push(paragraph);
  }
  return paragraphs;
}

function titleFromFileName(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.length > 0 ? words.charAt(0).toUpperCase() + words.slice(1) : id;
}
