import { chmod, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type Answerer,
  type Corpus,
  type CorpusIndex,
  createAnswererCached,
  createAnswererFromIndex,
  indexCorpus,
  loadCorpus,
  loadSnapshot,
  saveSnapshot,
} from '../../../src/index.js';
import { snapshotKey } from '../../../src/snapshot/snapshot-file.js';
import { DEFAULT_TUNING } from '../../../src/tuning.js';

const QUESTIONS = [
  'How many troops has Russia gathered near the border?',
  'Who leads Russia?',
  'When will Blinken meet Lavrov?',
  'What did Lavrov say?',
  'Is there a recipe for apple pie?',
];

function answersOf(qa: Answerer): unknown[] {
  return QUESTIONS.map((q) => qa.answerQuestion(q, { top: 5 }));
}

function tinyCorpus(paragraphs: string[], title = 'Harbour notes'): Corpus {
  return {
    dir: '/virtual',
    documents: [
      {
        id: 'harbour',
        title,
        source: null,
        url: null,
        published: null,
        file: '/virtual/harbour.md',
        paragraphs,
      },
    ],
  };
}

/** The corpus snapshots of a cache folder (its `articles/` subfolder aside). */
async function snapshotsIn(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter((name) => name.endsWith('.bin'));
}

function recordingLogger() {
  const lines: { level: 'info' | 'warn'; message: string }[] = [];
  return {
    lines,
    info: (message: string) => lines.push({ level: 'info', message }),
    warn: (message: string) => lines.push({ level: 'warn', message }),
  };
}

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'article-qa-snapshot-'));
});
afterEach(async () => {
  await chmod(folder, 0o700).catch(() => undefined);
  await rm(folder, { recursive: true, force: true });
});

describe('saveSnapshot and loadSnapshot', () => {
  let article: Corpus;
  let index: CorpusIndex;
  let built: Answerer;
  beforeAll(async () => {
    article = await loadCorpus('corpus');
    index = indexCorpus(article);
    built = createAnswererFromIndex(article, index);
  });

  it('load an answerer that answers exactly as the one built from the text', async () => {
    const file = join(folder, 'article.bin');
    await saveSnapshot(article, index, file);
    const loaded = await loadSnapshot(article, file);
    expect(loaded).not.toBeNull();
    expect(answersOf(loaded as Answerer)).toStrictEqual(answersOf(built));
    expect(loaded?.getParagraph('blinken-kyiv-visit', 3)).toStrictEqual(
      built.getParagraph('blinken-kyiv-visit', 3),
    );
    expect(loaded?.documents).toBe(article.documents);
    expect(await readdir(folder)).toEqual(['article.bin']);
  });

  it('return null for a missing file, another corpus, a damaged or a truncated file', async () => {
    const file = join(folder, 'article.bin');
    expect(await loadSnapshot(article, file)).toBeNull();
    await saveSnapshot(article, index, file);
    const [document] = article.documents;
    const edited: Corpus = {
      ...article,
      documents: [{ ...(document as Corpus['documents'][number]), title: 'Another title' }],
    };
    expect(await loadSnapshot(edited, file)).toBeNull();

    const bytes = await readFile(file);
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 100] = (damaged[damaged.length - 100] ?? 0) ^ 0xff;
    await writeFile(file, damaged);
    expect(await loadSnapshot(article, file)).toBeNull();
    await writeFile(file, bytes.subarray(0, bytes.length - 8));
    expect(await loadSnapshot(article, file)).toBeNull();
    await writeFile(file, 'not a snapshot at all');
    expect(await loadSnapshot(article, file)).toBeNull();
  });

  it('misses a snapshot saved with another tuning, and loads it with that tuning', async () => {
    const file = join(folder, 'article.bin');
    const tuning = { retrieval: { candidates: 5 } };
    await saveSnapshot(article, indexCorpus(article, { tuning }), file);
    expect(await loadSnapshot(article, file)).toBeNull();
    const loaded = await loadSnapshot(article, file, { tuning });
    expect(loaded && answersOf(loaded)).toStrictEqual(
      answersOf(createAnswererFromIndex(article, indexCorpus(article, { tuning }))),
    );
  });

  it('leaves one whole file when two processes save the same snapshot at once', async () => {
    const file = join(folder, 'article.bin');
    await Promise.all([saveSnapshot(article, index, file), saveSnapshot(article, index, file)]);
    expect(await readdir(folder)).toEqual(['article.bin']);
    expect(await loadSnapshot(article, file)).not.toBeNull();
  });
});

describe('snapshotKey', () => {
  it('changes with the text, the tuning and the code fingerprint', () => {
    const corpus = tinyCorpus(['The council voted.']);
    const key = snapshotKey(corpus, DEFAULT_TUNING, 'code-a');
    expect(snapshotKey(corpus, DEFAULT_TUNING, 'code-a')).toBe(key);
    expect(snapshotKey(tinyCorpus(['The council voted!']), DEFAULT_TUNING, 'code-a')).not.toBe(key);
    const tuning = {
      ...DEFAULT_TUNING,
      retrieval: { ...DEFAULT_TUNING.retrieval, candidates: 5 },
    };
    expect(snapshotKey(corpus, tuning, 'code-a')).not.toBe(key);
    expect(snapshotKey(corpus, DEFAULT_TUNING, 'code-b')).not.toBe(key);
  });
});

describe('createAnswererCached', () => {
  const corpus = tinyCorpus([
    'The harbour council voted on Tuesday to repair the old lighthouse.',
    'Repairs will cost 40,000 euros and start in May.',
  ]);

  it('builds and saves on the first start, then loads the snapshot', async () => {
    const logger = recordingLogger();
    const first = await createAnswererCached(corpus, { cacheDir: folder, logger });
    const files = await snapshotsIn(folder);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{32}\.bin$/);
    expect(logger.lines).toEqual([{ level: 'info', message: expect.stringMatching(/built in/) }]);

    const second = await createAnswererCached(corpus, { cacheDir: folder, logger });
    expect(logger.lines[1]).toEqual({ level: 'info', message: expect.stringMatching(/loaded/) });
    const question = 'How much will the repairs cost?';
    expect(second.answerQuestion(question)).toStrictEqual(first.answerQuestion(question));
  });

  it('keeps one snapshot per text: a changed paragraph gets a snapshot of its own', async () => {
    await createAnswererCached(corpus, { cacheDir: folder, logger: recordingLogger() });
    const edited = tinyCorpus(['The harbour council voted on Wednesday.', 'Repairs start in May.']);
    const qa = await createAnswererCached(edited, { cacheDir: folder, logger: recordingLogger() });
    expect(await snapshotsIn(folder)).toHaveLength(2);
    expect(await readdir(join(folder, 'articles'))).toHaveLength(2);
    expect(qa.answerQuestion('When did the council vote?').excerpts[0]?.text).toContain(
      'Wednesday',
    );
  });

  it('rebuilds a damaged snapshot with one warning and saves a good one', async () => {
    await createAnswererCached(corpus, { cacheDir: folder, logger: recordingLogger() });
    const [name] = await snapshotsIn(folder);
    const file = join(folder, name ?? '');
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length >> 1));

    const logger = recordingLogger();
    const qa = await createAnswererCached(corpus, { cacheDir: folder, logger });
    expect(logger.lines).toEqual([
      { level: 'warn', message: expect.stringMatching(/index snapshot .* is truncated; .*built/) },
    ]);
    expect(qa.answerQuestion('When do repairs start?').excerpts.length).toBeGreaterThan(0);
    expect(await loadSnapshot(corpus, file)).not.toBeNull();
  });

  it('answers with a warning when the snapshot cannot be saved', async () => {
    await chmod(folder, 0o500);
    const logger = recordingLogger();
    const qa = await createAnswererCached(corpus, { cacheDir: folder, logger });
    expect(qa.answerQuestion('When do repairs start?').excerpts.length).toBeGreaterThan(0);
    // Running as root ignores the permission; then the snapshot is simply saved.
    if ((await readdir(folder)).length === 0) {
      expect(logger.lines).toEqual([
        { level: 'warn', message: expect.stringMatching(/not saved to .*EACCES/) },
      ]);
    }
  });

  it('keeps the 20 most recently used snapshots in its folder', async () => {
    const old = new Date('2020-01-01T00:00:00Z');
    for (let i = 0; i < 25; i += 1) {
      const file = join(folder, `${i.toString(16).padStart(32, '0')}.bin`);
      await writeFile(file, 'old');
      await utimes(file, old, new Date(old.getTime() + i * 1000));
    }
    await writeFile(join(folder, 'notes.txt'), 'not a snapshot');
    await createAnswererCached(corpus, { cacheDir: folder, logger: recordingLogger() });
    const names = (await readdir(folder)).filter((n) => n.endsWith('.bin'));
    expect(names).toHaveLength(20);
    expect(names).not.toContain(`${'0'.repeat(32)}.bin`);
    expect((await stat(join(folder, 'notes.txt'))).isFile()).toBe(true);
  });
});
