/**
 * Links that open an article at the quoted sentence, highlighted: URL text fragments as the
 * WICG "URL Fragment Text Directives" report defines them (`#:~:text=[prefix-,]start[,end][,-suffix]`),
 * supported by Chrome, Edge, Safari and Firefox; a browser without them opens the page's top.
 */

/** Quotes of at most this many words go whole into the link; longer ones as start and end. */
export const WHOLE_QUOTE_WORDS = 10;
/** Words of a long quote's start and of its end: enough to be unique in an article. */
export const EDGE_WORDS = 4;

/**
 * Percent-encodes one term of a text directive. Beyond what a URL fragment needs, the report
 * reserves `-` (prefix and suffix markers), `,` (between terms) and `&` (between directives);
 * `encodeURIComponent` leaves `-`, `!`, `'`, `(`, `)` and `*` as they are, so those are encoded
 * here too (parentheses would also end a Markdown link early).
 */
export function encodeTextDirectiveTerm(term: string): string {
  return encodeURIComponent(term).replace(
    /[-!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Letters, digits or marks: where a term may start and end (quote marks and dots trimmed off). */
const WORDLIKE = /[\p{L}\p{N}\p{M}]/u;

function trimToWords(text: string): string {
  const chars = [...text];
  let start = 0;
  let end = chars.length;
  while (start < end && !WORDLIKE.test(chars[start] as string)) start += 1;
  while (end > start && !WORDLIKE.test(chars[end - 1] as string)) end -= 1;
  return chars.slice(start, end).join('');
}

/**
 * The text directive that selects `quote`: the whole quote when it is short, else its first and
 * last {@link EDGE_WORDS} words as `start,end`. Whitespace is collapsed and punctuation at the
 * edges trimmed, since a match must begin and end on a word and pages differ in quote marks.
 * Returns null when the quote has no word to match.
 */
export function textDirective(quote: string): string | null {
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (words.length <= WHOLE_QUOTE_WORDS) {
    const whole = trimToWords(words.join(' '));
    return whole ? `text=${encodeTextDirectiveTerm(whole)}` : null;
  }
  const start = trimToWords(words.slice(0, EDGE_WORDS).join(' '));
  const end = trimToWords(words.slice(-EDGE_WORDS).join(' '));
  if (!start || !end) return null;
  return `text=${encodeTextDirectiveTerm(start)},${encodeTextDirectiveTerm(end)}`;
}

/**
 * `url` with a text fragment that scrolls to and highlights `quote`; an existing fragment is
 * kept before the `:~:` delimiter, as the report allows. Null for anything but an http(s) URL,
 * so a `javascript:` URL from front matter never becomes a link.
 */
export function linkToQuote(url: string, quote: string): string | null {
  if (!/^https?:\/\//i.test(url)) return null;
  const directive = textDirective(quote);
  if (directive === null) return url;
  const hash = url.indexOf('#');
  const base = hash >= 0 ? url.slice(0, hash) : url;
  // A fragment that already holds a directive would give two; the quote's wins.
  const fragment = hash >= 0 ? (url.slice(hash + 1).split(':~:')[0] ?? '') : '';
  return `${base}#${fragment}:~:${directive}`;
}
