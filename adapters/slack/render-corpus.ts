import type { ArticleDocument, Excerpt } from '../../src/index.js';
import { corpusNoun, describeArticles, quoteInline } from '../shared/wording.js';
import { escapeMrkdwn, truncateToFit } from './mrkdwn.js';
import {
  context,
  fitEscaped,
  renderExcerpt,
  SLACK_LIMITS,
  type SlackMessage,
  section,
  TITLE_CHARS,
} from './render.js';

/**
 * The help, for `/ask help`, `/ask` alone, "@bot help" and a DM saying help: how to ask (the
 * command, a mention, a DM), that command answers are private until shared, More, how to list
 * the articles and show a paragraph, and the articles loaded. `command` is the slash command's
 * configured name.
 */
export function renderHelp(documents: readonly ArticleDocument[], command: string): SlackMessage {
  const noun = corpusNoun(documents.length);
  const text =
    `*Ask me about ${noun}.* Type \`${command}\` and your question, such as ` +
    `\`${command} Who was there, and when?\`, mention me in a channel, or send me a direct message.`;
  const lines = [
    `• An answer to \`${command}\` is private: only you see it, until you press *Share in channel*.`,
    '• *More* shows the next excerpts.',
    `• \`${command} articles\` lists the articles; \`${command} source 3\` shows paragraph ¶3 whole ` +
      `(\`${command} source 3 article-id\` for another article).`,
    `• Every answer quotes ${noun} word for word, with the title, ¶ number and a link to the quoted text.`,
  ];
  const about = describeArticles(documents).map((line) => `• ${fitEscaped(line, TITLE_CHARS)}`);
  return {
    text: `Ask me about ${noun}: type ${command} and your question.`,
    blocks: [
      section(text),
      section(lines.join('\n')),
      ...(about.length > 0
        ? [
            context(
              truncateToFit(['I answer from:', ...about].join('\n'), SLACK_LIMITS.sectionText),
            ),
          ]
        : []),
    ],
  };
}

/** The articles loaded, each with the id that `source N id` takes. */
export function renderArticleList(
  documents: readonly ArticleDocument[],
  command: string,
): SlackMessage {
  const lines = documents.map(
    (d) =>
      `• \`${escapeMrkdwn(d.id)}\` ${fitEscaped(d.title, TITLE_CHARS)} (${d.paragraphs.length} paragraphs)`,
  );
  const text = truncateToFit(
    [`I answer from ${documents.length === 1 ? 'this article' : 'these articles'}:`, ...lines].join(
      '\n',
    ),
    SLACK_LIMITS.sectionText,
  );
  return {
    text: `${documents.length} article${documents.length === 1 ? '' : 's'} loaded.`,
    blocks: [
      section(text),
      context(`Show a paragraph whole with \`${command} source N article-id\`.`),
    ],
  };
}

/** A whole paragraph, verbatim, with its attribution and a link to it. */
export function renderParagraph(excerpt: Excerpt): SlackMessage {
  const fallback = `${quoteInline(excerpt.text)} — ${excerpt.title}, ¶${excerpt.paragraph}`;
  return {
    text: fitEscaped(fallback, SLACK_LIMITS.fallbackText),
    blocks: [renderExcerpt(excerpt, excerpt.text)],
  };
}

/** What the slash command's text asks for: the article list, one paragraph, or a question. */
export type CommandRequest =
  | { readonly kind: 'articles' }
  | { readonly kind: 'source'; readonly paragraph: number; readonly article?: string }
  | { readonly kind: 'question'; readonly text: string };

/**
 * Reads the slash command's text: `articles` lists the articles, `source N [article-id]` shows
 * a paragraph, and anything else is a question (so "source of the funding?" is still asked).
 */
export function readCommandRequest(text: string): CommandRequest {
  const trimmed = text.trim();
  if (/^articles?$/i.test(trimmed)) return { kind: 'articles' };
  const source = /^source\s+(\d{1,6})(?:\s+(\S+))?$/i.exec(trimmed);
  if (source) {
    const [, paragraph = '0', article] = source;
    return article
      ? { kind: 'source', paragraph: Number(paragraph), article }
      : { kind: 'source', paragraph: Number(paragraph) };
  }
  return { kind: 'question', text: trimmed };
}
