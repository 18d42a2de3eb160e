import { stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { SnapshotFigures } from './result-schema.js';

/** The figures of a snapshot not measured (yet). */
export const NOT_MEASURED: SnapshotFigures = {
  status: 'n/a',
  note: 'not measured',
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
