import type { types } from '@slack/bolt';
import { type Answer, DEFAULT_EXCERPTS, type Excerpt } from '../../src/index.js';
import { linkToQuote } from '../shared/text-fragment.js';
import { headlineOf, quoteInline, wordingFor } from '../shared/wording.js';
import { encodeAskValue } from './action-value.js';
import { escapeMrkdwn, linkMrkdwn, quoteMrkdwn, truncateToFit } from './mrkdwn.js';

/** Slack's published limits that the renderer keeps to. */
export const SLACK_LIMITS = {
  /** Characters in one section or context text object. */
  sectionText: 3000,
  /** Blocks in one message. */
  blocks: 50,
  /** Characters of the plain `text` fallback we send (notifications show far less). */
  fallbackText: 3000,
} as const;

/** Characters of the question echoed above an answer, and of a title in an attribution. */
const ECHO_CHARS = 300;
export const TITLE_CHARS = 300;

/** `action_id` of the "Share in channel" button. */
export const SHARE_ACTION_ID = 'share_answer';
/** `action_id` of the "More" button. */
export const MORE_ACTION_ID = 'more_excerpts';

/** A Slack message body: Block Kit `blocks` plus the plain `text` shown in notifications. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

/** Options for {@link renderAnswer}. */
export interface RenderAnswerOptions {
  /** Offer a "Share in channel" button; only ephemeral answers need it. @default false */
  share?: boolean;
  /** Slack user id of the person who shared the answer into the channel. */
  sharedBy?: string;
  /** Excerpts asked for, carried by the buttons so Share and More ask the same way. @default DEFAULT_EXCERPTS */
  top?: number;
  /** Articles in the corpus, for "the article" or "the articles". @default 1 */
  articleCount?: number;
}

const mrkdwn = (text: string): types.MrkdwnElement => ({ type: 'mrkdwn', text, verbatim: true });
/** A section block of mrkdwn text (escaped by the caller). */
export const section = (text: string): types.SectionBlock => ({
  type: 'section',
  text: mrkdwn(text),
});
/** A context block of mrkdwn text (escaped by the caller). */
export const context = (text: string): types.ContextBlock => ({
  type: 'context',
  elements: [mrkdwn(text)],
});

const escapedLength = (text: string) => escapeMrkdwn(text).length;

/** Escaped text cut to `max` rendered characters. */
export function fitEscaped(text: string, max: number): string {
  return escapeMrkdwn(truncateToFit(text, max, escapedLength));
}

/**
 * `title · ¶N · <url|link>`, escaped; the link opens the article at `linked` (the quote, or the
 * whole paragraph) through a URL text fragment.
 */
export function renderAttribution(excerpt: Excerpt, linked: string = excerpt.quote): string {
  const parts = [fitEscaped(excerpt.title, TITLE_CHARS), `¶${excerpt.paragraph}`];
  const url = excerpt.url ? linkToQuote(excerpt.url, linked) : null;
  const link = url ? linkMrkdwn(url, 'link') : null;
  if (link) parts.push(link);
  return `— ${parts.join(' · ')}`;
}

/**
 * One excerpt as a quoted section: the verbatim `body` (its quote, or for a paragraph shown whole
 * its text), cut at a sentence if it must be, then its attribution.
 */
export function renderExcerpt(excerpt: Excerpt, body: string = excerpt.quote): types.SectionBlock {
  const attribution = renderAttribution(excerpt, body);
  const room = SLACK_LIMITS.sectionText - attribution.length - 1;
  const quote = truncateToFit(body, room, (text) => quoteMrkdwn(text).length);
  return section(`${quoteMrkdwn(quote)}\n${attribution}`);
}

function renderQuestionEcho(question: string, sharedBy: string | undefined): types.ContextBlock {
  const echo = fitEscaped(question, ECHO_CHARS);
  const asker =
    sharedBy && /^[UW][A-Z0-9]{1,30}$/.test(sharedBy) ? `<@${sharedBy}> asked` : 'Question';
  return context(`*${asker}:* ${echo}`);
}

function renderHeadline(answer: Answer, articleCount: number): types.KnownBlock[] {
  if (answer.answer && answer.offset === 0) {
    return [section(`*${fitEscaped(answer.answer, SLACK_LIMITS.sectionText - 2)}*`)];
  }
  const headline = headlineOf(answer, articleCount) ?? '';
  if (answer.answered || answer.offset > 0) return [section(headline)];
  const blocks: types.KnownBlock[] = [section(`*${headline}*`)];
  if (answer.excerpts.length > 0) {
    blocks.push(context(`_${wordingFor(articleCount).possiblyRelated}_`));
  }
  return blocks;
}

function renderButtons(answer: Answer, options: RenderAnswerOptions): types.ActionsBlock | null {
  const top = options.top ?? DEFAULT_EXCERPTS;
  const buttons: types.Button[] = [];
  if (options.share && answer.excerpts.length > 0) {
    buttons.push({
      type: 'button',
      action_id: SHARE_ACTION_ID,
      style: 'primary',
      text: { type: 'plain_text', text: 'Share in channel' },
      value: encodeAskValue({ question: answer.question, offset: answer.offset, top }),
    });
  }
  if (answer.hasMore) {
    const offset = answer.offset + answer.excerpts.length;
    buttons.push({
      type: 'button',
      action_id: MORE_ACTION_ID,
      text: { type: 'plain_text', text: 'More' },
      value: encodeAskValue({ question: answer.question, offset, top }),
    });
  }
  return buttons.length > 0 ? { type: 'actions', elements: buttons } : null;
}

/**
 * The plain-text fallback (notifications, screen readers): the short answer or the outcome's
 * words, then the first excerpt, quoted without doubling the article's own marks, with its source.
 */
function renderFallback(answer: Answer, articleCount: number): string {
  const first = answer.excerpts[0];
  const head =
    (answer.offset === 0 ? answer.answer : null) ?? headlineOf(answer, articleCount) ?? '';
  const tail = first ? `\n${quoteInline(first.quote)} — ${first.title}, ¶${first.paragraph}` : '';
  return fitEscaped(`${head}${tail}`, SLACK_LIMITS.fallbackText);
}

/**
 * Renders an answer as a Slack message: who asked what, the short answer first when there is one
 * (or "Not in the article" with any excerpts marked "Possibly related"), each excerpt as a quote
 * with its attribution, and Share / More buttons. All article and question text is escaped, and
 * every text object and the block count stay within Slack's limits.
 */
export function renderAnswer(answer: Answer, options: RenderAnswerOptions = {}): SlackMessage {
  const articleCount = options.articleCount ?? 1;
  const head: types.KnownBlock[] = [
    renderQuestionEcho(answer.question, options.sharedBy),
    ...renderHeadline(answer, articleCount),
  ];
  const buttons = renderButtons(answer, options);
  const tailCount = buttons ? 1 : 0;
  const room = SLACK_LIMITS.blocks - head.length - tailCount;
  const excerpts = answer.excerpts.map((excerpt) => renderExcerpt(excerpt));
  const shown = excerpts.length > room ? excerpts.slice(0, room - 1) : excerpts;
  const blocks: types.KnownBlock[] = [...head, ...shown];
  if (shown.length < excerpts.length) {
    blocks.push(context(`_${excerpts.length - shown.length} further excerpts not shown._`));
  }
  if (buttons) blocks.push(buttons);
  return { text: renderFallback(answer, articleCount), blocks };
}

/** A short plain notice (a refusal, a rate limit), escaped. */
export function renderNotice(text: string): SlackMessage {
  const escaped = fitEscaped(text, SLACK_LIMITS.sectionText);
  return { text: escaped, blocks: [section(escaped)] };
}

/** The short apology a person sees when answering failed; details go to the log only. */
export function renderFailure(): SlackMessage {
  const text = 'Sorry, something went wrong while answering. Please try again in a moment.';
  return { text, blocks: [section(`:warning: ${text}`)] };
}
