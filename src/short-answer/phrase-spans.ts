// short-answer/: candidate spans by kind (registry: span-sources.ts), and the span chosen.
// May import: retrieval, question, indexing, language, tuning.
import type { AnnotatedParagraph } from '../indexing/annotated-paragraphs.js';
import { kindOfNoun } from '../language/noun-kinds.js';
import type { Token } from '../language/text-analysis.js';
import type { WordNet } from '../language/wordnet.js';
import type { CandidateSpan, SpanSearch, SpanSource } from './candidate-span.js';
import { describedNames, nameCompounds, nameLists, nameSpans, startsName } from './name-spans.js';
import { isDecade, isTimeNumber, isYearNumber, yearRangeTail } from './number-spans.js';

const NUMBER_ENTITIES = new Set(['CARDINAL', 'MONEY', 'PERCENT', 'QUANTITY', 'DURATION']);
const TIME_ENTITIES = new Set(['DATE', 'TIME']);
const MODIFIERS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);

/** The kinds of thing a what-question (or a keyword query) asks for, best first. */
const WHAT_KINDS = ['thing', 'name', 'group', 'place', 'person', 'number', 'time'];

/**
 * Entities (dates, numbers), names (runs of proper nouns, split where WordNet knows a multi-word
 * name such as "New Mexico", and typed as person, place or group) and noun phrases (typed by
 * their head noun, with their determiner and coordinated modifiers: "her Dutch, Belgian, and
 * Danish counterparts"). With `titles`, the title before a name is a phrase too ("the ferry
 * operator" of "the ferry operator Nordlys"), for questions that ask who someone is.
 */
export const phraseSpans: SpanSource = {
  answers: {
    who: ['person', 'group', 'name', 'place'],
    where: ['place', 'name'],
    when: ['time'],
    'how-many': ['number'],
    what: WHAT_KINDS,
    other: WHAT_KINDS,
    amount: ['number', 'thing', 'name'],
  },
  find: (paragraph, from, to, search) => findPhraseSpans(paragraph, from, to, search),
};

function findPhraseSpans(
  paragraph: AnnotatedParagraph,
  from: number,
  to: number,
  { wordnet, titles, tuning }: SpanSearch,
): CandidateSpan[] {
  const { tokens, entities } = paragraph.analysis;
  const spans: CandidateSpan[] = [];
  const inEntity = new Set<number>();
  const names: CandidateSpan[] = [];
  for (const entity of entities) {
    if (entity.firstToken < from || entity.endToken > to || inEntity.has(entity.firstToken)) {
      continue;
    }
    const kind = NUMBER_ENTITIES.has(entity.type)
      ? 'number'
      : TIME_ENTITIES.has(entity.type)
        ? 'time'
        : null;
    if (!kind) continue;
    const endToken = Math.min(to, entity.endToken + yearRangeTail(tokens, entity.endToken));
    spans.push({
      firstToken: entity.firstToken,
      endToken,
      kind:
        kind === 'number' && isTimeNumber(tokens, entity.firstToken, endToken, tuning)
          ? 'time'
          : kind,
      head: endToken - 1,
    });
    for (let t = entity.firstToken; t < endToken; t += 1) inEntity.add(t);
  }
  for (let t = from; t < to; t += 1) {
    const token = tokens[t] as Token;
    if (inEntity.has(t)) continue;
    if (token.pos === 'NUM') {
      const time = isYearNumber(tokens, t, tuning) || isDecade(token);
      if (time || token.kind === 'number') {
        spans.push({ firstToken: t, endToken: t + 1, kind: time ? 'time' : 'number', head: t });
      }
    }
    if (startsName(tokens, t)) {
      const found = nameSpans(tokens, t, to, wordnet, tuning.longestName);
      spans.push(...found);
      names.push(...found);
    }
    if (MODIFIERS.has(token.pos) && !continuesPhrase(tokens, t)) {
      const phrase = nounPhrase(tokens, t, from, to, wordnet, titles);
      if (phrase) {
        spans.push(phrase);
        const extended = attachPrepositionalPhrase(tokens, phrase.endToken, to);
        if (extended > phrase.endToken) spans.push({ ...phrase, endToken: extended });
      }
    }
  }
  return [
    ...spans,
    ...nameLists(tokens, names),
    ...nameCompounds(tokens, names, wordnet),
    ...describedNames(tokens, names, spans),
  ];
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
 * Chile*"), which on SQuAD answers more often than the bare noun phrase.
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
