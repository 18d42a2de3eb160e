// eval/: scoring answers against gold question files: SQuAD metrics, ranks, the baseline.
// May import: answerer.ts, corpus, the answer contract (never index.ts).
/** The wh-word groups a SQuAD evaluation is broken down by. */
export const QUESTION_WORDS = [
  'who',
  'when',
  'where',
  'how many',
  'what',
  'which',
  'why',
  'how',
  'other',
] as const;

/** One of {@link QUESTION_WORDS}. */
export type QuestionWord = (typeof QUESTION_WORDS)[number];

const SIMPLE: ReadonlyMap<string, QuestionWord> = new Map([
  ['who', 'who'],
  ['whom', 'who'],
  ['whose', 'who'],
  ['when', 'when'],
  ['where', 'where'],
  ['what', 'what'],
  ['which', 'which'],
  ['why', 'why'],
]);

/**
 * The question's wh-word: the first one in the text, wherever it stands ("In what year…" is a
 * `what` question, "The Broncos beat which team?" a `which` one); `how many` is its own group;
 * `other` when there is none.
 *
 * @example classifyQuestionWord('How many troops are there?') // → 'how many'
 */
export function classifyQuestionWord(question: string): QuestionWord {
  const words = question.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const [index, word] of words.entries()) {
    const simple = SIMPLE.get(word);
    if (simple) return simple;
    if (word === 'how') return words[index + 1] === 'many' ? 'how many' : 'how';
  }
  return 'other';
}
