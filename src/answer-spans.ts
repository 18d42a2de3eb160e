import type { QuestionType } from './answer-schema.js';
import type { AnnotatedParagraph } from './annotated-corpus.js';
import type { Token } from './language.js';
import type { WordNet } from './wordnet.js';

/** A span of a paragraph that could answer a question, with what kind of thing it names. */
export interface CandidateSpan {
  /** Token range, end exclusive. */
  readonly firstToken: number;
  readonly endToken: number;
  readonly kind: SpanKind;
}

/** What a candidate span names. */
export type SpanKind = 'person' | 'place' | 'group' | 'time' | 'number' | 'name' | 'thing';

/** Span kinds that answer each question type, best first. */
export const KINDS_FOR_TYPE: Readonly<Partial<Record<QuestionType, readonly SpanKind[]>>> = {
  who: ['person', 'group', 'name'],
  where: ['place', 'name'],
  when: ['time'],
  'how-many': ['number'],
  what: ['thing', 'name', 'group', 'place', 'person', 'number', 'time'],
};

const NUMBER_ENTITIES = new Set(['CARDINAL', 'MONEY', 'PERCENT', 'QUANTITY']);
const TIME_ENTITIES = new Set(['DATE', 'TIME']);
const NOMINAL = new Set(['NOUN', 'PROPN']);
const NAME_GLUE = new Set(['-', '.', '&']);
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'to', 'from', 'near', 'into']);

function kindOfNoun(wordnet: WordNet, lemma: string): SpanKind | null {
  const kinds = wordnet.nounKinds(lemma, 1);
  if (kinds.includes('noun.person')) return 'person';
  if (kinds.includes('noun.location')) return 'place';
  if (kinds.includes('noun.group')) return 'group';
  if (kinds.includes('noun.time')) return 'time';
  return null;
}

/**
 * Finds answer candidates in tokens [from, to) of a paragraph: entities (dates, numbers), runs of
 * proper nouns (typed as person, place or group through WordNet and the preposition before them)
 * and noun phrases (typed by their head noun).
 */
export function findCandidateSpans(
  paragraph: AnnotatedParagraph,
  from: number,
  to: number,
  wordnet: WordNet,
): CandidateSpan[] {
  const { tokens, entities } = paragraph.analysis;
  const spans: CandidateSpan[] = [];
  const taken = new Set<number>();
  for (const entity of entities) {
    if (entity.firstToken < from || entity.endToken > to) continue;
    const kind = NUMBER_ENTITIES.has(entity.type)
      ? 'number'
      : TIME_ENTITIES.has(entity.type)
        ? 'time'
        : null;
    if (!kind) continue;
    spans.push({ firstToken: entity.firstToken, endToken: entity.endToken, kind });
    for (let t = entity.firstToken; t < entity.endToken; t += 1) taken.add(t);
  }
  for (let t = from; t < to; t += 1) {
    const token = tokens[t] as Token;
    if (taken.has(t)) continue;
    if (token.pos === 'NUM' && token.kind === 'number') {
      spans.push({ firstToken: t, endToken: t + 1, kind: 'number' });
      continue;
    }
    if (token.pos === 'PROPN') {
      let end = t + 1;
      while (end < to) {
        const next = tokens[end] as Token;
        if (next.pos === 'PROPN' && !taken.has(end)) end += 1;
        else if (
          NAME_GLUE.has(next.text) &&
          tokens[end + 1]?.pos === 'PROPN' &&
          next.start === tokens[end - 1]?.end
        )
          end += 2;
        else break;
      }
      spans.push({ firstToken: t, endToken: end, kind: properNounKind(tokens, t, end, wordnet) });
      t = end - 1;
      continue;
    }
    if (token.pos === 'NOUN' || token.pos === 'ADJ') {
      let end = t;
      while (end < to && ['ADJ', 'NOUN'].includes((tokens[end] as Token).pos)) end += 1;
      let head = end - 1;
      while (head >= t && (tokens[head] as Token).pos !== 'NOUN') head -= 1;
      if (head < t) {
        t = end - 1;
        continue;
      }
      let start = t;
      const before = tokens[t - 1];
      if (before && (before.pos === 'DET' || before.pos === 'NUM') && t - 1 >= from) start = t - 1;
      const kind = kindOfNoun(wordnet, (tokens[head] as Token).lemma) ?? 'thing';
      spans.push({ firstToken: start, endToken: head + 1, kind });
      t = end - 1;
    }
  }
  return spans;
}

function properNounKind(
  tokens: readonly Token[],
  first: number,
  end: number,
  wordnet: WordNet,
): SpanKind {
  const last = tokens[end - 1] as Token;
  const known = kindOfNoun(wordnet, last.lemma);
  const before = tokens[first - 1];
  if (known === 'place' || (before && PLACE_PREPOSITIONS.has(before.lemma) && known !== 'person')) {
    return 'place';
  }
  if (known === 'person' || known === 'group') return known;
  // Two or more capitalised words that no dictionary knows are most often a person's name.
  const unknown = tokens.slice(first, end).filter((t) => !wordnet.knows(t.lemma)).length;
  if (end - first >= 2 && unknown >= 1) return 'person';
  return 'name';
}

/** True when a nominal token sits at position `t`. */
export function isNominal(token: Token | undefined): boolean {
  return token !== undefined && NOMINAL.has(token.pos);
}
