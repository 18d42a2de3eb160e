import type { AnnotatedParagraph } from './annotated-corpus.js';
import type { QuestionType } from './answer-schema.js';
import type { Token } from './language.js';
import type { WordNet } from './wordnet.js';

/** A span of a paragraph that could answer a question, with what kind of thing it names. */
export interface CandidateSpan {
  /** Token range, end exclusive. */
  readonly firstToken: number;
  readonly endToken: number;
  readonly kind: SpanKind;
  /** Index of the span's head token (the noun it is about). */
  readonly head: number;
  /** Where the span stands for closeness to the question's words, when not its own range. */
  readonly anchor?: { readonly firstToken: number; readonly endToken: number };
}

/** What a candidate span names. */
export type SpanKind =
  | 'person'
  | 'place'
  | 'group'
  | 'time'
  | 'number'
  | 'name'
  | 'thing'
  | 'action'
  | 'manner'
  | 'location';

/** Span kinds that answer each question type, best first. */
export const KINDS_FOR_TYPE: Readonly<Partial<Record<QuestionType, readonly SpanKind[]>>> = {
  who: ['person', 'group', 'name'],
  where: ['place', 'name', 'location'],
  when: ['time'],
  'how-many': ['number'],
  what: ['thing', 'name', 'group', 'place', 'person', 'number', 'time'],
  how: ['manner'],
  other: ['thing', 'name', 'group', 'place', 'person', 'number', 'time'],
};

const NUMBER_ENTITIES = new Set(['CARDINAL', 'MONEY', 'PERCENT', 'QUANTITY', 'DURATION']);
const TIME_ENTITIES = new Set(['DATE', 'TIME']);
const MODIFIERS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);
const NAME_GLUE = new Set(['-', '.', '&']);
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'to', 'from', 'near', 'into']);
const LONGEST_NAME = 4;
const NATURAL_OBJECTS = 'noun.object';

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

/**
 * Finds answer candidates in tokens [from, to) of a paragraph: entities (dates, numbers), names
 * (runs of proper nouns, split where WordNet knows a multi-word name such as "New Hampshire", and
 * typed as person, place or group) and noun phrases (typed by their head noun, with their
 * determiner and coordinated modifiers: "his British, French, and German counterparts"). With
 * `titles`, the title before a name is a phrase too ("the ferry operator" of "the ferry operator
 * Nordlys"), for questions that ask who someone is.
 */
export function findCandidateSpans(
  paragraph: AnnotatedParagraph,
  from: number,
  to: number,
  wordnet: WordNet,
  options: { readonly titles?: boolean } = {},
): CandidateSpan[] {
  const { tokens, entities } = paragraph.analysis;
  const spans: CandidateSpan[] = [];
  const inEntity = new Set<number>();
  const names: CandidateSpan[] = [];
  for (const entity of entities) {
    if (entity.firstToken < from || entity.endToken > to) continue;
    const kind = NUMBER_ENTITIES.has(entity.type)
      ? 'number'
      : TIME_ENTITIES.has(entity.type)
        ? 'time'
        : null;
    if (!kind) continue;
    spans.push({
      firstToken: entity.firstToken,
      endToken: entity.endToken,
      kind,
      head: entity.endToken - 1,
    });
    for (let t = entity.firstToken; t < entity.endToken; t += 1) inEntity.add(t);
  }
  for (let t = from; t < to; t += 1) {
    const token = tokens[t] as Token;
    if (inEntity.has(t)) continue;
    if (token.pos === 'NUM' && token.kind === 'number') {
      spans.push({ firstToken: t, endToken: t + 1, kind: 'number', head: t });
    }
    if (token.pos === 'PROPN' && tokens[t - 1]?.pos !== 'PROPN') {
      const found = nameSpans(tokens, t, to, wordnet);
      spans.push(...found);
      names.push(...found);
    }
    if (MODIFIERS.has(token.pos) && !continuesPhrase(tokens, t)) {
      const phrase = nounPhrase(tokens, t, from, to, wordnet, options.titles ?? false);
      if (phrase) {
        spans.push(phrase);
        const extended = attachPrepositionalPhrase(tokens, phrase.endToken, to);
        if (extended > phrase.endToken) spans.push({ ...phrase, endToken: extended });
      }
    }
  }
  return [...spans, ...nameLists(tokens, names), ...describedNames(tokens, names, spans)];
}

/**
 * A name that only modifies the noun of a phrase ("his *British*, French, and German
 * counterparts") as that whole phrase, with the name's kind, scored where the name stands: the
 * phrase says who is meant, the adjective alone does not.
 */
function describedNames(
  tokens: readonly Token[],
  names: readonly CandidateSpan[],
  spans: readonly CandidateSpan[],
): CandidateSpan[] {
  const described: CandidateSpan[] = [];
  for (const name of names) {
    const phrase = spans.find(
      (p) =>
        (tokens[p.head] as Token).pos === 'NOUN' &&
        p.endToken === p.head + 1 &&
        p.firstToken <= name.firstToken &&
        p.head >= name.endToken &&
        tokens[name.endToken]?.text === ',',
    );
    if (phrase) described.push({ ...phrase, kind: name.kind, anchor: name });
  }
  return described;
}

/**
 * Names listed together ("NATO Allies, European Partners and Ukraine") as one more candidate,
 * for questions whose answer is the whole list.
 */
function nameLists(tokens: readonly Token[], names: readonly CandidateSpan[]): CandidateSpan[] {
  const lists: CandidateSpan[] = [];
  for (let i = 0; i < names.length; i += 1) {
    let j = i;
    while (
      j + 1 < names.length &&
      joinsList(tokens, names[j] as CandidateSpan, names[j + 1] as CandidateSpan)
    ) {
      j += 1;
    }
    const joiner =
      j > i
        ? tokens.slice(
            (names[j - 1] as CandidateSpan).endToken,
            (names[j] as CandidateSpan).firstToken,
          )
        : [];
    // A list ends with "and" / "or"; names separated by commas alone are apposition or a new clause.
    if (j > i && joiner.some((t) => t.pos === 'CCONJ')) {
      const first = names[i] as CandidateSpan;
      const last = names[j] as CandidateSpan;
      // Scored where its first name stands, so the whole list wins wherever that name would.
      lists.push({ ...first, endToken: last.endToken, head: last.head, anchor: first });
      i = j;
    }
  }
  return lists;
}

/** True when only a comma and/or a conjunction stand between two names. */
function joinsList(tokens: readonly Token[], a: CandidateSpan, b: CandidateSpan): boolean {
  const between = tokens.slice(a.endToken, b.firstToken);
  return (
    between.length >= 1 &&
    between.length <= 2 &&
    between.every((t) => t.text === ',' || t.pos === 'CCONJ') &&
    between.some((t) => t.text === ',' || t.lemma === 'and')
  );
}

/** Parts of speech that end a phrase taken up to the end of its clause. */
const CLAUSE_BREAKS = new Set(['PUNCT', 'CCONJ', 'SCONJ', 'PART']);
const LONGEST_CLAUSE_PHRASE = 8;
/** Prepositions that say how something is done ("*by* boat", "*through* associations"). */
const MANNER_PREPOSITIONS = new Set(['by', 'with', 'through', 'via']);

/**
 * Verb phrases of infinitives in tokens [from, to) ("to *execute acts of sabotage*"): the
 * answers to "what were they sent there to do?".
 */
export function findActionSpans(
  paragraph: AnnotatedParagraph,
  from: number,
  to: number,
): CandidateSpan[] {
  const { tokens } = paragraph.analysis;
  return clausePhrases(tokens, from, to, 'action', (t) => {
    return (tokens[t] as Token).lemma === 'to' && tokens[t + 1]?.pos === 'VERB';
  });
}

/**
 * What follows a preposition of manner in tokens [from, to) ("carried *by boat*"): the answers to
 * "how was it done?".
 */
export function findMannerSpans(
  paragraph: AnnotatedParagraph,
  from: number,
  to: number,
): CandidateSpan[] {
  const { tokens } = paragraph.analysis;
  return clausePhrases(tokens, from, to, 'manner', (t) => {
    const token = tokens[t] as Token;
    return token.pos === 'ADP' && MANNER_PREPOSITIONS.has(token.lemma);
  });
}

/** Prepositions of place ("*in* the shallow crust", "*under* the comb rows"). */
const PLACE_PREPOSITIONS_OF_PHRASES = new Set([
  'in',
  'at',
  'on',
  'under',
  'inside',
  'near',
  'beneath',
]);

/**
 * What follows a preposition of place in tokens [from, to), preposition included ("in bays"): the
 * answer to a where-question when the text names no place.
 */
export function findLocationSpans(
  paragraph: AnnotatedParagraph,
  from: number,
  to: number,
): CandidateSpan[] {
  const { tokens } = paragraph.analysis;
  return clausePhrases(tokens, from, to, 'location', (t) => {
    const token = tokens[t] as Token;
    return token.pos === 'ADP' && PLACE_PREPOSITIONS_OF_PHRASES.has(token.lemma);
  }).map((span) => ({ ...span, firstToken: span.firstToken - 1 }));
}

/** The words after each token `opens` accepts, up to the end of the clause. */
function clausePhrases(
  tokens: readonly Token[],
  from: number,
  to: number,
  kind: SpanKind,
  opens: (t: number) => boolean,
): CandidateSpan[] {
  const spans: CandidateSpan[] = [];
  for (let t = from; t + 1 < to; t += 1) {
    if (!opens(t)) continue;
    let end = t + 2;
    while (
      end < to &&
      end - t <= LONGEST_CLAUSE_PHRASE &&
      !CLAUSE_BREAKS.has((tokens[end] as Token).pos)
    ) {
      end += 1;
    }
    spans.push({ firstToken: t + 1, endToken: end, kind, head: t + 1 });
  }
  return spans;
}

/** True when token `t` continues a noun phrase begun earlier (after a modifier, or "X, and"). */
function continuesPhrase(tokens: readonly Token[], t: number): boolean {
  const before = tokens[t - 1];
  if (!before) return false;
  if (MODIFIERS.has(before.pos)) return true;
  if (before.text === ',' || before.pos === 'CCONJ') {
    const earlier = tokens[t - 2];
    return earlier !== undefined && (MODIFIERS.has(earlier.pos) || earlier.text === ',');
  }
  return false;
}

function nameSpans(
  tokens: readonly Token[],
  first: number,
  to: number,
  wordnet: WordNet,
): CandidateSpan[] {
  let end = first + 1;
  while (end < to) {
    const next = tokens[end] as Token;
    if (next.pos === 'PROPN') end += 1;
    else if (
      NAME_GLUE.has(next.text) &&
      tokens[end + 1]?.pos === 'PROPN' &&
      next.start === tokens[end - 1]?.end
    ) {
      end += 2;
    } else break;
  }
  const spans: CandidateSpan[] = [];
  let at = first;
  while (at < end) {
    let stop = Math.min(end, at + LONGEST_NAME);
    let known: SpanKind | null = null;
    for (; stop > at + 1; stop -= 1) {
      const words = tokens.slice(at, stop).filter((t) => !NAME_GLUE.has(t.text));
      known = kindOfNoun(wordnet, words.map((t) => t.lemma).join(' '));
      if (known) break;
    }
    if (stop === at + 1 && end - at > 1) stop = end;
    spans.push({
      firstToken: at,
      endToken: stop,
      kind: nameKind(tokens, at, stop, wordnet, known),
      head: stop - 1,
    });
    at = stop;
  }
  return spans;
}

function nameKind(
  tokens: readonly Token[],
  first: number,
  end: number,
  wordnet: WordNet,
  known: SpanKind | null,
): SpanKind {
  const headLemma = (tokens[end - 1] as Token).lemma;
  const kind = known ?? kindOfNoun(wordnet, headLemma);
  const before = tokens[first - 1];
  // "Crimean Peninsula", "Hudson River": a name ending in a natural feature is a place.
  if (!kind && end - first >= 2 && wordnet.nounKinds(headLemma, 1)[0] === NATURAL_OBJECTS) {
    return 'place';
  }
  if (kind === 'place' || (before && PLACE_PREPOSITIONS.has(before.lemma) && kind !== 'person')) {
    return 'place';
  }
  if (kind === 'person' || kind === 'group') return kind;
  // Two or more capitalised words that no dictionary knows are most often a person's name.
  const unknown = tokens.slice(first, end).filter((t) => !wordnet.knows(t.lemma)).length;
  return end - first >= 2 && unknown >= 1 ? 'person' : 'name';
}

function nounPhrase(
  tokens: readonly Token[],
  first: number,
  from: number,
  to: number,
  wordnet: WordNet,
  titles: boolean,
): CandidateSpan | null {
  let end = first;
  let head = -1;
  while (end < to) {
    const token = tokens[end] as Token;
    if (MODIFIERS.has(token.pos)) {
      if (token.pos === 'NOUN' || token.pos === 'PROPN') head = end;
      end += 1;
      continue;
    }
    const next = tokens[end + 1];
    const coordinated =
      (token.text === ',' || token.pos === 'CCONJ') &&
      next !== undefined &&
      (MODIFIERS.has(next.pos) ||
        (next.pos === 'CCONJ' && MODIFIERS.has(tokens[end + 2]?.pos ?? '')));
    if (coordinated) {
      end += 1;
      continue;
    }
    break;
  }
  while (end > first && !MODIFIERS.has((tokens[end - 1] as Token).pos)) end -= 1;
  // "the ferry operator Nordlys": the name that ends the run is a name span of its own; the
  // title before it is a phrase too.
  if (
    titles &&
    head >= first &&
    head < end &&
    (tokens[head] as Token).pos === 'PROPN' &&
    head === end - 1
  ) {
    let title = head;
    while (title > first && (tokens[title] as Token).pos === 'PROPN') title -= 1;
    if ((tokens[title] as Token).pos === 'NOUN') {
      head = title;
      end = title + 1;
    }
  }
  if (head < 0 || head >= end || (tokens[head] as Token).pos !== 'NOUN') return null;
  if (end - first === 1 && (tokens[first] as Token).pos !== 'NOUN') return null;
  let start = first;
  const before = tokens[first - 1];
  if (
    before &&
    first - 1 >= from &&
    (before.pos === 'DET' ||
      (before.pos === 'PRON' && /^(his|her|its|their|our|my|your)$/i.test(before.text)))
  ) {
    start = first - 1;
  }
  const kind = kindOfNoun(wordnet, (tokens[head] as Token).lemma) ?? 'thing';
  return {
    firstToken: start,
    endToken: head + 1,
    kind,
    head,
  };
}

/**
 * Extends a noun phrase ending at `end` by one prepositional phrase ("the stark differences *over
 * Ukraine*"), which on SQuAD answers more often than the bare noun phrase.
 */
function attachPrepositionalPhrase(tokens: readonly Token[], end: number, to: number): number {
  const preposition = tokens[end];
  if (preposition?.pos !== 'ADP' || end + 1 >= to) return end;
  let at = end + 1;
  if (tokens[at]?.pos === 'DET') at += 1;
  let head = -1;
  while (at < to && MODIFIERS.has((tokens[at] as Token).pos)) {
    const pos = (tokens[at] as Token).pos;
    if (pos === 'NOUN' || pos === 'PROPN') head = at;
    at += 1;
  }
  return head >= 0 ? head + 1 : end;
}
