// retrieval/: question words matched to the corpus, candidate paragraphs and their ranking.
// May import: model, question, indexing, language, corpus, tuning.
import type { Token } from '../language/text-analysis.js';
import type { QuestionWord } from './question-words.js';
import type { ParagraphScore } from './ranking.js';

/** Noun, verb or adjective as a bit; 0 for any other tag. */
function wordClass(pos: string): number {
  if (pos === 'NOUN' || pos === 'PROPN') return 1;
  if (pos === 'VERB' || pos === 'AUX') return 2;
  if (pos === 'ADJ') return 4;
  return 0;
}

/**
 * Share of the question's weight that the best window holds only as another part of speech: the
 * verb "go" found as the noun "travels", the noun "diplomat" as the adjective "diplomatic". The
 * stemmer gives both one term; the text means something else by it. `mainVerb` is the question's
 * verb when the tagger read it as a noun ("Who will the senators *visit*?").
 */
export function otherClassShare(
  words: readonly QuestionWord[],
  scored: ParagraphScore,
  mainVerb: Token | null,
): number {
  const { tokens, sentences } = scored.paragraph.analysis;
  const first = sentences[scored.window.first];
  const last = sentences[scored.window.first + scored.window.count - 1] ?? first;
  if (!first || !last) return 0;
  let total = 0;
  let other = 0;
  words.forEach((word, w) => {
    total += word.importance;
    const strength = scored.windowStrengths[w] ?? 0;
    const wanted = wordClass(word.token === mainVerb ? 'VERB' : word.token.pos);
    if (strength === 0 || wanted === 0) return;
    const { weights } = word;
    let found = 0;
    for (let t = first.firstToken; t < last.endToken; t += 1) {
      const token = tokens[t] as Token;
      if ((weights.get(token.term) ?? 0) >= strength - 1e-9) found |= wordClass(token.pos);
    }
    if (found !== 0 && (found & wanted) === 0) other += word.importance * strength;
  });
  return total > 0 ? other / total : 0;
}
