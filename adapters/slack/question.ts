import { unescapeSlackText } from './mrkdwn.js';

const CONTROL = /[\p{Cc}\u2028\u2029]/gu;

/**
 * The question in a slash command, mention or DM: Slack's escapes undone, the bot's own mention
 * removed, whitespace collapsed. Not shortened: the request gate cleans the rest and refuses a
 * question over the length cap politely rather than answering a truncated one.
 */
export function readQuestion(text: string, botUserId?: string): string {
  let question = text;
  if (botUserId) {
    const mention = new RegExp(`<@${escapeRegExp(botUserId)}(?:\\|[^>]*)?>`, 'g');
    question = question.replace(mention, ' ');
  }
  return unescapeSlackText(question).replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
