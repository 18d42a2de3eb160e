// short-answer/: candidate spans of each kind, and the one chosen as the short answer.
// May import: retrieval, question, indexing, language, tuning.
import type { AnnotatedParagraph } from '../indexing/annotated-paragraphs.js';
import type { Token } from '../language/text-analysis.js';
import type { CandidateSpan, SpanKind } from './candidate-span.js';

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
