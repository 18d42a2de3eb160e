import { appendFile, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeFingerprint } from '../../../src/snapshot/code-fingerprint.js';

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
    await appendFile(join(copy, 'short-answer', 'choose-span.ts'), '\n// changed\n');
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
});
