// corpus/: reading a folder of articles: files, front matter, paragraphs, limits.
// May import: errors.
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import { CorpusError } from '../errors.js';
import { type CorpusLimits, DEFAULT_CORPUS_LIMITS } from './corpus-limits.js';
import { type ArticleDocument, parseArticle } from './parse-article.js';

/** Every article of a corpus folder, in file-name order. */
export interface Corpus {
  readonly dir: string;
  readonly documents: readonly ArticleDocument[];
}

const ARTICLE_EXTENSIONS = new Set(['.md', '.txt']);

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
