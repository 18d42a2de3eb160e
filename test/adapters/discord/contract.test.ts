import { COMMANDS } from '../../../adapters/discord/commands.js';
import { DISCORD_LIMITS } from '../../../adapters/discord/render.js';
import {
  type AdapterDriver,
  runAdapterContract,
  type SeenReply,
} from '../contract/adapter-contract.js';
import type { RecordedRequest } from './double/discord-double.js';
import {
  type BotHarness,
  callbackOf,
  clickButton,
  followUpOf,
  OPTION,
  originalOf,
  replyTo,
  sendCommand,
  sendDirectMessage,
  sendMention,
  startHarness,
  unescapeMarkdown,
} from './harness.js';

/** What the bot must set on every message: parse no mentions, not even the asker's. */
const NO_MENTIONS = JSON.stringify({ parse: [], replied_user: false });
/** Mention syntax Discord would act on: not escaped with a backslash. */
const LIVE_MENTION = /(?<!\\)@(?:everyone|here)|(?<!\\)<(?:@[!&]?|#)\d+>/g;
const ATTRIBUTION = /^— \*(.+)\* · ¶(\d+)(?: · \[link\]\(\S+\))?$/;
const DEFERRED = 5;

/** An embed description read back: its `> ` lines and the attribution under them. */
function readExcerpt(description: string) {
  const lines = description.split('\n');
  const attribution = ATTRIBUTION.exec(lines.at(-1) ?? '');
  if (!attribution) return null;
  const quoted = lines.filter((line) => line.startsWith('> ')).map((line) => line.slice(2));
  const quote = unescapeMarkdown(quoted.join('\n'));
  return {
    quote: quote.replace(/ ?…$/, ''),
    cut: quote.endsWith('…'),
    title: unescapeMarkdown(attribution[1] ?? ''),
    paragraph: Number(attribution[2]),
  };
}

type Body = RecordedRequest['body'];

function readReply(h: BotHarness, body: Body): SeenReply {
  const content = String(body.content ?? '');
  const embeds = (body.embeds ?? []) as { title?: string; description?: string }[];
  const texts = [content, ...embeds.flatMap((e) => [e.title ?? '', e.description ?? ''])].filter(
    Boolean,
  );
  const embedText = embeds.map((e) => (e.title ?? '') + (e.description ?? '')).join('');
  const live = texts.join('\n').match(LIVE_MENTION) ?? [];
  const mentions = JSON.stringify(body.allowed_mentions);
  const customId = body.components?.[0]?.components?.[0]?.custom_id as string | undefined;
  return {
    texts,
    excerpts: embeds.map((e) => readExcerpt(e.description ?? '')).filter((e) => e !== null),
    fields: [
      { name: 'content', length: content.length, limit: DISCORD_LIMITS.content },
      { name: 'all embeds', length: embedText.length, limit: DISCORD_LIMITS.embedsTotal },
      ...embeds.flatMap((e, i) => [
        {
          name: `embed ${i} title`,
          length: e.title?.length ?? 0,
          limit: DISCORD_LIMITS.embedTitle,
        },
        {
          name: `embed ${i} description`,
          length: e.description?.length ?? 0,
          limit: DISCORD_LIMITS.embedDescription,
        },
      ]),
    ],
    pings: mentions === NO_MENTIONS ? live : [`allowed_mentions ${mentions}`, ...live],
    raw: JSON.stringify(body),
    ...(customId ? { more: () => pressMore(h, customId) } : {}),
  };
}

/** An interaction's visible reply: the immediate one, or what fills in (or replaces) a deferral. */
async function interactionReply(h: BotHarness, interaction: { id: string; token: string }) {
  const callback = await h.double.waitForRequest(callbackOf(interaction), 'the acknowledgement');
  if (callback.body.type !== DEFERRED) return readReply(h, callback.body.data);
  const isOriginal = originalOf(h, interaction);
  const isFollowUp = followUpOf(h, interaction);
  const filled = await h.double.waitForRequest(
    (r) => isOriginal(r) || isFollowUp(r),
    'the deferred reply',
  );
  return readReply(h, filled.body);
}

function pressMore(h: BotHarness, customId: string): Promise<SeenReply> {
  return interactionReply(h, clickButton(h, customId));
}

const discordDriver: AdapterDriver = {
  platform: 'Discord',
  entries: ['a mention', 'a direct message', '/ask'],
  async start({ corpus, wrap }) {
    const h = await startHarness({ corpus, wrap });
    const byMessage = async (sent: { id: string }) =>
      readReply(h, (await h.double.waitForRequest(replyTo(sent.id), 'the reply')).body);
    const asks: Record<string, (question: string) => Promise<SeenReply>> = {
      'a mention': (question) => byMessage(sendMention(h, question)),
      'a direct message': (question) => byMessage(sendDirectMessage(h, question)),
      '/ask': (question) =>
        interactionReply(
          h,
          sendCommand(h, COMMANDS.ask.name, [
            { name: COMMANDS.ask.question, type: OPTION.STRING, value: question },
          ]),
        ),
    };
    return {
      asks,
      logs: () => h.logs,
      stop: () => h.stop(),
    };
  },
};

runAdapterContract(discordDriver);
