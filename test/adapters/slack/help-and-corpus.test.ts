import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { manifestFile, renderManifest } from '../../../adapters/slack/manifest.js';
import { expectLinkToQuote } from '../contract/text-fragments.js';
import { BOT_USER_ID } from './doubles.js';
import {
  blockTexts,
  eventBody,
  FORM,
  type HttpBot,
  JSON_TYPE,
  quoteOf,
  slashCommandBody,
  useAnswerers,
  useSlackDouble,
} from './harness.js';

const slack = useSlackDouble();
const qa = useAnswerers({
  two: 'test/fixtures/discord-corpus',
  quotes: 'test/fixtures/corpus-quotes',
});
let bot!: HttpBot;

async function command(text: string, name = '/ask') {
  const body = slashCommandBody(text, slack.double.responseUrl('c'), { command: name });
  const response = await bot.postSigned(body, FORM);
  expect(response.status).toBe(200);
  return (await response.json()) as { response_type: string; text: string; blocks: unknown[] };
}

const textOf = (message: { blocks: unknown }) => blockTexts(message.blocks).join('\n');

describe('Slack help', () => {
  it('answers "/ask help" and "/ask" alone with the help and the articles loaded, privately', async () => {
    bot = await slack.startHttpBot({ qa: qa.two });
    for (const text of ['help', '']) {
      const message = await command(text);
      expect(message.response_type).toBe('ephemeral');
      const help = textOf(message);
      expect(help).toContain('*Ask me about the articles.* Type `/ask` and your question');
      expect(help).toContain('*Share in channel*');
      expect(help).toContain('`/ask articles`');
      for (const d of qa.two.documents) expect(help).toContain(d.title.replace(/&/g, '&amp;'));
    }
  });

  it('answers "@bot help" with the help in the thread, not an excerpt', async () => {
    bot = await slack.startHttpBot({ qa: qa.two });
    const event = {
      type: 'app_mention',
      user: 'U1',
      text: `<@${BOT_USER_ID}> help`,
      ts: '1700000000.000100',
      channel: 'C1',
      event_ts: '1700000000.000100',
    };
    const response = await bot.postSigned(eventBody(event, 'EvHelp'), JSON_TYPE);
    expect(response.status).toBe(200);
    const post = await slack.double.waitForCall('chat.postMessage');
    expect(post.args.thread_ts).toBe('1700000000.000100');
    expect(textOf({ blocks: post.args.blocks })).toContain('*Ask me about the articles.*');
    expect(textOf({ blocks: post.args.blocks })).not.toMatch(/^> /m);
  });

  it('listens on the configured command, and its help and manifest name it', async () => {
    bot = await slack.startHttpBot({ qa: qa.two, command: '/harbour' });
    const help = textOf(await command('help', '/harbour'));
    expect(help).toContain('Type `/harbour` and your question');
    expect(help).not.toContain('/ask');
    const answer = await command('When do the harbour works start?', '/harbour');
    expect(blockTexts(answer.blocks).some((t) => t.startsWith('> '))).toBe(true);

    const manifest = await renderManifest('/harbour');
    expect(manifest).toContain('  slash_commands:\n    - command: /harbour\n');
    expect(manifest.split('/harbour')).toHaveLength(2);
    expect(await renderManifest('/ask')).toBe(await readFile(manifestFile(), 'utf8'));
  });
});

describe('Slack articles and source', () => {
  it('lists the articles with their ids', async () => {
    bot = await slack.startHttpBot({ qa: qa.two });
    const list = textOf(await command('articles'));
    for (const d of qa.two.documents) expect(list).toContain(`• \`${d.id}\``);
  });

  it('shows a whole paragraph verbatim with a link to it, and says which numbers exist', async () => {
    bot = await slack.startHttpBot({ qa: qa.two });
    const [first] = qa.two.documents;
    const shown = await command(`source 2 ${first?.id}`);
    const [section = ''] = blockTexts(shown.blocks);
    expect(quoteOf(section)).toBe(first?.paragraphs[1]);
    expect(section).toMatch(/— .+ · ¶2 · <https:[^|]+\|link>$/);
    const link = /<([^|]+)\|link>$/.exec(section)?.[1] ?? '';
    expectLinkToQuote(link.replace(/&amp;/g, '&'), first?.paragraphs[1] ?? '');
    expect(textOf(await command(`source 99 ${first?.id}`))).toMatch(
      /has \d+ paragraphs; pick a number from 1 to \d+\./,
    );
    expect(textOf(await command('source 1 nope'))).toBe(
      'There is no article "nope". /ask articles lists them with their ids.',
    );
  });
});

describe('Slack fallback text', () => {
  it("quotes the first excerpt without doubling the article's own quote marks", async () => {
    bot = await slack.startHttpBot({ qa: qa.quotes });
    const message = await command('How much did the bridge cost?');
    expect(message.text).toContain('“The council said the bridge cost 4.2 million crowns');
    expect(message.text).toContain('well spent.” — Mayor opens the harbour bridge, ¶2');
    expect(message.text).not.toMatch(/[“”]{2}/);
  });
});
