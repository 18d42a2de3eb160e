import { truncateToFit, unescapeSlackText } from './mrkdwn.js';

/**
 * Longest question kept. A button `value` holds at most 2,000 characters and must carry the
 * question for Share and More; JSON at most doubles the length once control characters are gone.
 */
export const MAX_QUESTION_CHARS = 900;

const CONTROL = /[\p{Cc}\u2028\u2029]/gu;

/**
 * The question in a slash command, mention or DM: Slack's escapes undone, the bot's own mention
 * removed, whitespace collapsed, at most {@link MAX_QUESTION_CHARS} characters (cut between
 * words). Other mentions stay as typed; the renderer escapes them when it echoes the question.
 */
export function readQuestion(text: string, botUserId?: string): string {
  let question = text;
  if (botUserId) {
    const mention = new RegExp(`<@${escapeRegExp(botUserId)}(?:\\|[^>]*)?>`, 'g');
    question = question.replace(mention, ' ');
  }
  question = unescapeSlackText(question).replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  return truncateToFit(question, MAX_QUESTION_CHARS);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
