// question/: the question understood once (QuestionAnalysis): cleaning, type, focus, verb.
// May import: language, tuning, the answer contract.
import type { QuestionType } from '../answer.js';
import type { Token } from '../language/text-analysis.js';

const CHAT_MARKUP = [
  /<[@#][!&]?[A-Za-z0-9]{1,40}(?:\|[^<>]{0,80})?>/g, // Discord <@123>, <@!123>, <#123>, <@&123>; Slack <@U123|name>
  /<![A-Za-z]{1,20}(?:\^[A-Za-z0-9]{1,40})?(?:\|[^<>]{0,80})?>/g, // Slack <!here>, <!channel>, <!subteam^S1>
  /<a?:[A-Za-z0-9_]{1,40}:\d{1,25}>/g, // Discord custom emoji
  /(?<![\p{L}\p{N}])@[\p{L}\p{N}_.-]{1,40}/gu, // @bot prefixes typed as text
  /:[a-z0-9_+-]{1,40}:/g, // Slack :emoji: shortcodes
];
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\uFE0F\u20E3]/gu;

/**
 * Strips chat noise from a question: platform mention syntax, `@bot` prefixes, emoji, control and
 * invisible characters, repeated punctuation, odd whitespace and ALL-CAPS shouting.
 */
export function cleanQuestion(raw: string): string {
  let text = raw.normalize('NFKC');
  for (const pattern of CHAT_MARKUP) text = text.replace(pattern, ' ');
  text = text.replace(INVISIBLE, ' ').replace(EMOJI, ' ');
  text = text
    .replace(/([?!.,;:])[?!.,;:]+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (
    letters.length >= 4 &&
    letters === letters.toUpperCase() &&
    letters !== letters.toLowerCase()
  ) {
    text = text.toLowerCase();
  }
  return text;
}

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
