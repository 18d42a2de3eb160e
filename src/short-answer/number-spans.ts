// short-answer/: candidate spans by kind (registry: span-sources.ts), and the span chosen.
// May import: retrieval, question, indexing, language, tuning.
// What the numbers of a text are: counts of a noun, amounts, years and ranges of years.

import type { Token } from '../language/text-analysis.js';
import type { CandidateSpan, ShortAnswerTuning } from './candidate-span.js';

const YEAR_DIGITS = /^\d{3,4}$/;
const DASHES = new Set(['-', '–', '—']);
/** A decade: "the 1050s", "the 1990s". */
const DECADE = /^\d{2,3}0s$/;
const YEAR_RANGE = /^\d{3,4}[-–—]\d{2,4}$/;
const MONEY = 'money';
/** The focus noun of "what year…". */
export const YEAR = 'year';
/** A year as written in a date: "1066", "2014", "the 1990s". */
const YEAR_NUMBER = /^\d{3,4}s?$/;

/**
 * Tokens after a year that finish a range written tight ("1524–25", "1695–1696"): 2 when a dash
 * and a number of two to four digits follow with no space, else 0.
 */
export function yearRangeTail(tokens: readonly Token[], end: number): number {
  const year = tokens[end - 1];
  const dash = tokens[end];
  const until = tokens[end + 1];
  return year &&
    dash &&
    until &&
    YEAR_DIGITS.test(year.text) &&
    DASHES.has(dash.text) &&
    /^\d{2,4}$/.test(until.text) &&
    dash.start === year.end &&
    until.start === dash.end
    ? 2
    : 0;
}

/** A decade ("the 1050s"), which wink-nlp tags as a number but not of number kind. */
export function isDecade(token: Token): boolean {
  return DECADE.test(token.text);
}

/**
 * True when token `t` is a number written like a year ("in 1072,", "HMS Dreadnought of 1905"):
 * three or four digits without a separator, from `firstYear` to `lastYear`, not followed by the
 * noun it would count ("1200 ships").
 */
export function isYearNumber(
  tokens: readonly Token[],
  t: number,
  years: Pick<ShortAnswerTuning, 'firstYear' | 'lastYear'>,
): boolean {
  const { text } = tokens[t] as Token;
  if (!YEAR_DIGITS.test(text)) return false;
  const value = Number(text);
  const next = tokens[t + 1];
  return (
    value >= years.firstYear &&
    value <= years.lastYear &&
    next?.pos !== 'NOUN' &&
    next?.pos !== 'ADJ'
  );
}

/**
 * True when the number entity of tokens [first, end) is a time: a range of years ("1695–1696"),
 * or one number written like a year.
 */
export function isTimeNumber(
  tokens: readonly Token[],
  first: number,
  end: number,
  years: Pick<ShortAnswerTuning, 'firstYear' | 'lastYear'>,
): boolean {
  const text = tokens
    .slice(first, end)
    .map((t) => t.text)
    .join('');
  return YEAR_RANGE.test(text) || (end === first + 1 && isYearNumber(tokens, first, years));
}

/**
 * True when the number `span` counts the question's focus (`focus`: its terms, `focusLemma`):
 * the noun follows within `unitReach` words ("40 kilograms"), or stands just before it across a
 * bracket ("first downs (21 to 11)"); an amount with a currency sign counts money.
 */
export function countsFocus(
  tokens: readonly Token[],
  span: CandidateSpan,
  focus: ReadonlySet<string>,
  focusLemma: string | null,
  unitReach: number,
): boolean {
  for (let t = span.firstToken; t < Math.min(tokens.length, span.endToken + unitReach); t += 1) {
    const token = tokens[t] as Token;
    if (t >= span.endToken && token.pos === 'PUNCT' && token.text !== '-') break;
    if (token.term && focus.has(token.term)) return true;
  }
  for (let t = span.firstToken - 1; t >= Math.max(0, span.firstToken - unitReach); t -= 1) {
    const token = tokens[t] as Token;
    if ((token.pos === 'PUNCT' && token.text !== '(') || token.pos === 'NUM') break;
    if (token.term && focus.has(token.term)) return true;
  }
  if (focusLemma !== MONEY) return false;
  for (let t = span.firstToken; t < span.endToken; t += 1) {
    if ((tokens[t] as Token).kind === 'currency') return true;
  }
  return false;
}

/** "What year…" is answered by the year of a date ("2014" of "June 4, 2014"), when it has one. */
export function yearOf(
  tokens: readonly Token[],
  span: CandidateSpan,
): { firstToken: number; endToken: number } | null {
  for (let t = span.firstToken; t < span.endToken; t += 1) {
    if (YEAR_NUMBER.test((tokens[t] as Token).text)) return { firstToken: t, endToken: t + 1 };
  }
  return null;
}
