import { cleanQuestion } from './question/clean-question.js';

/** Longest question answered, in characters (code points) after cleaning. */
export const MAX_QUESTION_CHARS = 500;

/**
 * Raw text longer than this many times the cap is refused before it is cleaned at all: no
 * amount of invisible characters or markup makes a 25,000-character message a short question,
 * and the refusal then costs nothing.
 */
const RAW_LENGTH_FACTOR = 50;

// Format characters (zero-width, joiners, bidi embeddings, overrides and isolates, soft hyphen,
// tags), lone surrogates, and blank letters that render as nothing (Hangul fillers, Khmer vowel
// inherents, variation selectors). Removed outright, so "ev\u200Beryone" reads "everyone".
const INVISIBLE =
  /[\p{Cf}\p{Cs}\p{Variation_Selector}\u115F\u1160\u17B4\u17B5\u3164\uFFA0]|\u034F/gu;
// Control characters (line breaks, tabs, NUL…) separate words.
const CONTROL = /[\p{Cc}\u2028\u2029]/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** What an adapter does with a question once it is cleaned and measured. */
export type BoundedQuestion =
  /** Answer `question` (the cleaned text, `length` code points). */
  | { readonly kind: 'question'; readonly question: string; readonly length: number }
  /** Nothing left to ask once mentions, emoji and invisible characters are gone: show usage. */
  | { readonly kind: 'empty' }
  /** Longer than `limit` characters after cleaning: ask for a shorter question. */
  | { readonly kind: 'too-long'; readonly length: number; readonly limit: number };

/** Options for {@link boundQuestion}. */
export interface QuestionBoundsOptions {
  /** Longest question answered, in characters after cleaning. @default 500 */
  maxChars?: number;
}

/**
 * Cleans a question typed into a chat (control, zero-width and bidi characters, lone surrogates,
 * platform mention syntax and emoji removed, via {@link cleanQuestion}) and checks its length.
 * Every adapter calls this before the core, so no platform answers a truncated question.
 *
 * @example
 * boundQuestion('<@123> Who\u200B leads Chile?') // → { kind: 'question', question: 'Who leads Chile?', length: 16 }
 */
export function boundQuestion(raw: string, options: QuestionBoundsOptions = {}): BoundedQuestion {
  const limit = options.maxChars ?? MAX_QUESTION_CHARS;
  if (raw.length > limit * RAW_LENGTH_FACTOR) {
    return { kind: 'too-long', length: countCharacters(raw), limit };
  }
  const question = cleanQuestion(raw.replace(INVISIBLE, '').replace(CONTROL, ' '));
  if (!LETTER_OR_DIGIT.test(question)) return { kind: 'empty' };
  const length = countCharacters(question);
  if (length > limit) return { kind: 'too-long', length, limit };
  return { kind: 'question', question, length };
}

/** Characters as people count them: code points, so an emoji or a CJK extension counts once. */
function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}
