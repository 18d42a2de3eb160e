import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorpusError, DEFAULT_CORPUS_LIMITS, loadCorpus } from '../../src/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'article-qa-bounds-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** How loadCorpus names a file in its messages: relative to the working directory. */
const shown = (name: string) => relative(process.cwd(), join(dir, name));

async function loadError(limits = {}): Promise<CorpusError> {
  const error = await loadCorpus(dir, limits).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(CorpusError);
  return error as CorpusError;
}

describe('corpus bounds at load time', () => {
  it('has documented defaults: 5 MB files, 20,000-character paragraphs, 10,000 documents', () => {
    expect(DEFAULT_CORPUS_LIMITS).toEqual({
      maxFileBytes: 5_000_000,
      maxParagraphChars: 20_000,
      maxDocuments: 10_000,
    });
  });

  it('refuses a file over 5 MB, naming the file, its size and the limit, without reading it', async () => {
    // A sparse file: its size is what is checked, so nothing is written or read.
    const handle = await open(join(dir, 'huge.txt'), 'w');
    await handle.truncate(5_000_001);
    await handle.close();
    const error = await loadError();
    expect(error.code).toBe('CORPUS_LIMIT');
    expect(error.message).toBe(
      `${shown('huge.txt')}: file is 5000001 bytes, over the limit of 5000000 bytes. Split the article into smaller files.`,
    );
  });

  it('refuses a file that is not UTF-8, naming the file', async () => {
    await writeFile(join(dir, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    const error = await loadError();
    expect(error.code).toBe('CORPUS_UNREADABLE');
    expect(error.message).toBe(
      `${shown('latin1.txt')}: not valid UTF-8 text. Save the file as UTF-8.`,
    );
  });

  it('refuses a paragraph over 20,000 characters, naming the file, the paragraph and the limit', async () => {
    await writeFile(join(dir, 'wall.txt'), `Short first paragraph.\n\n${'word '.repeat(4_001)}`);
    const error = await loadError();
    expect(error.code).toBe('CORPUS_LIMIT');
    expect(error.message).toBe(
      `${shown('wall.txt')}: ¶2 is 20004 characters, over the limit of 20000. Separate its paragraphs with blank lines.`,
    );
  });

  it('accepts a paragraph of exactly 20,000 characters', async () => {
    await writeFile(join(dir, 'edge.txt'), 'x'.repeat(20_000));
    const corpus = await loadCorpus(dir);
    expect(corpus.documents[0]?.paragraphs[0]).toHaveLength(20_000);
  });

  it('refuses more documents than the limit, naming the folder and the limit', async () => {
    for (const name of ['a.txt', 'b.txt', 'c.md']) {
      await writeFile(
        join(dir, name),
        name.endsWith('.md') ? '---\ntitle: C\n---\nText.' : 'Text.',
      );
    }
    const error = await loadError({ maxDocuments: 2 });
    expect(error.code).toBe('CORPUS_LIMIT');
    expect(error.message).toBe(
      `${dir}: 3 article files is more than the limit of 2. Split the corpus into several folders.`,
    );
  });
});
