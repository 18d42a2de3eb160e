import { readFile, writeFile } from 'node:fs/promises';
import { createPlainMiniSearch, loadPlainMiniSearch } from '../src/eval/plain-minisearch.js';
import {
  type Corpus,
  createAnswererFromIndex,
  indexCorpus,
  loadSnapshot,
  saveSnapshot,
  type TuningOverrides,
} from '../src/index.js';
import type { QueryTarget } from './queries.js';
import { measureReload } from './reload.js';
import type { ReloadFigures } from './result-schema.js';

/** Number of results asked for and scored (top-10 hit rate). */
export const RESULTS_PER_QUERY = 10;

/** The engines compared: the bot's full answer path, and plain MiniSearch as the baseline. */
export type EngineName = 'article-qa' | 'minisearch';

/** What one question returned: the paragraphs, best first, and whether it claimed an answer. */
export interface EngineResponse {
  readonly hits: readonly QueryTarget[];
  readonly answered: boolean;
}

/** A built engine: ask it questions, and save its snapshot when it can. */
export interface BenchEngine {
  readonly name: EngineName;
  ask(question: string): EngineResponse;
  /** Writes the engine's snapshot to `file`. */
  readonly saveSnapshot: (file: string) => Promise<void>;
  /**
   * The bot only: adds an article to a copy of the corpus folder and reloads in place (see
   * `reload.ts`); changes the engine, so it comes last.
   */
  readonly measureReload?: (work: string) => Promise<ReloadFigures>;
}

/**
 * The bot through its public API: `answerQuestion(q, { top: 10 })`, the full answer path
 * (retrieval, reranking, sentence and short-answer extraction), with the shipped tuning or
 * `tuning`. Its snapshot is the core's `saveSnapshot` of the index it was made from.
 */
export function createCoreEngine(corpus: Corpus, tuning: TuningOverrides = {}): BenchEngine {
  const index = indexCorpus(corpus, { tuning });
  const answerer = createAnswererFromIndex(corpus, index);
  return {
    name: 'article-qa',
    ask(question) {
      const answer = answerer.answerQuestion(question, { top: RESULTS_PER_QUERY });
      return {
        hits: answer.excerpts.map((e) => ({ documentId: e.documentId, paragraph: e.paragraph })),
        answered: answer.answered,
      };
    },
    saveSnapshot: (file) => saveSnapshot(corpus, index, file),
    measureReload: (work) => measureReload(corpus, index, work),
  };
}

/**
 * The baseline: MiniSearch with default options (`fields: ['text']`, no fuzzy, no prefix) over
 * the same paragraphs, one document per paragraph, `search(q)` keeping the first 10 results.
 * "Answered" means at least one result. Its snapshot is `JSON.stringify` of the index.
 */
export function createBaselineEngine(corpus: Corpus): BenchEngine {
  const baseline = createPlainMiniSearch(corpus);
  return {
    name: 'minisearch',
    ask(question) {
      const { places, found } = baseline.search(question, RESULTS_PER_QUERY);
      return { hits: places, answered: found > 0 };
    },
    saveSnapshot: (file) => writeFile(file, baseline.toJSON()),
  };
}

/**
 * Loads an engine's snapshot from `file` without the built engine: `MiniSearch.loadJSON` for the
 * baseline, the core's `loadSnapshot` (with the same tuning) for the bot.
 */
export async function loadEngineSnapshot(
  name: EngineName,
  file: string,
  corpus: Corpus,
  tuning: TuningOverrides = {},
): Promise<unknown> {
  if (name === 'minisearch') return loadPlainMiniSearch(await readFile(file, 'utf8'));
  return loadSnapshot(corpus, file, { tuning });
}
