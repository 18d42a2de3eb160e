// snapshot/: the index snapshot file, its key, and the cache folder that keeps snapshots.
// May import: answerer.ts and every stage below it.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ArticleDocument } from '../corpus/parse-article.js';
import { type CompactAnnotations, restoreAnnotations } from '../indexing/annotation-columns.js';
import { writeFileAtomically } from './cache-folder.js';
import { analysisFingerprint } from './code-fingerprint.js';
import {
  readSections,
  SectionFileError,
  type SectionValue,
  writeSections,
} from './section-file.js';

/**
 * One article's language analysis, cached by the hash of its text: the expensive part of
 * indexing (wink-nlp over every paragraph) is done once per text, whatever corpus it is in and
 * however often the corpus changes around it.
 */

/** Bumped whenever the layout of an article file changes. */
const ARTICLE_FORMAT_VERSION = 1;

/**
 * SHA-256 of what an article's analysis depends on: its paragraphs, the file format, and the
 * code and language data that analyse it (`fingerprint`: the language and indexing stages and
 * the language packages). Its title, file name and links do not enter: an article renamed or
 * retitled keeps its analysis.
 */
export function articleKey(
  document: Pick<ArticleDocument, 'paragraphs'>,
  fingerprint: string = analysisFingerprint(),
): string {
  const hash = createHash('sha256');
  hash.update(`article ${ARTICLE_FORMAT_VERSION}\n${fingerprint}\n${document.paragraphs.length}\n`);
  for (const paragraph of document.paragraphs) hash.update(`${paragraph.length}:${paragraph}`);
  return hash.digest('hex');
}

/** Writes one article's `annotations` under its content `key` to `file`, atomically. */
export async function writeArticleFile(
  annotations: CompactAnnotations,
  key: string,
  file: string,
): Promise<void> {
  const sections: Record<string, SectionValue> = {};
  for (const [name, value] of Object.entries(annotations.columns)) {
    sections[`annotations.${name}`] = value as SectionValue;
  }
  await writeFileAtomically(file, writeSections(ARTICLE_FORMAT_VERSION, key, sections));
}

/**
 * The analysis of `document` kept in `file`, or null when the file is missing, damaged, made
 * for other text or by another version, or does not fit the article's paragraphs.
 */
export async function readArticleFile(
  document: Pick<ArticleDocument, 'paragraphs'>,
  key: string,
  file: string,
): Promise<CompactAnnotations | null> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    return null;
  }
  try {
    const sections = readSections(data, ARTICLE_FORMAT_VERSION, key);
    const u32 = (name: string): Uint32Array => {
      const value = sections.get(`annotations.${name}`);
      if (!(value instanceof Uint32Array)) throw new SectionFileError(`lacks ${name}`);
      return value;
    };
    const strings = sections.get('annotations.strings');
    if (!Array.isArray(strings) || !strings.every((s) => typeof s === 'string')) return null;
    const annotations = restoreAnnotations({
      strings,
      types: u32('types'),
      paragraphs: u32('paragraphs'),
      tokens: u32('tokens'),
      sentences: u32('sentences'),
      entities: u32('entities'),
    });
    return annotations.paragraphCount === document.paragraphs.length ? annotations : null;
  } catch {
    return null;
  }
}
