/** The ellipsis that marks text cut to fit a Discord limit. */
export const ELLIPSIS = '…';

/** Cuts shorter than this share of the limit look broken; a word boundary reads better then. */
const MIN_SENTENCE_SHARE = 0.5;
const SENTENCE_END = /[.!?…](?:\\?["'”’)\]])*$/;
const JOINERS = new Set([',', ';', ':', '–', '—', '-']);

/**
 * Escapes Discord Markdown so article text and echoed questions show exactly as written: no
 * formatting, no headings or lists, no masked links, and mention syntax (`@everyone`, `<@id>`)
 * shown as plain text. Every escape is a backslash before punctuation, which Discord hides.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|<>[\]]/g, '\\$&')
    .replace(/@(?=everyone|here)/g, '\\@')
    .replace(/^([ \t]*)([#+-])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)([.)])(?=\s|$)/gm, '$1\\$2');
}

/** Prefixes every line with Discord's block-quote marker. */
export function blockQuote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/**
 * Shortens `text` to at most `max` UTF-16 units. Prefers the last sentence end that keeps at
 * least half the room, else the last word boundary; appends an ellipsis. Never cuts inside a
 * word unless a single word is longer than `max`, and never splits a surrogate pair.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < ELLIPSIS.length + 1) return ELLIPSIS.slice(0, Math.max(0, max));
  const room = max - ELLIPSIS.length - 1;
  const sentence = lastSentenceEnd(text, room);
  if (sentence >= room * MIN_SENTENCE_SHARE) return `${text.slice(0, sentence)} ${ELLIPSIS}`;
  const word = lastWordEnd(text, room + 1);
  if (word > 0) return `${text.slice(0, word)}${ELLIPSIS}`;
  return `${safeSlice(text, room + 1)}${ELLIPSIS}`;
}

/** Length of the longest prefix of at most `limit` units that ends a sentence, or -1. */
function lastSentenceEnd(text: string, limit: number): number {
  for (let end = Math.min(limit, text.length); end > 0; end -= 1) {
    const next = text[end];
    if (next !== undefined && !/\s/.test(next)) continue;
    if (SENTENCE_END.test(text.slice(Math.max(0, end - 8), end))) return end;
  }
  return -1;
}

/** Length of the longest prefix of at most `limit` units that ends a word, trailing commas and dashes dropped. */
function lastWordEnd(text: string, limit: number): number {
  for (let end = Math.min(limit, text.length); end > 0; end -= 1) {
    const next = text[end];
    // Only the last break matters: if all before it is joiners and spaces, so is all before any
    // earlier break, and trimming again at each one would be quadratic.
    if (next === undefined || /\s/.test(next))
      return trimTrailingJoiners(text.slice(0, end)).length;
  }
  return 0;
}

/**
 * Drops trailing whitespace and joining punctuation (`,;:–—-`, each maybe escaped with a
 * backslash). A loop from the end, not `/(?:\\?[,;:–—-]|\s)+$/`: that regex retries from every
 * position of a long run of spaces and is quadratic on it.
 */
function trimTrailingJoiners(text: string): string {
  let end = text.length;
  while (end > 0) {
    const last = text[end - 1] as string;
    if (/\s/.test(last)) end -= 1;
    else if (JOINERS.has(last)) end -= text[end - 2] === '\\' ? 2 : 1;
    else break;
  }
  return text.slice(0, end);
}

function safeSlice(text: string, length: number): string {
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}
