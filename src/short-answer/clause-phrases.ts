// short-answer/: candidate spans by kind (registry: span-sources.ts), and the span chosen.
// May import: retrieval, question, indexing, language, tuning.
import type { Token } from '../language/text-analysis.js';
import type { CandidateSpan, SpanSource } from './candidate-span.js';

/** Parts of speech that end a phrase taken up to the end of its clause. */
const CLAUSE_BREAKS = new Set(['PUNCT', 'CCONJ', 'SCONJ', 'PART']);

/**
 * The words after each token `opens` accepts in tokens [from, to), up to the end of the clause
 * (at most `longest` words), as spans of `kind`: the phrase sources of actions, manners and
 * locations share it.
 */
export function findClausePhrases(
  tokens: readonly Token[],
  from: number,
  to: number,
  kind: string,
  longest: number,
  opens: (t: number) => boolean,
): CandidateSpan[] {
  const spans: CandidateSpan[] = [];
  for (let t = from; t + 1 < to; t += 1) {
    if (!opens(t)) continue;
    let end = t + 2;
    while (end < to && end - t <= longest && !CLAUSE_BREAKS.has((tokens[end] as Token).pos)) {
      end += 1;
    }
    spans.push({ firstToken: t + 1, endToken: end, kind, head: t + 1 });
  }
  return spans;
}

/**
 * A span finder for the phrases after any of `prepositions` ("*by* boat", "*in* a locked shed"),
 * as spans of `kind` (the preposition left out).
 */
export function createPhraseFinder(
  prepositions: ReadonlySet<string>,
  kind: string,
): SpanSource['find'] {
  return (paragraph, from, to, { tuning }) => {
    const { tokens } = paragraph.analysis;
    return findClausePhrases(tokens, from, to, kind, tuning.longestClausePhrase, (t) => {
      const token = tokens[t] as Token;
      return token.pos === 'ADP' && prepositions.has(token.lemma);
    });
  };
}
