import { appendFile, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Corpus } from '../../../src/corpus/load-corpus.js';
import { buildCorpusIndex } from '../../../src/indexing/corpus-index.js';
import { analysisFingerprint, codeFingerprint } from '../../../src/snapshot/code-fingerprint.js';
import {
  readSnapshotFile,
  snapshotKey,
  writeSnapshotFile,
} from '../../../src/snapshot/snapshot-file.js';
import { DEFAULT_TUNING } from '../../../src/tuning.js';

const SOURCES = join(import.meta.dirname, '..', '..', '..', 'src');

describe('codeFingerprint', () => {
  let folder: string;
  let copy: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'article-qa-fingerprint-'));
    copy = join(folder, 'src');
    await cp(SOURCES, copy, { recursive: true });
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('is the same for the same sources wherever they are', async () => {
    const other = join(folder, 'other', 'src');
    await cp(SOURCES, other, { recursive: true });
    expect(codeFingerprint(copy)).toBe(codeFingerprint(other));
    expect(codeFingerprint(copy)).toBe(codeFingerprint());
  });

  it('changes when a file in a stage folder changes', async () => {
    const before = codeFingerprint(copy);
    await appendFile(join(copy, 'short-answer', 'pick-short-answer.ts'), '\n// changed\n');
    expect(codeFingerprint(copy)).not.toBe(before);
  });

  it('changes when a file is added to a stage folder', async () => {
    const before = codeFingerprint(copy);
    await writeFile(join(copy, 'retrieval', 'extra-signal.ts'), 'export const extra = 1;\n');
    expect(codeFingerprint(copy)).not.toBe(before);
  });

  it('changes when a top-level file changes', async () => {
    const before = codeFingerprint(copy);
    await appendFile(join(copy, 'answerer.ts'), '\n// changed\n');
    expect(codeFingerprint(copy)).not.toBe(before);
  });

  it('makes a snapshot saved before a change in a stage folder stale', async () => {
    const corpus: Corpus = {
      dir: '.',
      documents: [
        {
          id: 'pier',
          title: 'Pier',
          source: null,
          url: null,
          published: null,
          file: 'pier.txt',
          paragraphs: ['The pier reopens in May.'],
        },
      ],
    };
    const file = join(folder, 'pier.bin');
    const keyOf = () => snapshotKey(corpus, DEFAULT_TUNING, codeFingerprint(copy));
    await writeSnapshotFile(buildCorpusIndex(corpus, DEFAULT_TUNING), keyOf(), file);
    expect(await readSnapshotFile(file, keyOf(), DEFAULT_TUNING)).toHaveProperty('built');
    await appendFile(join(copy, 'decision', 'decide-answer.ts'), '\n// changed\n');
    expect(await readSnapshotFile(file, keyOf(), DEFAULT_TUNING)).toEqual({
      problem: 'was made from another corpus or version',
    });
  });

  it('keys the article cache on the stages that analyse text, not on the later ones', async () => {
    const before = analysisFingerprint(copy);
    expect(before).toBe(analysisFingerprint());
    await appendFile(join(copy, 'decision', 'decide-answer.ts'), '\n// changed\n');
    expect(analysisFingerprint(copy)).toBe(before);
    await appendFile(join(copy, 'language', 'text-analysis.ts'), '\n// changed\n');
    const afterLanguage = analysisFingerprint(copy);
    expect(afterLanguage).not.toBe(before);
    await appendFile(join(copy, 'indexing', 'annotation-columns.ts'), '\n// changed\n');
    expect(analysisFingerprint(copy)).not.toBe(afterLanguage);
  });
});
