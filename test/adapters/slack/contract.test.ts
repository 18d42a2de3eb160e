import type { types } from '@slack/bolt';
import { unescapeSlackText } from '../../../adapters/slack/mrkdwn.js';
import { MORE_ACTION_ID, SLACK_LIMITS } from '../../../adapters/slack/render.js';
import { createAnswerer, loadCorpus } from '../../../src/index.js';
import {
  type AdapterDriver,
  runAdapterContract,
  type SeenReply,
} from '../contract/adapter-contract.js';
import { BOT_USER_ID, type SlackDouble, startSlackDouble } from './doubles.js';
import {
  blockActionBody,
  blockTexts,
  buttonsOf,
  eventBody,
  FORM,
  type HttpBot,
  JSON_TYPE,
  quoteOf,
  slashCommandBody,
  startHttpBot,
} from './harness.js';

/** Slack markup that notifies people or links a conversation: `<@U…>`, `<!here>`, `<#C…>`. */
const LIVE_MENTION = /<[@!#][^>]*>/g;
const ATTRIBUTION = /^— (.+) · ¶(\d+)(?: · <[^|>]+\|link>)?$/;

/** An excerpt section read back: its `> ` lines and the attribution under them. */
function readExcerpt(section: string) {
  const lines = section.split('\n');
  const attribution = ATTRIBUTION.exec(lines.at(-1) ?? '');
  if (!attribution || !section.startsWith('> ')) return null;
  return {
    quote: quoteOf(section),
    cut: lines.at(-2)?.endsWith('…') ?? false,
    title: unescapeSlackText(attribution[1] ?? ''),
    paragraph: Number(attribution[2]),
  };
}

/** Counts the requests of one run, so each gets its own event id and response URL. */
let sequence = 0;

/** The running bot and its double, which records what the bot sent. */
interface Slack {
  bot: HttpBot;
  double: SlackDouble;
}

function readReply(slack: Slack, message: unknown): SeenReply {
  const { text = '', blocks = [] } = message as { text?: string; blocks?: types.KnownBlock[] };
  const texts = [text, ...blockTexts(blocks)];
  const more = buttonsOf(blocks).get(MORE_ACTION_ID);
  return {
    texts,
    excerpts: blockTexts(blocks)
      .map(readExcerpt)
      .filter((e) => e !== null),
    fields: [
      { name: 'text', length: text.length, limit: SLACK_LIMITS.fallbackText },
      { name: 'blocks', length: blocks.length, limit: SLACK_LIMITS.blocks },
      ...blockTexts(blocks).map((t, i) => ({
        name: `block text ${i}`,
        length: t.length,
        limit: SLACK_LIMITS.sectionText,
      })),
    ],
    pings: texts.join('\n').match(LIVE_MENTION) ?? [],
    raw: JSON.stringify(message),
    ...(more ? { more: () => pressMore(slack, more) } : {}),
  };
}

/** Clicks More; its answer arrives at the click's `response_url`. */
async function pressMore(slack: Slack, button: types.Button): Promise<SeenReply> {
  const id = `more-${++sequence}`;
  await slack.bot.postSigned(blockActionBody(button, slack.double.responseUrl(id)), FORM);
  const posted = slack.double.responses.find((response) => response.id === id);
  if (!posted) throw new Error('More posted nothing to its response_url');
  return readReply(slack, posted.body);
}

const slackDriver: AdapterDriver = {
  platform: 'Slack',
  entries: ['/ask', 'a mention', 'a direct message'],
  async start({ corpus, wrap }) {
    const double = await startSlackDouble();
    const qa = wrap(createAnswerer(await loadCorpus(corpus)));
    const bot = await startHttpBot({ qa, double });
    const read = (message: unknown) => readReply({ bot, double }, message);
    /** Delivers an event; the bot posts its reply (or its apology) before the HTTP response. */
    const deliver = async (event: Record<string, unknown>) => {
      const before = double.calls.length;
      await bot.postSigned(eventBody(event, `Ev${++sequence}`), JSON_TYPE);
      const reply = double.calls
        .slice(before)
        .find((c) => c.method === 'chat.postMessage' || c.method === 'chat.postEphemeral');
      if (!reply) throw new Error(`no reply to ${JSON.stringify(event)}`);
      return read(reply.args);
    };
    const ts = '1700000000.000100';
    const asks: Record<string, (question: string) => Promise<SeenReply>> = {
      '/ask': async (question) => {
        const url = double.responseUrl(`ask-${++sequence}`);
        return read(await (await bot.postSigned(slashCommandBody(question, url), FORM)).json());
      },
      'a mention': (question) =>
        deliver({
          type: 'app_mention',
          user: 'U1',
          text: `<@${BOT_USER_ID}> ${question}`,
          channel: 'C1',
          ts,
          event_ts: ts,
        }),
      'a direct message': (question) =>
        deliver({
          type: 'message',
          channel_type: 'im',
          user: 'U1',
          text: question,
          channel: 'D1',
          ts,
          event_ts: ts,
        }),
    };
    return {
      asks,
      logs: () => bot.logs,
      async stop() {
        await bot.stop();
        await double.close();
      },
    };
  },
};

runAdapterContract(slackDriver);
