import type { types } from '@slack/bolt';
import { type Answer, DEFAULT_EXCERPTS, type Excerpt } from '../../src/index.js';
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
const TITLE_CHARS = 300;

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
}

const mrkdwn = (text: string): types.MrkdwnElement => ({ type: 'mrkdwn', text, verbatim: true });
const section = (text: string): types.SectionBlock => ({ type: 'section', text: mrkdwn(text) });
const context = (text: string): types.ContextBlock => ({
  type: 'context',
  elements: [mrkdwn(text)],
});

const escapedLength = (text: string) => escapeMrkdwn(text).length;

/** Escaped text cut to `max` rendered characters. */
function fitEscaped(text: string, max: number): string {
  return escapeMrkdwn(truncateToFit(text, max, escapedLength));
}

/** `title · ¶N · <url|link>`, escaped. */
export function renderAttribution(excerpt: Excerpt): string {
  const parts = [fitEscaped(excerpt.title, TITLE_CHARS), `¶${excerpt.paragraph}`];
  const link = excerpt.url ? linkMrkdwn(excerpt.url, 'link') : null;
  if (link) parts.push(link);
  return `— ${parts.join(' · ')}`;
}

/** One excerpt as a quoted section: the verbatim quote (cut at a sentence if it must be), then its attribution. */
export function renderExcerpt(excerpt: Excerpt): types.SectionBlock {
  const attribution = renderAttribution(excerpt);
  const room = SLACK_LIMITS.sectionText - attribution.length - 1;
  const quote = truncateToFit(excerpt.quote, room, (text) => quoteMrkdwn(text).length);
  return section(`${quoteMrkdwn(quote)}\n${attribution}`);
}

function renderQuestionEcho(question: string, sharedBy: string | undefined): types.ContextBlock {
  const echo = fitEscaped(question, ECHO_CHARS);
  const asker =
    sharedBy && /^[UW][A-Z0-9]{1,30}$/.test(sharedBy) ? `<@${sharedBy}> asked` : 'Question';
  return context(`*${asker}:* ${echo}`);
}

function renderHeadline(answer: Answer): types.KnownBlock[] {
  if (!answer.answered) {
    const blocks: types.KnownBlock[] = [
      section("*Not in the article.* I couldn't find an answer to that in the article."),
    ];
    if (answer.excerpts.length > 0) blocks.push(context('_Possibly related:_'));
    return blocks;
  }
  if (answer.excerpts.length === 0) return [section('No further excerpts.')];
  if (answer.answer)
    return [section(`*${fitEscaped(answer.answer, SLACK_LIMITS.sectionText - 2)}*`)];
  return [];
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

/** The plain-text fallback: the verdict or short answer, then the first excerpt with its source. */
function renderFallback(answer: Answer): string {
  const first = answer.excerpts[0];
  const head = !answer.answered
    ? 'Not in the article.'
    : (answer.answer ?? (first ? 'From the article:' : 'No further excerpts.'));
  const tail = first ? `\n“${first.quote}” — ${first.title}, ¶${first.paragraph}` : '';
  return fitEscaped(`${head}${tail}`, SLACK_LIMITS.fallbackText);
}

/**
 * Renders an answer as a Slack message: who asked what, the short answer first when there is one
 * (or "Not in the article" with any excerpts marked "Possibly related"), each excerpt as a quote
 * with its attribution, and Share / More buttons. All article and question text is escaped, and
 * every text object and the block count stay within Slack's limits.
 */
export function renderAnswer(answer: Answer, options: RenderAnswerOptions = {}): SlackMessage {
  const head: types.KnownBlock[] = [
    renderQuestionEcho(answer.question, options.sharedBy),
    ...renderHeadline(answer),
  ];
  const buttons = renderButtons(answer, options);
  const tailCount = buttons ? 1 : 0;
  const room = SLACK_LIMITS.blocks - head.length - tailCount;
  const excerpts = answer.excerpts.map(renderExcerpt);
  const shown = excerpts.length > room ? excerpts.slice(0, room - 1) : excerpts;
  const blocks: types.KnownBlock[] = [...head, ...shown];
  if (shown.length < excerpts.length) {
    blocks.push(context(`_${excerpts.length - shown.length} further excerpts not shown._`));
  }
  if (buttons) blocks.push(buttons);
  return { text: renderFallback(answer), blocks };
}

/** Help for `/ask` with no question. */
export function renderUsage(titles: readonly string[]): SlackMessage {
  const about = titles.slice(0, 10).map((title) => `• ${fitEscaped(title, TITLE_CHARS)}`);
  const more = titles.length > 10 ? [`• …and ${titles.length - 10} more`] : [];
  const text =
    'Ask me about the article: type `/ask` and your question, for example `/ask Who is quoted?`. ' +
    'You can also mention me in a channel or send me a direct message.';
  return {
    text,
    blocks: [
      section(text),
      ...(about.length > 0
        ? [
            context(
              truncateToFit(
                ['I answer from:', ...about, ...more].join('\n'),
                SLACK_LIMITS.sectionText,
              ),
            ),
          ]
        : []),
    ],
  };
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
