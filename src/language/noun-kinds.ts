// language/: general English resources: wink-nlp analysis, WordNet, word vectors, noun kinds.
// May import: tuning.
import type { WordNet } from './wordnet.js';

/** What a noun names, as far as WordNet's lexicographer files tell. */
export type NounKind = 'person' | 'place' | 'group' | 'time';

const KIND_OF_LEXICOGRAPHER_FILE: Readonly<Record<string, NounKind>> = {
  'noun.person': 'person',
  'noun.location': 'place',
  'noun.group': 'group',
  'noun.time': 'time',
};

/**
 * The kind of the first of a noun's most frequent senses (the tuning's `nounSenses`) that names a
 * person, place, group or time.
 */
export function kindOfNoun(wordnet: WordNet, lemma: string): NounKind | null {
  for (const file of wordnet.nounKinds(lemma)) {
    const kind = KIND_OF_LEXICOGRAPHER_FILE[file];
    if (kind) return kind;
  }
  return null;
}
