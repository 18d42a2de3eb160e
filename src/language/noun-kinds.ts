import type { SpanKind } from '../short-answer/phrase-spans.js';
import type { WordNet } from './wordnet.js';

const KIND_OF_LEXICOGRAPHER_FILE: Readonly<Record<string, SpanKind>> = {
  'noun.person': 'person',
  'noun.location': 'place',
  'noun.group': 'group',
  'noun.time': 'time',
};

/** The kind of the first of a noun's two most frequent senses that names a person, place, group or time. */
export function kindOfNoun(wordnet: WordNet, lemma: string): SpanKind | null {
  for (const file of wordnet.nounKinds(lemma, 2)) {
    const kind = KIND_OF_LEXICOGRAPHER_FILE[file];
    if (kind) return kind;
  }
  return null;
}
