// snapshot/: the index snapshot file, its key, and the cache folder that keeps snapshots.
// May import: answerer.ts and every stage below it.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Snapshot files kept in a cache folder; the least recently used beyond this are deleted. */
const KEEP_SNAPSHOTS = 20;
/**
 * Article files kept beyond those of the corpus in use, newest first: an article edited back
 * and forth, or a corpus rolled back, is not analysed again. Bounds the folder at the corpus's
 * own articles plus this many.
 */
const KEEP_UNUSED_ARTICLES = 1_000;
const SNAPSHOT_NAME = /^[0-9a-f]{32}\.bin$/;
/** The subfolder of a cache folder that keeps one analysis file per article. */
const ARTICLES = 'articles';

/** Where in `folder` the snapshot saved under `key` lives. */
export function snapshotPath(folder: string, key: string): string {
  return join(folder, `${key.slice(0, 32)}.bin`);
}

/** Where in `folder` the analysis of the article with content key `key` lives. */
export function articlePath(folder: string, key: string): string {
  return join(folder, ARTICLES, `${key.slice(0, 32)}.bin`);
}

/**
 * Writes `chunks` to `file` atomically: a temporary file renamed into place, so readers (another
 * process, say) never see half a file.
 *
 * @throws file system errors as they are.
 */
export async function writeFileAtomically(file: string, chunks: readonly Buffer[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, chunks);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Marks a snapshot as just used, so the clean-up of its folder keeps it. */
export async function touchSnapshot(file: string): Promise<void> {
  await utimes(file, new Date(), new Date()).catch(() => undefined);
}

/**
 * Deletes the least recently used snapshots of `folder` beyond the 20 newest, and the article
 * files no article of the corpus in use needs (`inUse`: their content keys) beyond the 1,000
 * newest. Other files stay.
 */
export async function pruneSnapshots(
  folder: string,
  inUse: ReadonlySet<string> = new Set(),
): Promise<void> {
  const snapshots = await filesByAge(folder);
  for (const { name } of snapshots.slice(KEEP_SNAPSHOTS)) {
    await rm(join(folder, name), { force: true });
  }
  const kept = new Set([...inUse].map((key) => `${key.slice(0, 32)}.bin`));
  const unused = (await filesByAge(join(folder, ARTICLES))).filter(({ name }) => !kept.has(name));
  for (const { name } of unused.slice(KEEP_UNUSED_ARTICLES)) {
    await rm(join(folder, ARTICLES, name), { force: true });
  }
}

/** The snapshot-named files of `folder`, most recently used first; none when it is missing. */
async function filesByAge(folder: string): Promise<{ name: string; used: number }[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const files = await Promise.all(
    names
      .filter((name) => SNAPSHOT_NAME.test(name))
      .map(async (name) => {
        const info = await stat(join(folder, name)).catch(() => null);
        return { name, used: info?.mtimeMs ?? 0 };
      }),
  );
  return files.sort((a, b) => b.used - a.used);
}
