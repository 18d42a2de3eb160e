// short-answer/: candidate spans by kind (registry: span-sources.ts), and the span chosen.
// May import: retrieval, question, indexing, language, tuning.
import { kindOfNoun, type NounKind } from '../language/noun-kinds.js';
import type { Token } from '../language/text-analysis.js';
import type { WordNet } from '../language/wordnet.js';
import type { CandidateSpan } from './candidate-span.js';

const NAME_GLUE = new Set(['-', '.', '&']);
/** Glue that joins two names with spaces around it too ("Tiffany & Co"). */
const SPACED_GLUE = '&';
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'to', 'from', 'near', 'into']);
const NATURAL_OBJECTS = 'noun.object';

/**
 * True when a name starts at token `t`: a proper noun after a word that is not one, or a
 * capitalised word inside its sentence that the tagger did not take for a proper noun, right
 * before one ("to *Ted* Ginn Jr.", "Ted" read as a verb).
 */
export function startsName(tokens: readonly Token[], t: number): boolean {
  const token = tokens[t] as Token;
  const before = tokens[t - 1];
  if (before?.pos === 'PROPN' || startsBeforeProperNoun(tokens, t - 1)) return false;
  return token.pos === 'PROPN' || startsBeforeProperNoun(tokens, t);
}

/** A capitalised word inside its sentence, not a proper noun itself, right before one. */
function startsBeforeProperNoun(tokens: readonly Token[], t: number): boolean {
  const token = tokens[t];
  const next = tokens[t + 1];
  return (
    token !== undefined &&
    isCapitalisedWord(token) &&
    tokens[t - 1]?.sentence === token.sentence &&
    next?.pos === 'PROPN' &&
    next.sentence === token.sentence
  );
}

/**
 * Runs of proper nouns from token `first`, split where WordNet knows a multi-word name (of at
 * most `longestName` words).
 */
export function nameSpans(
  tokens: readonly Token[],
  first: number,
  to: number,
  wordnet: WordNet,
  longestName: number,
): CandidateSpan[] {
  let end = first + 1;
  while (end < to) {
    const next = tokens[end] as Token;
    if (
      (next.pos === 'PROPN' || isCapitalisedWord(next)) &&
      next.sentence === (tokens[end - 1] as Token).sentence
    ) {
      end += 1;
    } else if (gluesName(tokens, end)) end += 2;
    else break;
  }
  const spans: CandidateSpan[] = [];
  let at = first;
  while (at < end) {
    let stop = Math.min(end, at + longestName);
    let known: NounKind | null = null;
    for (; stop > at + 1; stop -= 1) {
      if (NAME_GLUE.has((tokens[stop - 1] as Token).text)) continue;
      const words = tokens.slice(at, stop).filter((t) => !NAME_GLUE.has(t.text));
      // The words as written first: wink-nlp lemmatises some capitalised words oddly ("Vice" →
      // "vise").
      known =
        kindOfNoun(wordnet, words.map((t) => t.text.toLowerCase()).join(' ')) ??
        kindOfNoun(wordnet, words.map((t) => t.lemma).join(' '));
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
  // "New England Patriots" split at the known "New England" is also one name, whole.
  if (spans.length > 1) {
    spans.push({
      firstToken: first,
      endToken: end,
      kind: nameKind(tokens, first, end, wordnet, null),
      head: end - 1,
    });
  }
  return spans;
}

/**
 * A capitalised word the tagger did not take for a proper noun ("Peyton *Manning*" read as the
 * verb): after a name and inside its sentence, the capital says it is the name's next word.
 */
function isCapitalisedWord(token: Token): boolean {
  return (
    (token.pos === 'NOUN' || token.pos === 'VERB' || token.pos === 'ADJ') &&
    /^\p{Lu}\p{Ll}/u.test(token.text)
  );
}

/**
 * True when the token at `at` joins the names on either side into one: a hyphen or full stop
 * written without spaces ("Hewlett-Packard", "St.Louis"), or an ampersand ("Tiffany & Co"). A full
 * stop followed by a space ends a sentence ("… John Sutcliffe. ESPN …").
 */
function gluesName(tokens: readonly Token[], at: number): boolean {
  const glue = tokens[at] as Token;
  const before = tokens[at - 1] as Token;
  const after = tokens[at + 1];
  if (!NAME_GLUE.has(glue.text) || after?.pos !== 'PROPN') return false;
  if (glue.text === SPACED_GLUE) return true;
  return glue.start === before.end && after.start === glue.end;
}

function nameKind(
  tokens: readonly Token[],
  first: number,
  end: number,
  wordnet: WordNet,
  known: NounKind | null,
): NounKind | 'name' {
  const headLemma = (tokens[end - 1] as Token).lemma;
  const kind = known ?? kindOfNoun(wordnet, headLemma);
  const before = tokens[first - 1];
  // "Iberian Peninsula", "Hudson River": a name ending in a natural feature is a place.
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

/**
 * A name that only modifies the noun of a phrase ("her *Dutch*, Belgian, and Danish
 * counterparts") as that whole phrase, with the name's kind, scored where the name stands: the
 * phrase says who is meant, the adjective alone does not.
 */
export function describedNames(
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
 * Names listed together ("Nordic Allies, Baltic Partners and Poland") as one more candidate,
 * for questions whose answer is the whole list.
 */
export function nameLists(
  tokens: readonly Token[],
  names: readonly CandidateSpan[],
): CandidateSpan[] {
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

/** Words that join two names into one ("Palace *of* Culture", "Hymn *for the* Weekend"). */
const COMPOUND_JOINERS = new Set(['of', 'for', 'on', 'with']);

/**
 * Two names (the second maybe two joined by "and") joined by "of", "for", "on" or "with" (and "the") as one
 * more candidate when the first ends in a common noun ("Warsaw *University* of Technology",
 * "*Hymn* for the Weekend"): a capitalised common noun names an institution or a title that
 * goes on. "Okafor of Kenya" stays apart: "Okafor" is no common noun.
 */
export function nameCompounds(
  tokens: readonly Token[],
  names: readonly CandidateSpan[],
  wordnet: WordNet,
): CandidateSpan[] {
  const compounds: CandidateSpan[] = [];
  for (let i = 0; i + 1 < names.length; i += 1) {
    const a = names[i] as CandidateSpan;
    const next = names[i + 1] as CandidateSpan;
    // "Palace of Culture and Science": the second part may be two names joined by "and".
    const after = names[i + 2];
    const joined =
      after &&
      after.firstToken === next.endToken + 1 &&
      ['and', '&'].includes((tokens[next.endToken] as Token).lemma);
    const b = joined ? { ...next, endToken: after.endToken } : next;
    const between = tokens.slice(a.endToken, b.firstToken);
    const joiner = between[0];
    const last = tokens[a.endToken - 1] as Token;
    if (
      !joiner ||
      !COMPOUND_JOINERS.has(joiner.lemma) ||
      between.length > 2 ||
      (between.length === 2 && between[1]?.lemma !== 'the') ||
      !wordnet.partsOfSpeech(last.lemma).includes('noun')
    ) {
      continue;
    }
    compounds.push({ ...a, endToken: b.endToken, anchor: a });
  }
  return compounds;
}
