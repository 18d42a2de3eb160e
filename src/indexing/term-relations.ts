// indexing/: the corpus index built once: MiniSearch, annotations, term relations, aliases.
// May import: language, corpus, tuning, errors.
import type { Token } from '../language/text-analysis.js';
import { termOf } from '../language/text-analysis.js';
import type { WordNet, WordNetPos } from '../language/wordnet.js';
import type { Tuning } from '../tuning.js';
import type { ParagraphIndex } from './search-index.js';

const WORDNET_POS: Readonly<Record<string, WordNetPos>> = {
  NOUN: 'noun',
  PROPN: 'noun',
  VERB: 'verb',
  AUX: 'verb',
  ADJ: 'adj',
  ADV: 'adv',
};

/** The WordNet part of speech for a universal POS tag, when there is one. */
export function wordNetPos(pos: string): WordNetPos | undefined {
  return WORDNET_POS[pos];
}

/** The tuned numbers of the corpus-vocabulary relations (term relations, soft matches, aliases). */
export type IndexingTuning = Tuning['indexing'];

/** A corpus term that a question word can stand for, and how surely (1 = the same word). */
export interface RelatedTerm {
  readonly term: string;
  readonly weight: number;
}

/** Maps a question's words onto the corpus vocabulary: same stem, typo, or WordNet relation. */
export interface TermRelations {
  /** Corpus terms the question token can match, strongest first; [] when none. */
  expand(token: Pick<Token, 'term' | 'lemma' | 'text' | 'pos'>): readonly RelatedTerm[];
}

/**
 * Longer words are never typo-matched: no dictionary word is this long, and MiniSearch's fuzzy
 * look-up allocates a table per character (a 100,000-letter "word" throws a RangeError).
 */
const TYPO_MAX_LENGTH = 30;
/**
 * Question words whose expansions are kept, least recently used first out: enough for every word
 * of a busy day's questions, and a bound on what a long-running bot holds.
 */
const EXPAND_CACHE_LIMIT = 10_000;

/**
 * WordNet read backwards over a corpus: for a word's term, the corpus terms whose WordNet
 * relations reach that word, with the strength of the relation. Worked out once per corpus (and
 * kept in the index snapshot).
 */
export type ReverseRelations = ReadonlyMap<string, ReadonlyMap<string, number>>;

/**
 * The corpus half of the term relations, worked out at index time: which corpus terms each word
 * is related to. WordNet is consulted in both directions at question time: what the question
 * word relates to, and (through these) which corpus words relate to the question word, so
 * "deaths" finds "killed" through "kill" causes "die".
 */
export function findReverseRelations(
  corpusWords: Iterable<{ readonly lemma: string; readonly pos: string }>,
  index: ParagraphIndex,
  wordnet: WordNet,
  tuning: IndexingTuning,
): ReverseRelations {
  const reverse = new Map<string, Map<string, number>>();
  for (const { lemma, pos } of corpusWords) {
    const own = termOf(lemma);
    if (!own || index.documentFrequency(own) === 0) continue;
    for (const { key, weight } of relationsOfWord(lemma, pos, wordnet, tuning)) {
      let entry = reverse.get(key);
      if (!entry) {
        entry = new Map();
        reverse.set(key, entry);
      }
      entry.set(own, Math.max(entry.get(own) ?? 0, weight));
    }
  }
  return reverse;
}

/** One reverse relation a corpus word brings: under `key`, its own term with `weight`. */
export interface WordRelation {
  readonly key: string;
  readonly weight: number;
}

/**
 * The reverse relations one corpus word (`lemma` tagged `pos`) brings, in the order
 * {@link findReverseRelations} adds them: for each word WordNet relates it to, that word's key
 * and the strength of the relation. The word's own term is `termOf(lemma)`.
 */
export function relationsOfWord(
  lemma: string,
  pos: string,
  wordnet: WordNet,
  tuning: IndexingTuning,
): WordRelation[] {
  const own = termOf(lemma);
  const modifier = isModifier(wordNetPos(pos));
  const relations: WordRelation[] = [];
  for (const [word, weight] of wordnet.relatedWords(lemma, wordNetPos(pos))) {
    if (word.includes(' ')) continue;
    const term = termOf(word);
    if (!term || term === own) continue;
    relations.push({ key: reverseKey(term, modifier), weight: weight * tuning.relationScale });
  }
  return relations;
}

const isModifier = (pos: WordNetPos | undefined): boolean => pos === 'adj' || pos === 'adv';

/** Reverse relations are kept apart for corpus adjectives and adverbs and for other words. */
function reverseKey(term: string, modifier: boolean): string {
  return modifier ? `m:${term}` : `o:${term}`;
}

/** The term relations of a corpus, over reverse relations found at index time (or read from a snapshot). */
export function createTermRelationsFrom(
  reverse: ReverseRelations,
  index: ParagraphIndex,
  wordnet: WordNet,
  tuning: IndexingTuning,
  knownWord?: (word: string) => boolean,
): TermRelations {
  const { relationScale, typo, morphology } = tuning;
  const cache = new Map<string, readonly RelatedTerm[]>();
  return {
    expand(token) {
      if (!token.term) return [];
      const key = `${token.term}|${token.lemma}|${token.text.toLowerCase()}|${token.pos}`;
      const cached = cache.get(key);
      if (cached) {
        cache.delete(key);
        cache.set(key, cached);
        return cached;
      }
      const found = new Map<string, number>();
      const add = (term: string, weight: number) => {
        if (index.documentFrequency(term) > 0 && (found.get(term) ?? 0) < weight) {
          found.set(term, weight);
        }
      };
      add(token.term, 1);
      const unknownWord =
        !/^\d/.test(token.term) &&
        !wordnet.knows(token.lemma) &&
        !wordnet.knows(token.text.toLowerCase()) &&
        !(knownWord?.(token.text.toLowerCase()) ?? false);
      if (!found.has(token.term) && (unknownWord || token.pos === 'PROPN')) {
        const typoBudget = token.term.length >= typo.twoEditsLength ? 2 : 1;
        // Only words no dictionary knows (names, misspellings) get here, so "writing" never
        // becomes "white".
        if (token.term.length >= typo.minLength && token.term.length <= TYPO_MAX_LENGTH) {
          for (const similar of index
            .similarTerms(token.term, typoBudget)
            .slice(0, typo.candidates)) {
            add(similar, typo.weight);
          }
        }
      }
      // Derived forms the stemmer leaves apart ("Iberia" ~ "Iberian"): a corpus term that
      // extends the question's term by a few letters.
      if (token.term.length >= morphology.minLength && !/^\d/.test(token.term)) {
        for (const longer of index.extensions(token.term, morphology.reach)) {
          add(longer, morphology.weight);
        }
        // And the other way: "Chilean" in the question, "Chile" in the corpus.
        for (let cut = 1; cut <= morphology.reach; cut += 1) {
          const shorter = token.term.slice(0, -cut);
          if (shorter.length >= morphology.minLength) add(shorter, morphology.weight);
        }
      }
      const pos = wordNetPos(token.pos);
      const forms = [...new Set([token.lemma, token.text.toLowerCase()])];
      // "rising" (adjective) is not the verb "rise" (= rebel): a form WordNet knows in the
      // tagged part of speech speaks for the word.
      const tagged = pos ? forms.filter((f) => wordnet.partsOfSpeech(f).includes(pos)) : [];
      for (const form of tagged.length > 0 ? tagged : forms) {
        for (const [word, weight] of wordnet.relatedWords(form, pos)) {
          if (!word.includes(' ')) add(termOf(word), weight * relationScale);
        }
      }
      // An adjective or adverb only reaches corpus words through their own adjective senses
      // ("rising" is not "rebel" through the verb "rise"); other words through any.
      for (const [term, weight] of reverse.get(reverseKey(token.term, true)) ?? [])
        add(term, weight);
      if (!isModifier(pos)) {
        for (const [term, weight] of reverse.get(reverseKey(token.term, false)) ?? []) {
          add(term, weight);
        }
      }
      const result = [...found]
        .map(([term, weight]) => ({ term, weight }))
        .sort((a, b) => b.weight - a.weight);
      if (cache.size >= EXPAND_CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
      cache.set(key, result);
      return result;
    },
  };
}
