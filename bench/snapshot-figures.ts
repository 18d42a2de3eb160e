import { stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { Answerer, Corpus } from '../src/index.js';
import type { SnapshotFigures } from './result-schema.js';

/** The core's snapshot functions, found at run time (the harness compiles with or without them). */
export interface SnapshotApi {
  readonly saveSnapshot: (...args: unknown[]) => unknown;
  readonly loadSnapshot: (...args: unknown[]) => unknown;
}

/** What the snapshot calls get to work with. */
export interface SnapshotContext {
  readonly corpus: Corpus;
  /** The answerer built from `corpus` (given when saving). */
  readonly answerer?: Answerer;
  /** Where the harness wants the snapshot: `bench/data/<size>/.snapshot-article-qa`. */
  readonly file: string;
}

/**
 * SNAPSHOT WIRING — the one place to adapt if the core's snapshot functions change:
 * `saveSnapshot(answerer, file)` writes the index of an answerer made by `createAnswerer`, and
 * `loadSnapshot(corpus, file)` gives an Answerer, or null for a missing or stale snapshot. A
 * mismatch shows as `failed` with the error in the report, never as a crash.
 */
export const SNAPSHOT_WIRING = {
  save: async (api: SnapshotApi, context: SnapshotContext): Promise<void> => {
    await api.saveSnapshot(context.answerer, context.file);
  },
  load: async (api: SnapshotApi, context: SnapshotContext): Promise<unknown> =>
    api.loadSnapshot(context.corpus, context.file),
};

/** The snapshot functions of `src/index.ts`, or null while it exports none. */
export async function findSnapshotApi(): Promise<SnapshotApi | null> {
  const core: Record<string, unknown> = await import('../src/index.js');
  const { saveSnapshot, loadSnapshot } = core;
  if (typeof saveSnapshot !== 'function' || typeof loadSnapshot !== 'function') return null;
  return {
    saveSnapshot: saveSnapshot as SnapshotApi['saveSnapshot'],
    loadSnapshot: loadSnapshot as SnapshotApi['loadSnapshot'],
  };
}

/** The figures reported while there is nothing to measure. */
export const NO_SNAPSHOT: SnapshotFigures = {
  status: 'n/a',
  note: 'src/index.ts exports no saveSnapshot/loadSnapshot yet',
  saveMs: null,
  loadMs: null,
  bytes: null,
  heapAfterLoadBytes: null,
};

/** Times `save` (which writes `file`) and returns the time and the file's size. */
export async function measureSnapshotSave(
  save: () => Promise<void>,
  file: string,
): Promise<Pick<SnapshotFigures, 'saveMs' | 'bytes'>> {
  const t0 = performance.now();
  await save();
  const saveMs = performance.now() - t0;
  const info = await stat(file).catch(() => null);
  return { saveMs, bytes: info?.isFile() ? info.size : null };
}

/**
 * Times `load` and returns the time and the settled heap while what it loaded is alive. Call it
 * once the built engine is no longer referenced, so the heap is the loaded one's.
 */
export async function measureSnapshotLoad(
  load: () => Promise<unknown>,
  settledHeap: () => number,
): Promise<Pick<SnapshotFigures, 'loadMs' | 'heapAfterLoadBytes'>> {
  const t0 = performance.now();
  const loaded = await load();
  const loadMs = performance.now() - t0;
  // The heap is read before `loaded` is last used, so what was loaded is still alive in it.
  const heapAfterLoadBytes = settledHeap();
  if (!loaded) throw new Error('the load returned nothing: the snapshot was not used');
  return { loadMs, heapAfterLoadBytes };
}
