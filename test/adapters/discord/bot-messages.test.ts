import { GatewayIntentBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { renderHelp } from '../../../adapters/discord/render.js';
import { expectLinkToQuote } from '../contract/text-fragments.js';
import type { RecordedRequest } from './double/discord-double.js';
import { userPayload } from './double/payloads.js';
import {
  quotedText,
  replyTo,
  sendDirectMessage,
  sendMention,
  unescapeMarkdown,
  useHarness,
} from './harness.js';

const h = useHarness();

/** Every embed's quote is verbatim article text, and its attribution names that article and ¶N. */
function expectAttributedQuotes(body: RecordedRequest['body']) {
  expect(body.embeds.length).toBeGreaterThan(0);
  for (const embed of body.embeds as { description: string }[]) {
    const attribution = /— \*(.+)\* · ¶(\d+)/.exec(embed.description);
    expect(attribution, embed.description).not.toBeNull();
    const title = unescapeMarkdown(attribution?.[1] ?? '');
    const document = h.qa.documents.find((d) => d.title === title);
    expect(document, `an article titled ${title}`).toBeDefined();
    const paragraph = document?.paragraphs[Number(attribution?.[2]) - 1] ?? '';
    expect(paragraph).toContain(quotedText(embed.description));
    if (document?.url) {
      const link = /\[link\]\((.+)\)$/.exec(embed.description)?.[1] ?? '';
      expect(link.startsWith(`${document.url}#:~:text=`), link).toBe(true);
      expectLinkToQuote(link, quotedText(embed.description));
    }
  }
}

describe('Discord bot over the real discord.js client', () => {
  it('identifies with only the Guilds, GuildMessages and DirectMessages intents', () => {
    const expected =
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages;
    expect(h.double.sessions[0]?.intents).toBe(expected);
    expect((h.double.sessions[0]?.intents ?? 0) & GatewayIntentBits.MessageContent).toBe(0);
  });

  it('replies to a mention with attributed verbatim quotes and pings no one', async () => {
    const sent = sendMention(h, 'When do the harbour works start?');
    const reply = await h.double.waitForRequest(replyTo(sent.id), 'the reply to the mention');
    expect(reply.path).toBe(`/channels/${sent.channel_id}/messages`);
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(reply.body.content.length).toBeGreaterThan(0);
    expectAttributedQuotes(reply.body);
  });

  it('escapes @everyone, user mentions and Markdown in the question and the quoted text', async () => {
    const sent = h.double.sendMessage({
      author: h.user,
      content: `<@${h.double.bot.id}> What did the mayor tell the zeppelin club? @everyone **now**`,
      channelId: h.double.guilds[0]?.channelId ?? '',
      guildId: h.double.guilds[0]?.id ?? '',
      mentions: [h.double.bot],
      mentionEveryone: true,
    });
    const reply = await h.double.waitForRequest(
      replyTo(sent.id),
      'the reply to the @everyone question',
    );
    expect(reply.body.allowed_mentions.parse).toEqual([]);
    const embed = (reply.body.embeds as { description: string }[]).find((e) =>
      e.description.includes('zeppelin'),
    );
    expect(embed?.description).toContain('\\@everyone \\<@123\\> \\<!channel\\> & \\< \\>');
    expect(embed?.description).toContain('\\*\\*fine\\*\\*');
    const everything = JSON.stringify(reply.body);
    expect(everything).not.toMatch(/(?<!\\)@(everyone|here)/);
    expectAttributedQuotes(reply.body);
  });

  it('answers a direct message without a mention', async () => {
    const sent = sendDirectMessage(h, 'When do the harbour works start?');
    const reply = await h.double.waitForRequest(replyTo(sent.id), 'the DM reply');
    expect(reply.path).toBe(`/channels/${sent.channel_id}/messages`);
    expectAttributedQuotes(reply.body);
  });

  it('says plainly when the article does not answer', async () => {
    const sent = sendMention(h, 'What is the recipe for sourdough bread?');
    const reply = await h.double.waitForRequest(replyTo(sent.id), 'the not-found reply');
    expect(reply.body.content).toMatch(/not in the article/i);
    expect(reply.body.embeds ?? []).toEqual([]);
  });

  it('answers a bare mention with the help', async () => {
    const sent = sendMention(h, '');
    const reply = await h.double.waitForRequest(replyTo(sent.id), 'the hint');
    expect(reply.body.content).toBe(renderHelp(h.qa.documents).content);
  });

  it('answers "@bot help" with the help: how to ask, /ask, More, private answers, the articles', async () => {
    const sent = sendMention(h, 'help');
    const reply = await h.double.waitForRequest(replyTo(sent.id), 'the help');
    const help: string = reply.body.content;
    expect(help).toContain('`/ask question:…`');
    expect(help).toContain('`private:True`');
    expect(help).toContain('**More**');
    expect(help).toContain('`/source paragraph:N`');
    expect(help).toContain('Ask me about the articles.');
    for (const document of h.qa.documents) expect(unescapeMarkdown(help)).toContain(document.title);
    expect(reply.body.embeds ?? []).toEqual([]);
  });

  it('ignores other bots, itself, @everyone, @here and role mentions', async () => {
    const guild = h.double.guilds[0];
    if (!guild) throw new Error('no guild');
    const base = { channelId: guild.channelId, guildId: guild.id };
    const ignored = [
      h.double.sendMessage({
        ...base,
        author: userPayload('other-bot', { bot: true }),
        content: `<@${h.double.bot.id}> harbour?`,
        mentions: [h.double.bot],
      }),
      h.double.sendMessage({
        ...base,
        author: h.double.bot,
        content: `<@${h.double.bot.id}> harbour?`,
        mentions: [h.double.bot],
      }),
      h.double.sendMessage({
        ...base,
        author: h.user,
        content: '@everyone harbour?',
        mentionEveryone: true,
      }),
      h.double.sendMessage({
        ...base,
        author: h.user,
        content: '@here harbour?',
        mentionEveryone: true,
      }),
      h.double.sendMessage({
        ...base,
        author: h.user,
        content: `<@&${guild.id}> harbour?`,
        mentionRoles: [guild.id],
      }),
      h.double.sendMessage({ ...base, author: h.user, content: 'harbour? no mention at all' }),
    ];
    // Gateway events arrive in order, so once this reply exists the earlier ones were handled.
    const marker = sendMention(h, 'When do the harbour works start?');
    await h.double.waitForRequest(replyTo(marker.id), 'the reply after the ignored messages');
    for (const message of ignored) expect(h.double.requests.some(replyTo(message.id))).toBe(false);
  });
});
