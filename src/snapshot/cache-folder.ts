// snapshot/: the index snapshot file, its key, and the cache folder that keeps snapshots.
// May import: answerer.ts and every stage below it.
import { readdir, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';

/** Snapshot files kept in a cache folder; the least recently used beyond this are deleted. */
const KEEP_SNAPSHOTS = 20;
const SNAPSHOT_NAME = /^[0-9a-f]{32}\.bin$/;

/** Where in `folder` the snapshot saved under `key` lives. */
export function snapshotPath(folder: string, key: string): string {
  return join(folder, `${key.slice(0, 32)}.bin`);
}

/** Marks a snapshot as just used, so the clean-up of its folder keeps it. */
export async function touchSnapshot(file: string): Promise<void> {
  await utimes(file, new Date(), new Date()).catch(() => undefined);
}

/** Deletes the least recently used snapshots of `folder` beyond the 20 newest; other files stay. */
export async function pruneSnapshots(folder: string): Promise<void> {
  const names = (await readdir(folder)).filter((name) => SNAPSHOT_NAME.test(name));
  if (names.length <= KEEP_SNAPSHOTS) return;
  const files = await Promise.all(
    names.map(async (name) => {
      const info = await stat(join(folder, name)).catch(() => null);
      return { name, used: info?.mtimeMs ?? 0 };
    }),
  );
  files.sort((a, b) => b.used - a.used);
  for (const { name } of files.slice(KEEP_SNAPSHOTS)) await rm(join(folder, name), { force: true });
}
