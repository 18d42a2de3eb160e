import { InteractionResponseType, MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../adapters/discord/commands.js';
import { EXPIRED_QUESTION } from '../../../adapters/discord/handlers/more.js';
import { DISCORD_LIMITS, renderHelp } from '../../../adapters/discord/render.js';
import type { RecordedRequest } from './double/discord-double.js';
import {
  type CommandOption,
  callbackOf,
  clickButton,
  OPTION,
  originalOf,
  quotedText,
  sendCommand,
  useHarness,
} from './harness.js';

const h = useHarness();

async function ask(question: string, isPrivate?: boolean) {
  const options: CommandOption[] = [
    { name: COMMANDS.ask.question, type: OPTION.STRING, value: question },
  ];
  if (isPrivate !== undefined)
    options.push({ name: COMMANDS.ask.private, type: OPTION.BOOLEAN, value: isPrivate });
  const interaction = sendCommand(h, COMMANDS.ask.name, options);
  const callback = await h.double.waitForRequest(
    callbackOf(interaction),
    'the /ask acknowledgement',
  );
  const answer = await h.double.waitForRequest(originalOf(h, interaction), 'the /ask answer');
  return { callback, answer };
}

const attributions = (body: RecordedRequest['body']) =>
  (body.embeds as { description: string }[]).map((e) => e.description.split('\n').at(-1));

describe('/ask', () => {
  it('defers publicly, then edits in the answer with the question echoed', async () => {
    const { callback, answer } = await ask('When do the harbour works start?');
    expect(callback.body.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect((callback.body.data?.flags ?? 0) & MessageFlags.Ephemeral).toBe(0);
    expect(answer.body.content).toContain('> When do the harbour works start?');
    expect(answer.body.embeds.length).toBeGreaterThan(0);
    expect(answer.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('answers only the asker when private is true (flags 64)', async () => {
    const { callback, answer } = await ask('When do the harbour works start?', true);
    expect(callback.body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(answer.body.embeds.length).toBeGreaterThan(0);
  });

  it('says plainly when the articles do not answer, in the plural for two articles', async () => {
    const { answer } = await ask('What is the recipe for sourdough bread?');
    expect(answer.body.content).toContain('\nThat is not in the articles.');
  });

  it('answers /ask help with the help, privately, instead of quoting the articles', async () => {
    const interaction = sendCommand(h, COMMANDS.ask.name, [
      { name: COMMANDS.ask.question, type: OPTION.STRING, value: 'help' },
    ]);
    const callback = await h.double.waitForRequest(callbackOf(interaction), 'the help');
    expect(callback.body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(callback.body.data.content).toBe(renderHelp(h.qa.documents).content);
  });
});

describe('/help', () => {
  it('shows how to ask and the articles loaded, only to the asker', async () => {
    const interaction = sendCommand(h, COMMANDS.help.name, []);
    const callback = await h.double.waitForRequest(callbackOf(interaction), 'the /help reply');
    expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(callback.body.data.flags).toBe(MessageFlags.Ephemeral);
    const help: string = callback.body.data.content;
    expect(help).toContain('`/ask question:…`');
    expect(help).toContain('I answer from:');
    expect(help).toContain('(2 paragraphs)');
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });
});

describe('More button', () => {
  it('shows the next excerpts, different from the first ones', async () => {
    const first = await ask('harbour');
    const customId = first.answer.body.components?.[0]?.components?.[0]?.custom_id as string;
    expect(customId).toMatch(/^more:/);
    expect(customId.length).toBeLessThanOrEqual(100);

    const click = clickButton(h, customId);
    const callback = await h.double.waitForRequest(callbackOf(click), 'the More acknowledgement');
    expect(callback.body.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const next = await h.double.waitForRequest(originalOf(h, click), 'the next excerpts');
    expect(next.body.embeds.length).toBeGreaterThan(0);
    const seen = new Set(attributions(first.answer.body));
    for (const line of attributions(next.body)) expect(seen.has(line)).toBe(false);
  });

  it('stays private under a private answer', async () => {
    const first = await ask('harbour', true);
    const customId = first.answer.body.components?.[0]?.components?.[0]?.custom_id as string;
    const click = clickButton(h, customId, MessageFlags.Ephemeral);
    const callback = await h.double.waitForRequest(callbackOf(click), 'the More acknowledgement');
    expect(callback.body.data.flags).toBe(MessageFlags.Ephemeral);
  });

  it('asks again, privately, when the question has expired', async () => {
    const click = clickButton(h, 'more:3:k:no-such-key');
    const callback = await h.double.waitForRequest(callbackOf(click), 'the expired notice');
    expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(callback.body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(callback.body.data.content).toBe(EXPIRED_QUESTION);
  });
});

describe('/source', () => {
  async function source(paragraph: number, article?: string) {
    const options: CommandOption[] = [
      { name: COMMANDS.source.paragraph, type: OPTION.INTEGER, value: paragraph },
    ];
    if (article) {
      options.push({ name: COMMANDS.source.article, type: OPTION.STRING, value: article });
    }
    const interaction = sendCommand(h, COMMANDS.source.name, options);
    return (await h.double.waitForRequest(callbackOf(interaction), 'the /source reply')).body;
  }

  it('shows the whole paragraph verbatim with its attribution', async () => {
    const body = await source(2, 'harbour-council');
    const document = h.qa.documents.find((d) => d.id === 'harbour-council');
    const description = body.data.embeds[0].description as string;
    expect(quotedText(description)).toBe(document?.paragraphs[1]);
    expect(description).toMatch(
      /— \*Harbour council .*\* · ¶2 · \[link\]\(https:\/\/example\.com\/news\/harbour-council#:~:text=Mayor%20Ana%20Ruiz%20told,/,
    );
    expect(body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('cuts a very long paragraph at a sentence inside the limits and keeps the attribution', async () => {
    const body = await source(1, 'lighthouse');
    const paragraph = h.qa.documents.find((d) => d.id === 'lighthouse')?.paragraphs[0] ?? '';
    expect(paragraph.length).toBeGreaterThan(DISCORD_LIMITS.embedsTotal);
    const description = body.data.embeds[0].description as string;
    expect(description.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(description).toMatch(/[.!?] …\n— \*The lighthouse keeper\* · ¶1$/);
    expect(paragraph.startsWith(quotedText(description))).toBe(true);
  });

  it('autocompletes the article option from the corpus titles', async () => {
    const guild = h.double.guilds[0];
    if (!guild) throw new Error('no guild');
    const interaction = h.double.sendInteraction({
      user: h.user,
      channelId: guild.channelId,
      guildId: guild.id,
      command: {
        name: COMMANDS.source.name,
        autocomplete: true,
        options: [
          { name: COMMANDS.source.article, type: OPTION.STRING, value: 'LIGHT', focused: true },
        ],
      },
    });
    const body = (await h.double.waitForRequest(callbackOf(interaction), 'the suggestions')).body;
    expect(body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(body.data.choices).toEqual([{ name: 'The lighthouse keeper', value: 'lighthouse' }]);
  });

  it('tells the user privately when the paragraph does not exist', async () => {
    const body = await source(99, 'harbour-council');
    expect(body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(body.data.content).toMatch(/has 6 paragraphs; pick a number from 1 to 6/);
  });
});
