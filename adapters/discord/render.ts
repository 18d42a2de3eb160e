import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import type { Answer, ArticleDocument, Excerpt } from '../../src/index.js';
import { linkToQuote } from '../shared/text-fragment.js';
import { corpusNoun, describeArticles, headlineOf } from '../shared/wording.js';
import { blockQuote, escapeMarkdown, truncateText } from './markdown.js';

/** Discord's message limits (characters, counted here as UTF-16 units, which never undercounts). */
export const DISCORD_LIMITS = {
  content: 2_000,
  embedTitle: 256,
  embedDescription: 4_096,
  /** All embed titles, descriptions, footers, authors and fields of one message together. */
  embedsTotal: 6_000,
} as const;

const ANSWERED_COLOR = 0x5865f2;
const RELATED_COLOR = 0x99aab5;
const RELATED_TITLE = 'Possibly related';
const MAX_TITLE_IN_ATTRIBUTION = 200;
const MAX_LINKED_URL = 512;
const MAX_ECHOED_QUESTION = 300;
const MAX_SHORT_ANSWER = 1_500;

/** A message body that discord.js accepts for `reply`, `send`, `editReply` and `followUp`. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
}

/** Options for {@link renderAnswer}. */
export interface RenderAnswerOptions {
  /** `custom_id` of the **More** button; no button without it. */
  moreId?: string;
  /** Repeat the question above the answer (slash commands do not show it to others). @default false */
  echoQuestion?: boolean;
  /** Articles in the corpus, for "the article" or "the articles". @default 1 */
  articleCount?: number;
}

/**
 * Renders an {@link Answer}: the short answer in bold, then each excerpt as a block quote with
 * its attribution (title · ¶N · link); unanswered questions say so plainly and mark excerpts as
 * possibly related. Everything is escaped and cut to fit Discord's limits.
 */
export function renderAnswer(answer: Answer, options: RenderAnswerOptions = {}): DiscordMessage {
  const lines: string[] = [];
  if (options.echoQuestion) {
    lines.push(blockQuote(escapeMarkdown(truncateText(answer.question, MAX_ECHOED_QUESTION))));
  }
  lines.push(headline(answer, options.articleCount ?? 1));
  const title = answer.answered ? undefined : RELATED_TITLE;
  return {
    content: truncateText(lines.join('\n'), DISCORD_LIMITS.content),
    embeds: renderExcerpts(
      answer.excerpts.map((excerpt) => ({ excerpt, body: excerpt.quote })),
      answer.answered ? ANSWERED_COLOR : RELATED_COLOR,
      title,
    ),
    components: options.moreId && answer.hasMore ? [moreButtonRow(options.moreId)] : [],
  };
}

/** Renders a whole paragraph (for `/source`) with its attribution. */
export function renderParagraph(excerpt: Excerpt): DiscordMessage {
  return {
    embeds: renderExcerpts([{ excerpt, body: excerpt.text }], ANSWERED_COLOR, undefined),
    components: [],
  };
}

/**
 * The help: what to ask and how (a mention or DM, `/ask`, private answers, **More**, `/source`),
 * and the articles loaded. For `/help`, "@bot help" and a mention with nothing to ask.
 */
export function renderHelp(documents: readonly ArticleDocument[]): DiscordMessage {
  const noun = corpusNoun(documents.length);
  const lines = [
    `**Ask me about ${noun}.** Mention me with a question, such as "@me Who was there, and when?", or send me a direct message.`,
    '• `/ask question:…` does the same; add `private:True` and only you see the answer.',
    '• **More** under an answer shows the next excerpts.',
    '• `/source paragraph:N` shows paragraph ¶N whole, with its attribution.',
    `• Every answer quotes ${noun} word for word, with the title, ¶ number and a link to the quoted text.`,
    '',
    'I answer from:',
    ...describeArticles(documents).map((line) => `• ${escapeMarkdown(line)}`),
  ];
  return renderNotice(lines.join('\n'));
}

/** A plain text reply cut to the content limit; callers escape anything a user or article supplied. */
export function renderNotice(text: string): DiscordMessage {
  return { content: truncateText(text, DISCORD_LIMITS.content), embeds: [], components: [] };
}

/**
 * The attribution line of an excerpt: *title* · ¶N · [link](url), the link opening the article
 * at `linked` (the quote, or the whole paragraph) through a URL text fragment.
 */
export function renderAttribution(excerpt: Excerpt, linked: string = excerpt.quote): string {
  const title = escapeMarkdown(truncateText(excerpt.title, MAX_TITLE_IN_ATTRIBUTION));
  const parts = [`*${title}*`, `¶${excerpt.paragraph}`];
  const toQuote = excerpt.url ? linkToQuote(excerpt.url, linked) : null;
  const url = toQuote && toQuote.length <= MAX_LINKED_URL ? toQuote : excerpt.url;
  if (url && url.length <= MAX_LINKED_URL) {
    // Encoded, so a URL from front matter can neither end the link early nor carry mention syntax.
    parts.push(`[link](${url.replace(/[()\s<>@]/g, encodeURIComponent)})`);
  }
  return `— ${parts.join(' · ')}`;
}

function headline(answer: Answer, articleCount: number): string {
  if (answer.answer && answer.offset === 0) {
    return `**${escapeMarkdown(truncateText(answer.answer, MAX_SHORT_ANSWER))}**`;
  }
  return headlineOf(answer, articleCount) ?? '';
}

interface ExcerptBody {
  excerpt: Excerpt;
  /** The verbatim text to quote: the excerpt's quote, or its whole paragraph. */
  body: string;
}

function renderExcerpts(
  items: readonly ExcerptBody[],
  color: number,
  title: string | undefined,
): APIEmbed[] {
  const wanted = items.map(({ excerpt, body }) =>
    describe(excerpt, body, Number.POSITIVE_INFINITY),
  );
  const room = DISCORD_LIMITS.embedsTotal - (title?.length ?? 0) * items.length;
  const budgets = shareFairly(
    wanted.map((text) => text.length),
    room,
  );
  return items.map(({ excerpt, body }, i) => {
    const budget = Math.min(budgets[i] ?? 0, DISCORD_LIMITS.embedDescription);
    return {
      ...(title ? { title } : {}),
      description: describe(excerpt, body, budget),
      color,
    };
  });
}

/** The embed description: the quote, cut to leave room for the attribution, which is never cut. */
function describe(excerpt: Excerpt, body: string, budget: number): string {
  const attribution = renderAttribution(excerpt, body);
  const escaped = escapeMarkdown(body.trim());
  const lineCount = escaped.split('\n').length;
  const room = budget - attribution.length - 1 - 2 * lineCount;
  return `${blockQuote(truncateText(escaped, Math.max(0, room)))}\n${attribution}`;
}

/** Splits `total` among items wanting `lengths`: short ones get all they want, long ones share the rest. */
function shareFairly(lengths: readonly number[], total: number): number[] {
  const order = lengths
    .map((length, index) => ({ length, index }))
    .sort((a, b) => a.length - b.length);
  const shares = new Array<number>(lengths.length).fill(0);
  let left = total;
  order.forEach(({ length, index }, rank) => {
    const share = Math.min(length, Math.floor(left / (order.length - rank)));
    shares[index] = share;
    left -= share;
  });
  return shares;
}

function moreButtonRow(customId: string): APIActionRowComponent<APIButtonComponentWithCustomId> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: 'More',
        custom_id: customId,
      },
    ],
  };
}
