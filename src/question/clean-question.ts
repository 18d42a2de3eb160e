// question/: the question understood once (QuestionAnalysis): cleaning, type, focus, verb.
// May import: language, tuning, the answer contract.

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
