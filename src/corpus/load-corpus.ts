// corpus/: reading a folder of articles: files, front matter, paragraphs, limits.
// May import: errors.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { CorpusError } from '../errors.js';

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

/** Every article of a corpus folder, in file-name order. */
export interface Corpus {
  readonly dir: string;
  readonly documents: readonly ArticleDocument[];
}

/** Bounds that keep a hostile or mistaken corpus from exhausting memory. */
export interface CorpusLimits {
  /** @default 5_000_000 bytes */
  maxFileBytes: number;
  /** @default 20_000 characters */
  maxParagraphChars: number;
  /** @default 10_000 */
  maxDocuments: number;
}

export const DEFAULT_CORPUS_LIMITS: CorpusLimits = {
  maxFileBytes: 5_000_000,
  maxParagraphChars: 20_000,
  maxDocuments: 10_000,
};

const ARTICLE_EXTENSIONS = new Set(['.md', '.txt']);
const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;
const HEADING_LINE = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/**
 * Reads every `.md` and `.txt` article in `dir`.
 *
 * @throws {CorpusError} when the folder is missing, holds no article, or an article is unusable;
 *   the message names the file, the problem and the fix.
 */
export async function loadCorpus(dir: string, limits: Partial<CorpusLimits> = {}): Promise<Corpus> {
  const bounds = { ...DEFAULT_CORPUS_LIMITS, ...limits };
  const folder = resolve(dir);
  const names = await listArticleFiles(dir, folder);
  if (names.length > bounds.maxDocuments) {
    throw new CorpusError(
      'CORPUS_LIMIT',
      `${dir}: ${names.length} article files is more than the limit of ${bounds.maxDocuments}. ` +
        'Split the corpus into several folders.',
    );
  }
  const documents: ArticleDocument[] = [];
  for (const name of names) {
    const file = join(folder, name);
    const shown = relative(process.cwd(), file) || file;
    documents.push(parseArticle(shown, await readArticleFile(shown, file, bounds), bounds));
  }
  return { dir: folder, documents };
}

async function listArticleFiles(dir: string, folder: string): Promise<string[]> {
  let entries: string[];
  try {
    const info = await stat(folder);
    if (!info.isDirectory()) {
      throw new CorpusError(
        'CORPUS_NOT_FOUND',
        `${dir}: not a folder. Point --corpus (or CORPUS_DIR) at a folder of .md or .txt articles.`,
      );
    }
    entries = await readdir(folder);
  } catch (error) {
    if (error instanceof CorpusError) throw error;
    throw new CorpusError(
      'CORPUS_NOT_FOUND',
      `${dir}: corpus folder not found or not readable. Create it and put .md or .txt articles in it, ` +
        'or point --corpus (or CORPUS_DIR) at an existing folder.',
      { cause: error },
    );
  }
  const names = entries
    .filter((name) => ARTICLE_EXTENSIONS.has(extname(name).toLowerCase()) && !name.startsWith('.'))
    .sort();
  if (names.length === 0) {
    throw new CorpusError(
      'CORPUS_EMPTY',
      `${dir}: no article files found. Add at least one .md (with a title in its front matter) ` +
        'or .txt file.',
    );
  }
  return names;
}

async function readArticleFile(shown: string, file: string, bounds: CorpusLimits): Promise<string> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.size > bounds.maxFileBytes) {
      throw new CorpusError(
        'CORPUS_LIMIT',
        `${shown}: file is ${info.size} bytes, over the limit of ${bounds.maxFileBytes} bytes. ` +
          'Split the article into smaller files.',
      );
    }
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof CorpusError) throw error;
    const reason = error instanceof Error && 'code' in error ? ` (${String(error.code)})` : '';
    throw new CorpusError(
      'CORPUS_UNREADABLE',
      `${shown}: cannot read the file${reason}. Check that it exists and that its permissions allow reading.`,
      { cause: error },
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new CorpusError(
      'CORPUS_UNREADABLE',
      `${shown}: not valid UTF-8 text. Save the file as UTF-8.`,
      { cause: error },
    );
  }
}

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
