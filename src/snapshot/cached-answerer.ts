// snapshot/: the index snapshot file, its key, and the cache folder that keeps snapshots.
// May import: answerer.ts and every stage below it.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { type Answerer, compactIndexOf, createAnswerer, createAnswererFrom } from '../answerer.js';
import type { Corpus } from '../corpus/load-corpus.js';
import type { Alias } from '../indexing/aliases.js';
import { restoreAnnotations } from '../indexing/annotation-columns.js';
import type { CorpusIndex } from '../indexing/corpus-index.js';
import { restoreParagraphIndex, type SavedParagraphIndex } from '../indexing/search-index.js';
import { DEFAULT_TUNING, type Tuning } from '../tuning.js';
import { codeFingerprint } from './code-fingerprint.js';
import {
  readSections,
  SectionFileError,
  type SectionValue,
  writeSections,
} from './section-file.js';

/** Bumped whenever the layout of the snapshot file changes. */
const FORMAT_VERSION = 3;
/** Snapshot files kept in a cache folder; the least recently used beyond this are deleted. */
const KEEP_SNAPSHOTS = 20;

/** Where {@link createAnswererCached} keeps snapshots unless told otherwise (git-ignored). */
export const DEFAULT_INDEX_CACHE_DIR = '.cache/index';

/** Receives the snapshot cache's one-line reports (a pino logger fits). */
export interface SnapshotLogger {
  info(message: string): void;
  warn(message: string): void;
}

/** Options for {@link createAnswererCached}. */
export interface CachedAnswererOptions {
  /** Folder of snapshot files, relative to the working directory. @default ".cache/index" */
  cacheDir?: string;
  /** @default warnings on stderr, nothing else */
  logger?: SnapshotLogger;
  /** Build afresh and overwrite the snapshot even when it is fresh (`npm run index`). @default false */
  rebuild?: boolean;
}

/**
 * Writes the index of an answerer made by `createAnswerer` (or loaded here) to `file`,
 * atomically: a temporary file renamed into place, so readers never see half a snapshot.
 *
 * @throws {TypeError} when `answerer` was not made by this library; file system errors as they are.
 */
export async function saveSnapshot(answerer: Answerer, file: string): Promise<void> {
  const compact = compactIndexOf(answerer);
  if (!compact) throw new TypeError('saveSnapshot: the answerer was not made by createAnswerer');
  const corpus = { dir: '', documents: answerer.documents };
  const chunks = writeSections(FORMAT_VERSION, snapshotKey(corpus), toSections(compact));
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

/**
 * Reads the snapshot in `file` for `corpus` and returns its answerer, or null when the file is
 * missing, damaged, or was made from other text or by another version (it is never trusted:
 * corpus key, format version and checksum are all checked).
 */
export async function loadSnapshot(corpus: Corpus, file: string): Promise<Answerer | null> {
  const outcome = await readSnapshot(corpus, file);
  return 'answerer' in outcome ? outcome.answerer : null;
}

/**
 * Builds an answerer for `corpus`, or loads it from the snapshot cache when the cache holds one
 * for exactly this text and this version; a new or rebuilt index is saved for the next start.
 * A stale or damaged snapshot is rebuilt with one warning; a failed save is a warning too.
 *
 * @example
 * const qa = await createAnswererCached(await loadCorpus('corpus'), { logger });
 */
export async function createAnswererCached(
  corpus: Corpus,
  options: CachedAnswererOptions = {},
): Promise<Answerer> {
  const logger = options.logger ?? STDERR_LOGGER;
  const folder = resolve(options.cacheDir ?? DEFAULT_INDEX_CACHE_DIR);
  const file = join(folder, `${snapshotKey(corpus).slice(0, 32)}.bin`);
  const started = performance.now();
  const outcome: ReadOutcome = options.rebuild
    ? { problem: 'missing' }
    : await readSnapshot(corpus, file);
  const elapsed = () => `${Math.round(performance.now() - started)} ms`;
  if ('answerer' in outcome) {
    // Recently used snapshots survive the clean-up of the folder.
    await utimes(file, new Date(), new Date()).catch(() => undefined);
    logger.info(`article-qa: index loaded from ${file} in ${elapsed()}`);
    return outcome.answerer;
  }
  const answerer = createAnswerer(corpus);
  try {
    await saveSnapshot(answerer, file);
    await pruneSnapshots(folder);
    const report = `index of ${answerer.documents.length} article(s) built in ${elapsed()}, saved to ${file}`;
    if (outcome.problem === 'missing') logger.info(`article-qa: ${report}`);
    else logger.warn(`article-qa: index snapshot ${file} ${outcome.problem}; ${report}`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.warn(`article-qa: index built in ${elapsed()} but not saved to ${file}: ${reason}`);
  }
  return answerer;
}

const STDERR_LOGGER: SnapshotLogger = {
  info: () => undefined,
  warn: (message) => {
    process.stderr.write(`${message}\n`);
  },
};

type ReadOutcome = { answerer: Answerer } | { problem: string };

async function readSnapshot(corpus: Corpus, file: string): Promise<ReadOutcome> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    return { problem: 'missing' };
  }
  try {
    const sections = readSections(data, FORMAT_VERSION, snapshotKey(corpus));
    return { answerer: createAnswererFrom(corpus, fromSections(sections, DEFAULT_TUNING)) };
  } catch (error) {
    if (error instanceof SectionFileError) return { problem: error.message };
    return { problem: `could not be read (${error instanceof Error ? error.message : error})` };
  }
}

function toSections(compact: CorpusIndex): Record<string, SectionValue> {
  const { annotations, index, reverseRelations, softForms, aliases } = compact;
  const saved = index.save();
  const relationTerms = new Map<string, number>();
  const idOf = (term: string): number => {
    let id = relationTerms.get(term);
    if (id === undefined) {
      id = relationTerms.size;
      relationTerms.set(term, id);
    }
    return id;
  };
  const keys: number[] = [];
  const starts: number[] = [0];
  const targets: number[] = [];
  const weights: number[] = [];
  for (const [term, related] of reverseRelations) {
    keys.push(idOf(term));
    for (const [target, weight] of related) {
      targets.push(idOf(target));
      weights.push(weight);
    }
    starts.push(targets.length);
  }
  return {
    ...prefixed('annotations', annotations.columns),
    'index.terms': [...saved.terms],
    'index.frequencies': saved.frequencies,
    'index.engine': saved.engine as unknown as Record<string, unknown>,
    'relations.terms': [...relationTerms.keys()],
    'relations.keys': Uint32Array.from(keys),
    'relations.starts': Uint32Array.from(starts),
    'relations.targets': Uint32Array.from(targets),
    'relations.weights': Float64Array.from(weights),
    'soft.forms': [...softForms.keys()],
    'soft.terms': [...softForms.values()],
    aliases: aliases.map((a) => [a.nameTerms, a.roleTerms]),
  };
}

function engineSection(value: SectionValue | undefined): SavedParagraphIndex['engine'] {
  if (
    !value ||
    Array.isArray(value) ||
    value instanceof Uint32Array ||
    value instanceof Float64Array
  ) {
    throw new SectionFileError('lacks the index.engine section');
  }
  return value as unknown as SavedParagraphIndex['engine'];
}

function prefixed(prefix: string, values: object): Record<string, SectionValue> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [`${prefix}.${k}`, v]));
}

function fromSections(sections: ReadonlyMap<string, SectionValue>, tuning: Tuning): CorpusIndex {
  const u32 = (name: string): Uint32Array => {
    const value = sections.get(name);
    if (!(value instanceof Uint32Array)) throw new SectionFileError(`lacks the ${name} section`);
    return value;
  };
  const strings = (name: string): string[] => {
    const value = sections.get(name);
    if (!Array.isArray(value) || !value.every((s) => typeof s === 'string')) {
      throw new SectionFileError(`lacks the ${name} section`);
    }
    return value;
  };
  const relationTerms = strings('relations.terms');
  const starts = u32('relations.starts');
  const targets = u32('relations.targets');
  const keys = u32('relations.keys');
  const weights = sections.get('relations.weights');
  if (
    !(weights instanceof Float64Array) ||
    weights.length !== targets.length ||
    starts.length !== keys.length + 1 ||
    starts[keys.length] !== targets.length
  ) {
    throw new SectionFileError('has relations that do not fit together');
  }
  const reverseRelations = new Map<string, Map<string, number>>();
  keys.forEach((key, i) => {
    const related = new Map<string, number>();
    for (let at = starts[i] ?? 0; at < (starts[i + 1] ?? 0); at += 1) {
      related.set(relationTerms[targets[at] ?? 0] ?? '', weights[at] ?? 0);
    }
    reverseRelations.set(relationTerms[key] ?? '', related);
  });
  const forms = strings('soft.forms');
  const softTerms = strings('soft.terms');
  return {
    annotations: restoreAnnotations({
      strings: strings('annotations.strings'),
      types: u32('annotations.types'),
      paragraphs: u32('annotations.paragraphs'),
      tokens: u32('annotations.tokens'),
      sentences: u32('annotations.sentences'),
      entities: u32('annotations.entities'),
    }),
    index: restoreParagraphIndex({
      terms: strings('index.terms'),
      frequencies: u32('index.frequencies'),
      engine: engineSection(sections.get('index.engine')),
    }),
    reverseRelations,
    softForms: new Map(forms.map((form, i) => [form, softTerms[i] ?? ''])),
    aliases: aliasesOf(sections.get('aliases')),
    tuning,
  };
}

/** Aliases are saved as [name terms, role terms] pairs, so any term survives the round trip. */
function aliasesOf(value: SectionValue | undefined): Alias[] {
  const isTerms = (terms: unknown): terms is string[] =>
    Array.isArray(terms) && terms.every((t) => typeof t === 'string');
  if (!Array.isArray(value)) throw new SectionFileError('lacks the aliases section');
  return value.map((pair) => {
    if (!Array.isArray(pair) || !isTerms(pair[0]) || !isTerms(pair[1])) {
      throw new SectionFileError('has a damaged aliases section');
    }
    return { nameTerms: pair[0], roleTerms: pair[1] };
  });
}

/**
 * SHA-256 of what the snapshot depends on: the articles (file names, titles, paragraphs), the
 * format version, and the code and language data that produce the index (the core's sources
 * and the versions of the language packages), so any change makes the old snapshot stale.
 */
function snapshotKey(corpus: Corpus): string {
  const hash = createHash('sha256');
  hash.update(`format ${FORMAT_VERSION}\n${codeFingerprint()}\n`);
  for (const document of corpus.documents) {
    hash.update(JSON.stringify([document.id, basename(document.file), document.title]));
    hash.update(`\n${document.paragraphs.length}\n`);
    for (const paragraph of document.paragraphs) hash.update(`${paragraph.length}:${paragraph}`);
  }
  return hash.digest('hex');
}

async function pruneSnapshots(folder: string): Promise<void> {
  const names = (await readdir(folder)).filter((name) => /^[0-9a-f]{32}\.bin$/.test(name));
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
