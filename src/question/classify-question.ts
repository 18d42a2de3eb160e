// question/: the question understood once (QuestionAnalysis): cleaning, type, focus, verb.
// May import: language, tuning, the answer contract.
import type { QuestionType } from '../answer.js';
import type { Token } from '../language/text-analysis.js';

const AUXILIARIES = new Set([
  'be',
  'do',
  'have',
  'can',
  'could',
  'will',
  'would',
  'shall',
  'should',
  'may',
  'might',
  'must',
]);

/** "How soon/early/late" asks for a time; "how long/old/far/big…" for a measure. */
const HOW_TIME = new Set(['soon', 'early', 'late', 'often']);
const HOW_MEASURE = new Set([
  'long',
  'old',
  'far',
  'big',
  'large',
  'high',
  'tall',
  'deep',
  'heavy',
]);

/** Finds the question's wh-word (or leading auxiliary) and tells what kind of answer it wants. */
export function classifyQuestion(tokens: readonly Token[]): {
  type: QuestionType;
  whIndex: number;
} {
  const words = tokens.filter((t) => t.kind === 'word' || t.kind === 'number');
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]?.lemma ?? '';
    const next = words[i + 1]?.lemma ?? '';
    const index = tokens.indexOf(words[i] as Token);
    switch (word) {
      case 'who':
      case 'whom':
      case 'whose':
        return { type: 'who', whIndex: index };
      case 'when':
        return { type: 'when', whIndex: index };
      case 'where':
        return { type: 'where', whIndex: index };
      case 'why':
        return { type: 'why', whIndex: index };
      case 'how':
        if (next === 'many' || next === 'much') return { type: 'how-many', whIndex: index };
        if (HOW_TIME.has(next)) return { type: 'when', whIndex: index };
        if (HOW_MEASURE.has(next)) return { type: 'how-many', whIndex: index };
        return { type: 'how', whIndex: index };
      case 'what':
      case 'which':
        return { type: 'what', whIndex: index };
      default:
        break;
    }
  }
  const first = words[0];
  if (first && AUXILIARIES.has(first.lemma)) return { type: 'yes-no', whIndex: -1 };
  return { type: 'other', whIndex: -1 };
}
