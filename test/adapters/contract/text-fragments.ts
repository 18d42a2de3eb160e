import { expect } from 'vitest';

/** Words of `text` with punctuation and quote marks at their edges ignored, for comparison. */
const words = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/**
 * Asserts that `link` opens its page at `quote` through a URL text fragment: one `text=`
 * directive whose decoded start begins the quote and whose decoded end (when there is one)
 * ends it, so a browser scrolls to exactly the quoted words and highlights them.
 */
export function expectLinkToQuote(link: string, quote: string): void {
  const directive = /#[^#]*:~:text=([^&]+)$/.exec(link)?.[1];
  expect(directive, `a text directive in ${link}`).toBeDefined();
  const terms = (directive ?? '').split(',');
  expect(terms.length).toBeLessThanOrEqual(2);
  for (const term of terms) expect(term).not.toMatch(/[\s\-&,()]/);
  const [start = '', end] = terms.map(decodeURIComponent);
  const quoted = words(quote.replace(/ ?…$/, ''));
  expect(quoted.startsWith(start), `${quoted} starts with ${start}`).toBe(true);
  if (end !== undefined) expect(quoted.endsWith(end), `${quoted} ends with ${end}`).toBe(true);
  else expect(start).toBe(quoted);
}
