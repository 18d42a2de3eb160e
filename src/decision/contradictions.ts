// decision/: answered or "not in the article": span re-ranking, coverage, contradictions.
// May import: short-answer, retrieval, question, indexing, language, tuning.
import type { Token } from '../language/text-analysis.js';
import type { WordNet } from '../language/wordnet.js';
import type { QuestionAnalysis } from '../question/question-analysis.js';
import { isNegated } from '../question/question-shape.js';
import type { ParagraphScore } from '../retrieval/ranking.js';
import type { Retrieval } from '../retrieval/retriever.js';

/**
 * True when the question asks what a named subject did ("What did *UNESCO* decide…") and the
 * paragraph never names it: whatever was decided there, someone else decided it. (The window
 * alone is too narrow: a paragraph names its subject once and then says "he".) A role the
 * corpus gives the name ("the ferry operator Nordlys") names it too, and so does "he" or "she"
 * after an earlier paragraph named it. A match weaker than `subjectMatch` is no name of it.
 */
function missesSubject(retrieval: Retrieval, best: ParagraphScore, subjectMatch: number): boolean {
  const names = retrieval.terms.subjectWords;
  const { termSet } = best.paragraph;
  return (
    names.length > 0 &&
    names.every((i) => {
      const word = retrieval.words[i];
      return (word?.matches ?? []).every(
        (m) => !termSet.has(m.term) || (m.weight < subjectMatch && !word?.aliasTerms?.has(m.term)),
      );
    }) &&
    !namedBeforeAsPerson(
      best,
      names.map((i) => retrieval.words[i]?.token.text ?? ''),
    )
  );
}

const PERSONAL_PRONOUN = /^(?:he|she|his|her|him)$/i;

/**
 * True when the paragraph speaks of someone as "he" or "she" and an earlier paragraph of its
 * article names every one of `names`: the paragraph may well be about them.
 */
function namedBeforeAsPerson(best: ParagraphScore, names: readonly string[]): boolean {
  const { paragraph } = best;
  if (!paragraph.analysis.tokens.some((t) => PERSONAL_PRONOUN.test(t.text))) return false;
  const before = paragraph.document.paragraphs.slice(0, paragraph.number - 1).join('\n');
  return names.every((name) => name.length > 0 && before.includes(name));
}

/**
 * True when token `i` is an active verb with an infinitive ("failed to resolve") whose verb the
 * question asked about, and the first verb has a WordNet opposite (fail / succeed): such a verb
 * may carry the negation itself, so a question with "not" / "couldn't" is no contradiction of
 * it. Passives ("is allowed to"), verbs with no opposite ("used to") and verbs the question
 * itself uses ("did not fail to…") do not count.
 */
function isEmbeddedMatch(
  tokens: readonly Token[],
  i: number,
  matched: ReadonlyMap<string, number>,
  asked: ReadonlySet<string>,
  wordnet: WordNet,
): boolean {
  const verb = tokens[i];
  const embedded = tokens[i + 2];
  return (
    verb?.pos === 'VERB' &&
    tokens[i + 1]?.lemma === 'to' &&
    embedded?.pos === 'VERB' &&
    (matched.get(embedded.term) ?? 0) > 0 &&
    tokens[i - 1]?.lemma !== 'be' &&
    !asked.has(verb.lemma) &&
    wordnet.antonyms(verb.lemma).size > 0
  );
}

/**
 * Signs that the best window, however similar, says something else than the question asks
 * about: a negation the text does not have, a named subject the paragraph never names, or a word
 * of the question whose WordNet antonym stands in the window instead ("largest" / "smallest").
 * (A number of the question missing from
 * the window was tried too: on SQuAD it declined 5% of answerable questions, such as the "50" of
 * "Super Bowl 50", for 3% of the unanswerable ones, so it is not used.)
 */
export function contradicts(
  question: QuestionAnalysis,
  retrieval: Retrieval,
  best: ParagraphScore,
  wordnet: WordNet,
  subjectMatch: number,
): boolean {
  const { tokens, sentences } = best.paragraph.analysis;
  const first = sentences[best.window.first];
  const last = sentences[best.window.first + best.window.count - 1] ?? first;
  if (!first || !last) return false;
  const windowTokens = tokens.slice(first.firstToken, last.endToken);
  const windowLemmas = new Set(windowTokens.map((t) => t.lemma));

  if (
    question.negated &&
    !isNegated(windowTokens) &&
    !windowTokens.some((_, i) =>
      isEmbeddedMatch(windowTokens, i, best.matchedTerms, question.lemmas, wordnet),
    )
  ) {
    return true;
  }

  if (missesSubject(retrieval, best, subjectMatch)) return true;

  return retrieval.words.some((word, i) => {
    const strength = best.windowStrengths[i] ?? 0;
    if (strength > 0 || word.token.pos === 'PROPN') return false;
    for (const opposite of wordnet.antonyms(word.token.lemma)) {
      if (windowLemmas.has(opposite)) return true;
    }
    return false;
  });
}
