/** The ellipsis that marks text cut to fit a Slack limit. */
export const ELLIPSIS = '…';

// Sentence punctuation, closing quotes or brackets, then whitespace: the end of a sentence. The
// lookbehind starts a match only at the first mark of a run, so a long run of dots not followed
// by whitespace is scanned once, not once per position (quadratic).
const SENTENCE_END = /(?<![.!?…])[.!?…]+["'”’»)\]]*(?=\s)/g;
const WHITESPACE = /\s+/g;

/**
 * Escapes the three characters Slack treats as markup, so text from an article or a question
 * can never become `<!channel>`, `<!here>`, `<@U…>` or a link.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Turns Slack's own escapes back into characters (Slack escapes `&`, `<`, `>` in what it sends). */
export function unescapeSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Text as an escaped mrkdwn block quote, one `>` per line. */
export function quoteMrkdwn(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${escapeMrkdwn(line)}`)
    .join('\n');
}

/**
 * A mrkdwn link to an http(s) URL, or null for anything else (a `javascript:` URL from front
 * matter must not become clickable). `|` and `>` would end the link early, so they are encoded.
 */
export function linkMrkdwn(url: string, label: string): string | null {
  if (!/^https?:\/\//i.test(url)) return null;
  const safeUrl = url
    .replace(/&/g, '&amp;')
    .replace(/</g, '%3C')
    .replace(/>/g, '%3E')
    .replace(/\|/g, '%7C');
  return `<${safeUrl}|${escapeMrkdwn(label)}>`;
}

/**
 * Shortens `text` until `measure` of it (the rendered length) fits `maxLength`: at the last
 * sentence end that fits, else at the last word break, with an ellipsis; a single word longer
 * than the limit is the one case cut inside a word. Returns `text` unchanged when it fits.
 */
export function truncateToFit(
  text: string,
  maxLength: number,
  measure: (candidate: string) => number = (candidate) => candidate.length,
): string {
  if (measure(text) <= maxLength) return text;
  const atSentence = (end: number) => `${text.slice(0, end)} ${ELLIPSIS}`;
  const sentenceEnds = [...text.matchAll(SENTENCE_END)].map((m) => m.index + m[0].length);
  const bySentence = longestFitting(sentenceEnds, atSentence, maxLength, measure);
  if (bySentence !== null) return bySentence;

  const atWord = (end: number) => `${text.slice(0, end)}${ELLIPSIS}`;
  const wordEnds = [...text.matchAll(WHITESPACE)].map((m) => m.index).filter((i) => i > 0);
  const byWord = longestFitting(wordEnds, atWord, maxLength, measure);
  if (byWord !== null) return byWord;

  const codePoints = [...text];
  const cut = (count: number) => `${codePoints.slice(0, count).join('')}${ELLIPSIS}`;
  const counts = codePoints.map((_, i) => i + 1);
  return longestFitting(counts, cut, maxLength, measure) ?? ELLIPSIS;
}

/**
 * Binary search over ascending cut positions for the longest candidate that fits; rendered length
 * grows with the position, and a linear scan would be quadratic on a 20,000-character paragraph.
 */
function longestFitting(
  positions: readonly number[],
  build: (position: number) => string,
  maxLength: number,
  measure: (candidate: string) => number,
): string | null {
  let low = 0;
  let high = positions.length - 1;
  let best: string | null = null;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const candidate = build(positions[mid] ?? 0);
    if (measure(candidate) <= maxLength) {
      best = candidate;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return best;
}
