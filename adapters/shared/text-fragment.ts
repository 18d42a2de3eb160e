/**
 * Links that open an article at the quoted sentence, highlighted: URL text fragments as the
 * WICG "URL Fragment Text Directives" report defines them (`#:~:text=[prefix-,]start[,end][,-suffix]`),
 * supported by Chrome, Edge, Safari and Firefox; a browser without them opens the page's top.
 */

/** Quotes of at most this many words go whole into the link; longer ones as start and end. */
export const WHOLE_QUOTE_WORDS = 10;
/** Words of a long quote's start and of its end: enough to be unique in an article. */
export const EDGE_WORDS = 4;
/** Longest term, encoded, worth a link: a "word" longer than this makes a plain link instead. */
export const MAX_TERM_CHARS = 200;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Percent-encodes one term of a text directive. Beyond what a URL fragment needs, the report
 * reserves `-` (prefix and suffix markers), `,` (between terms) and `&` (between directives);
 * `encodeURIComponent` leaves `-`, `!`, `'`, `(`, `)` and `*` as they are, so those are encoded
 * here too (parentheses would also end a Markdown link early).
 */
export function encodeTextDirectiveTerm(term: string): string {
  // A lone surrogate has no UTF-8 form (encodeURIComponent throws): it becomes U+FFFD.
  return encodeURIComponent(term.replace(LONE_SURROGATE, '\uFFFD')).replace(
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
 * Returns null when the quote has no word to match, or words too long for a link.
 */
export function textDirective(quote: string): string | null {
  const words = quote.trim().split(/\s+/).filter(Boolean);
  const terms =
    words.length <= WHOLE_QUOTE_WORDS
      ? [words.join(' ')]
      : [words.slice(0, EDGE_WORDS).join(' '), words.slice(-EDGE_WORDS).join(' ')];
  const encoded = terms.map((term) => encodeTextDirectiveTerm(trimToWords(term)));
  if (encoded.some((term) => term === '' || term.length > MAX_TERM_CHARS)) return null;
  return `text=${encoded.join(',')}`;
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
