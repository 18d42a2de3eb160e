// short-answer/: candidate spans by kind (registry: span-sources.ts), and the span chosen.
// May import: retrieval, question, indexing, language, tuning.
import { kindOfNoun } from '../language/noun-kinds.js';
import type { Token } from '../language/text-analysis.js';
import type { WordNet } from '../language/wordnet.js';
import type { NamedThing } from '../retrieval/question-terms.js';
import type { CandidateSpan } from './candidate-span.js';

/**
 * True when the name span stands (at most `within` tokens away) next to a word for the thing it
 * should name, or holds that word and more ("Maria Okafor" for "Okafor's first name").
 */
export function namesNeighbour(
  tokens: readonly Token[],
  span: CandidateSpan,
  named: NamedThing,
  within: number,
): boolean {
  let inside = false;
  for (let t = span.firstToken; t < span.endToken; t += 1) {
    if (named.terms.has((tokens[t] as Token).term)) inside = true;
  }
  if (inside) return named.isName && span.endToken - span.firstToken > 1;
  if (named.isName) return false;
  // Only apposition counts ("President Ana Costa", "Ortega, the Foreign Minister"): a
  // preposition or verb in between ("the leader of Chile") means the name is something else.
  const reach = (from: number, step: number) => {
    for (let t = from, n = 0; n < within && t >= 0 && t < tokens.length; t += step, n += 1) {
      const token = tokens[t] as Token;
      if (named.terms.has(token.term)) return true;
      if (!APPOSITION_GLUE.has(token.pos)) return false;
    }
    return false;
  };
  return reach(span.firstToken - 1, -1) || reach(span.endToken, 1);
}

const APPOSITION_GLUE = new Set(['DET', 'ADJ', 'PROPN', 'NOUN', 'PUNCT']);
/** Between a name and its role: "Okafor, Kenya*'s* top diplomat", "Reyes (a … Democrat)". */
const ROLE_GLUE = new Set([...APPOSITION_GLUE, 'PART']);

/**
 * True when the span is a role (its head a person noun in WordNet) written (at most `within`
 * tokens away) next to the name: "Luis Ortega, *the Chilean Foreign Minister*", "Okafor, *Kenya's top diplomat*".
 */
export function describesName(
  tokens: readonly Token[],
  span: CandidateSpan,
  name: ReadonlySet<string>,
  wordnet: WordNet,
  within: number,
): boolean {
  const head = tokens[span.head] as Token;
  const kind = kindOfNoun(wordnet, head.lemma);
  if (name.has(head.term) || kind !== 'person') return false;
  for (let t = span.firstToken; t < span.endToken; t += 1) {
    if (name.has((tokens[t] as Token).term)) return false;
  }
  const reach = (from: number, step: number) => {
    for (let t = from, n = 0; n < within && t >= 0 && t < tokens.length; t += step, n += 1) {
      const token = tokens[t] as Token;
      if (name.has(token.term)) return true;
      if (!ROLE_GLUE.has(token.pos)) return false;
    }
    return false;
  };
  return reach(span.firstToken - 1, -1) || reach(span.endToken, 1);
}

/**
 * The role span with the name that owns it ("*Kenya's* top diplomat"), when a proper noun and a
 * possessive "'s" stand right before it: without its owner the role says whose it is not.
 */
export function withPossessor(
  tokens: readonly Token[],
  span: { readonly firstToken: number; readonly endToken: number },
): { firstToken: number; endToken: number } {
  const mark = tokens[span.firstToken - 1];
  if (mark?.pos !== 'PART' || !/^['\u2019]s$/i.test(mark.text)) return span;
  let first = span.firstToken - 1;
  while (first > 0 && (tokens[first - 1] as Token).pos === 'PROPN') first -= 1;
  return first < span.firstToken - 1 ? { firstToken: first, endToken: span.endToken } : span;
}
