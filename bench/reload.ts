import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Corpus, type CorpusIndex, loadCorpus, openIndexedCorpus } from '../src/index.js';
import type { ReloadFigures } from './result-schema.js';

/** The id of the article the reload adds; no generated article has it. */
const ADDED_ID = 'zz-reload-bench';
/** A question only the added article answers (its paragraphs open with this phrase). */
const ADDED_PHRASE = 'The Quillmoor tide survey';

/**
 * A new article as long as the corpus's first one, in its words but new text: each paragraph
 * opens with a phrase no other article has, so it must be analysed and found.
 */
function addedArticle(corpus: Corpus): string {
  const model = corpus.documents[0];
  const paragraphs = (model?.paragraphs ?? ['A paragraph.']).map(
    (paragraph, i) => `${ADDED_PHRASE} (part ${i + 1}) reports: ${paragraph}`,
  );
  return `---\ntitle: ${ADDED_PHRASE}\n---\n\n${paragraphs.join('\n\n')}\n`;
}

/**
 * What a bot following its corpus folder does when one article is added to `corpus` (indexed as
 * `built`), timed as it happens in a bot: read the folder again, update the index in place,
 * answer the first question from the new article; then the same for its removal. The index is
 * changed in place: call this once the built index is no longer measured. Works in a copy of the
 * corpus folder under `work`.
 */
export async function measureReload(
  corpus: Corpus,
  built: CorpusIndex,
  work: string,
): Promise<ReloadFigures> {
  const folder = join(work, 'reload-corpus');
  const cacheDir = join(work, 'reload-cache');
  await rm(folder, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
  await mkdir(cacheDir, { recursive: true });
  await mkdir(folder, { recursive: true });
  // The articles only: the work folder may be the corpus folder itself.
  for (const name of await readdir(corpus.dir)) {
    if (/^\.(md|txt)$/i.test(extname(name)))
      await copyFile(join(corpus.dir, name), join(folder, name));
  }
  const copied = await loadCorpus(folder);
  const logger = {
    info: () => undefined,
    warn: (message: string) => process.stderr.write(`${message}\n`),
  };
  const indexed = await openIndexedCorpus(copied, { logger, cacheDir, built });
  const t0 = performance.now();
  indexed.prepare();
  const prepareMs = performance.now() - t0;

  const file = join(folder, `${ADDED_ID}.md`);
  await writeFile(file, addedArticle(copied));
  const t1 = performance.now();
  const next = await loadCorpus(folder);
  const loadCorpusMs = performance.now() - t1;
  const update = await indexed.update(next);
  const t2 = performance.now();
  const answer = indexed.answerer.answerQuestion(`What does ${ADDED_PHRASE} report?`);
  const firstAnswerMs = performance.now() - t2;
  const totalMs = performance.now() - t1;
  const t3 = performance.now();
  await indexed.settled();
  const cacheWriteMs = performance.now() - t3;

  await rm(file);
  const t4 = performance.now();
  await indexed.update(await loadCorpus(folder));
  const removedAnswer = indexed.answerer.answerQuestion(`What does ${ADDED_PHRASE} report?`);
  const removeTotalMs = performance.now() - t4;
  await indexed.settled();
  await rm(folder, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
  return {
    addedParagraphs: next.documents.find((d) => d.id === ADDED_ID)?.paragraphs.length ?? 0,
    analysedArticles: update.analysed,
    prepareMs,
    loadCorpusMs,
    updateMs: update.elapsedMs,
    firstAnswerMs,
    totalMs,
    answeredFromNew: answer.excerpts[0]?.documentId === ADDED_ID,
    cacheWriteMs,
    removeTotalMs,
    goneAfterRemoval: removedAnswer.excerpts.every((e) => e.documentId !== ADDED_ID),
  };
}
