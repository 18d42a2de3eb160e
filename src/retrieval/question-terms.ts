// retrieval/: question words matched to the corpus, candidate paragraphs and their ranking.
// May import: question, indexing, language, corpus, tuning.
import type { Token } from '../language/text-analysis.js';
import type { QuestionAnalysis } from '../question/question-analysis.js';
import type { QuestionWord, RetrievalTuning } from './question-words.js';

/** The thing a "name of X" question asks the name of, as corpus terms. */
export interface NamedThing {
  /** Terms standing for X. */
  readonly terms: ReadonlySet<string>;
  /** X is itself a name ("Okafor's first name"): the answer is a longer name holding it. */
  readonly isName: boolean;
}

/** The terms the question's main verb matches, and the side of it the answer stands on. */
export interface VerbSide {
  readonly terms: ReadonlySet<string>;
  readonly side: 'before' | 'after';
}

/**
 * The question's facts in the corpus's terms, worked out once per question from its
 * {@link QuestionAnalysis} and its matched words, for the short answer and the decision.
 */
export interface QuestionTerms {
  /** Terms of the question's content words; a span made only of them is no answer. */
  readonly questionTerms: ReadonlySet<string>;
  /** Matched terms reached only through a learned alias; they do not repeat the question. */
  readonly aliasTerms: ReadonlySet<string>;
  /** Corpus terms with the evidence they carry (importance × match strength). */
  readonly evidence: ReadonlyMap<string, number>;
  /** Terms the question's focus noun may be ("soldiers" ~ "troops"), or null without a focus. */
  readonly focusTerms: ReadonlySet<string> | null;
  /** For "the name of X": what X is; the answer is a name written next to X. */
  readonly namedTerms: NamedThing | null;
  /** For "Who is X?": the terms of X; the answer is a role written in apposition to X. */
  readonly describedName: ReadonlySet<string> | null;
  /** The side of the question's main verb the answer stands on, when word order tells. */
  readonly verbSide: VerbSide | null;
  /** Indexes (into the words) of the names of the question's subject ("What did *X* do?"). */
  readonly subjectWords: readonly number[];
}

/** Works out the {@link QuestionTerms} of a question from its matched words and focus word. */
export function findQuestionTerms(
  question: QuestionAnalysis,
  words: readonly QuestionWord[],
  focus: QuestionWord | null,
  tuning: RetrievalTuning,
): QuestionTerms {
  const { focusMatch, namedMatch, verbMatch } = tuning;
  const evidence = new Map<string, number>();
  for (const word of words) {
    for (const match of word.matches) {
      const weight = word.importance * match.weight;
      if (weight > (evidence.get(match.term) ?? 0)) evidence.set(match.term, weight);
    }
  }
  const wordOf = (token: Token) => words.find((w) => w.token === token);
  const strongTerms = (word: QuestionWord | undefined, floor: number) =>
    (word?.matches ?? []).filter((m) => m.weight >= floor).map((m) => m.term);
  const { namedThing, describedName, mainVerb, side } = question;
  const verb = mainVerb ? wordOf(mainVerb) : undefined;
  return {
    questionTerms: new Set(words.map((w) => w.term)),
    aliasTerms: new Set(words.flatMap((w) => [...(w.aliasTerms ?? [])])),
    evidence,
    focusTerms: focus
      ? new Set(focus.matches.filter((m) => m.weight >= focusMatch).map((m) => m.term))
      : null,
    namedTerms: namedThing
      ? {
          terms: new Set([
            ...strongTerms(wordOf(namedThing.token), namedMatch),
            namedThing.token.term,
          ]),
          isName: namedThing.isName,
        }
      : null,
    describedName: describedName
      ? new Set(describedName.flatMap((t) => [t.term, ...strongTerms(wordOf(t), namedMatch)]))
      : null,
    verbSide:
      side && verb
        ? { terms: new Set([verb.term, ...strongTerms(verb, verbMatch)]), side: side.side }
        : null,
    subjectWords: question.subjectNames
      .map((token) => words.findIndex((w) => w.token === token))
      .filter((i) => i >= 0),
  };
}
