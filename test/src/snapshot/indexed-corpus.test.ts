import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Answerer,
  createAnswerer,
  type IndexedCorpus,
  loadCorpus,
  openIndexedCorpus,
} from '../../../src/index.js';

const LIVE = 'test/fixtures/live-corpus';
const UPDATES = 'test/fixtures/live-corpus-updates';
const QUESTIONS = [
  'Who leads the ferry workers union?',
  'How much did the roof repair cost?',
  'When will the first trams carry passengers?',
  'How many apple trees did the pupils plant?',
  'How many visitors came to the orchard festival?',
  'Who organised the orchard festival?',
  'When does construction of the tram line start?',
  'What did the pupils plant?',
  'Is there a recipe for apple pie?',
];

/** Every answer, strictly: excerpts, scores, highlights, short answer. */
const answersOf = (qa: Answerer) => QUESTIONS.map((q) => qa.answerQuestion(q, { top: 5 }));

function recordingLogger() {
  const lines: string[] = [];
  return {
    lines,
    info: (message: string) => lines.push(`info ${message}`),
    warn: (message: string) => lines.push(`warn ${message}`),
  };
}

let work: string;
let corpusDir: string;
let cacheDir: string;
const open: IndexedCorpus[] = [];

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'article-qa-indexed-'));
  corpusDir = join(work, 'corpus');
  cacheDir = join(work, 'cache');
  await cp(LIVE, corpusDir, { recursive: true });
});
afterEach(async () => {
  for (const indexed of open.splice(0)) await indexed.settled();
  await rm(work, { recursive: true, force: true });
});

async function openLive(logger = recordingLogger()): Promise<IndexedCorpus> {
  const indexed = await openIndexedCorpus(await loadCorpus(corpusDir), { cacheDir, logger });
  open.push(indexed);
  return indexed;
}

const addUpdate = (name: string) => cp(join(UPDATES, name), join(corpusDir, name));

describe('IndexedCorpus.update', () => {
  it('answers exactly as a fresh build after articles are added, changed and removed', async () => {
    const indexed = await openLive();
    const answerer = indexed.answerer;
    await addUpdate('orchard-festival.md');
    await addUpdate('tram-line.md');
    await rm(join(corpusDir, 'school-garden.md'));
    const next = await loadCorpus(corpusDir);
    const report = await indexed.update(next);

    expect(report.changes).toEqual({
      added: ['orchard-festival.md'],
      changed: ['tram-line.md'],
      removed: ['school-garden.md'],
    });
    expect(report).toMatchObject({ analysed: 2, fromCache: 0, articles: 4, paragraphs: 15 });
    expect(indexed.answerer).toBe(answerer);
    expect(answersOf(answerer)).toStrictEqual(answersOf(createAnswerer(next)));
    expect(answerer.documents.map((d) => d.id)).toEqual([
      'ferry-strike',
      'museum-roof',
      'orchard-festival',
      'tram-line',
    ]);
  });

  it('keeps answering exactly as a fresh build through a run of updates', async () => {
    const indexed = await openLive();
    const steps: (() => Promise<unknown>)[] = [
      () => addUpdate('orchard-festival.md'),
      () => rm(join(corpusDir, 'ferry-strike.md')),
      () => cp(join(LIVE, 'ferry-strike.md'), join(corpusDir, 'ferry-strike.md')),
      () => addUpdate('tram-line.md'),
      () => rm(join(corpusDir, 'museum-roof.md')),
      () => cp(join(LIVE, 'tram-line.md'), join(corpusDir, 'tram-line.md')),
    ];
    for (const step of steps) {
      await step();
      const next = await loadCorpus(corpusDir);
      await indexed.update(next);
      expect(answersOf(indexed.answerer)).toStrictEqual(answersOf(createAnswerer(next)));
    }
  });

  it('analyses nothing for a retitled article, and reports it changed', async () => {
    const indexed = await openLive();
    const file = join(corpusDir, 'museum-roof.md');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('reopens after roof repair', 'opens its doors again'),
    );
    const report = await indexed.update(await loadCorpus(corpusDir));
    expect(report).toMatchObject({
      changes: { added: [], changed: ['museum-roof.md'], removed: [] },
      analysed: 0,
    });
    expect(
      indexed.answerer.answerQuestion('How much did the roof repair cost?').excerpts[0],
    ).toMatchObject({ documentId: 'museum-roof', title: 'Maritime museum opens its doors again' });
  });

  it('reads an article seen before back from the article cache instead of analysing it', async () => {
    const indexed = await openLive();
    await rm(join(corpusDir, 'ferry-strike.md'));
    await indexed.update(await loadCorpus(corpusDir));
    await cp(join(LIVE, 'ferry-strike.md'), join(corpusDir, 'ferry-strike.md'));
    const report = await indexed.update(await loadCorpus(corpusDir));
    expect(report).toMatchObject({ analysed: 0, fromCache: 1 });
    expect(report.changes.added).toEqual(['ferry-strike.md']);
  });

  it('answers from the old corpus while an update is analysing, from the new one after', async () => {
    const indexed = await openLive();
    await addUpdate('orchard-festival.md');
    const question = 'How many visitors came to the orchard festival?';
    const updating = indexed.update(await loadCorpus(corpusDir));
    // The analysis yields between paragraphs: questions asked meanwhile use the old corpus.
    const during = indexed.answerer.answerQuestion(question);
    await updating;
    const after = indexed.answerer.answerQuestion(question);
    expect(during.excerpts.every((e) => e.documentId !== 'orchard-festival')).toBe(true);
    expect(after.excerpts[0]?.documentId).toBe('orchard-festival');
  });

  it('saves the updated index: the next start loads it and answers the same', async () => {
    const indexed = await openLive();
    await addUpdate('orchard-festival.md');
    await rm(join(corpusDir, 'museum-roof.md'));
    await indexed.update(await loadCorpus(corpusDir));
    await indexed.settled();
    const logger = recordingLogger();
    const restarted = await openLive(logger);
    expect(logger.lines).toEqual([expect.stringMatching(/^info article-qa: index loaded from/)]);
    expect(answersOf(restarted.answerer)).toStrictEqual(answersOf(indexed.answerer));
  });

  it('builds a corpus that changed while stopped from the article cache', async () => {
    await (await openLive()).settled();
    await addUpdate('orchard-festival.md');
    const logger = recordingLogger();
    const reopened = await openLive(logger);
    expect(logger.lines).toEqual([
      expect.stringMatching(
        /index of 5 article\(s\) built in \d+ ms \(4 article\(s\) from the article cache\)/,
      ),
    ]);
    const next = await loadCorpus(corpusDir);
    expect(answersOf(reopened.answerer)).toStrictEqual(answersOf(createAnswerer(next)));
  });

  it('keeps one snapshot for the corpus in use: an update deletes the one it replaced', async () => {
    const indexed = await openLive();
    await indexed.settled();
    const before = (await readdir(cacheDir)).filter((name) => name.endsWith('.bin'));
    await addUpdate('orchard-festival.md');
    await indexed.update(await loadCorpus(corpusDir));
    await indexed.settled();
    const after = (await readdir(cacheDir)).filter((name) => name.endsWith('.bin'));
    expect(before).toHaveLength(1);
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
    expect(await readdir(join(cacheDir, 'articles'))).toHaveLength(5);
  });

  it('leaves the index as it was when the next corpus cannot be read', async () => {
    const indexed = await openLive();
    await addUpdate('broken-front-matter.md');
    await expect(loadCorpus(corpusDir)).rejects.toThrow(/broken-front-matter\.md: front matter/);
    expect(indexed.answerer.documents).toHaveLength(4);
    expect(answersOf(indexed.answerer)).toStrictEqual(
      answersOf(createAnswerer(await loadCorpus(LIVE))),
    );
  });
});

describe('the snapshot after updates', () => {
  it('is written once the corpus is quiet (or at settled), not at each update', async () => {
    const indexed = await openIndexedCorpus(await loadCorpus(corpusDir), {
      cacheDir,
      logger: recordingLogger(),
      snapshotDelayMs: 60_000,
    });
    open.push(indexed);
    await indexed.settled();
    const snapshots = async () => (await readdir(cacheDir)).filter((n) => n.endsWith('.bin'));
    const first = await snapshots();
    await addUpdate('orchard-festival.md');
    await indexed.update(await loadCorpus(corpusDir));
    await rm(join(corpusDir, 'ferry-strike.md'));
    await indexed.update(await loadCorpus(corpusDir));
    // The new article's analysis is cached at once; the corpus snapshot waits.
    expect(await readdir(join(cacheDir, 'articles'))).toHaveLength(5);
    expect(await snapshots()).toEqual(first);
    await indexed.settled();
    const last = await snapshots();
    expect(last).toHaveLength(1);
    expect(last).not.toEqual(first);
  });
});

describe('the article cache', () => {
  it('keeps the articles in use and at most 1,000 others, newest first', async () => {
    const indexed = await openLive();
    await indexed.settled();
    const articles = join(cacheDir, 'articles');
    for (let i = 0; i < 1003; i += 1) {
      await writeFile(join(articles, `e${i.toString(16).padStart(31, '0')}.bin`), 'old');
    }
    await addUpdate('orchard-festival.md');
    await indexed.update(await loadCorpus(corpusDir));
    await indexed.settled();
    const names = await readdir(articles);
    // The 4 articles in use, the new one, and 1,000 unused files.
    expect(names).toHaveLength(1005);
  });
});
