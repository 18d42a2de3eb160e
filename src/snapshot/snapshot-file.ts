// snapshot/: the index snapshot file, its key, and the cache folder that keeps snapshots.
// May import: answerer.ts and every stage below it.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Corpus } from '../corpus/load-corpus.js';
import type { CorpusIndex } from '../indexing/corpus-index.js';
import type { Tuning } from '../tuning.js';
import { writeFileAtomically } from './cache-folder.js';
import { codeFingerprint } from './code-fingerprint.js';
import { fromSections, toSections } from './index-sections.js';
import { readSections, SectionFileError, writeSections } from './section-file.js';

/** Bumped whenever the layout of the snapshot file changes. */
const FORMAT_VERSION = 4;

/**
 * SHA-256 of what a snapshot depends on: the articles (file names, titles, paragraphs), the
 * format version, the tuning the index was built with, and the code and language data that
 * produce it (`fingerprint`: every core source file and the language packages' versions), so
 * any change makes the old snapshot stale.
 */
export function snapshotKey(
  corpus: Corpus,
  tuning: Tuning,
  fingerprint: string = codeFingerprint(),
): string {
  const hash = createHash('sha256');
  hash.update(`format ${FORMAT_VERSION}\n${fingerprint}\n${JSON.stringify(tuning)}\n`);
  for (const document of corpus.documents) {
    hash.update(JSON.stringify([document.id, basename(document.file), document.title]));
    hash.update(`\n${document.paragraphs.length}\n`);
    for (const paragraph of document.paragraphs) hash.update(`${paragraph.length}:${paragraph}`);
  }
  return hash.digest('hex');
}

/**
 * Writes `built` (the index of `corpus`) to `file` under `key`, atomically: a temporary file
 * renamed into place, so readers never see half a snapshot.
 *
 * @throws file system errors as they are.
 */
export async function writeSnapshotFile(
  built: CorpusIndex,
  key: string,
  file: string,
): Promise<void> {
  await writeFileAtomically(file, writeSections(FORMAT_VERSION, key, toSections(built)));
}

/** A snapshot read back, or what is wrong with the file ("missing", "is truncated", …). */
export type SnapshotRead = { readonly built: CorpusIndex } | { readonly problem: string };

/**
 * Reads the index in `file` when it was saved under `key` (same text, version and tuning), with
 * its format version and checksum checked: a snapshot is never trusted.
 */
export async function readSnapshotFile(
  file: string,
  key: string,
  tuning: Tuning,
): Promise<SnapshotRead> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    return { problem: 'missing' };
  }
  try {
    return { built: fromSections(readSections(data, FORMAT_VERSION, key), tuning) };
  } catch (error) {
    if (error instanceof SectionFileError) return { problem: error.message };
    return { problem: `could not be read (${error instanceof Error ? error.message : error})` };
  }
}
