import { describe, expect, it } from 'vitest';
import type { Answerer } from '../../../src/index.js';
import {
  blockActionBody,
  blockTexts,
  buttonOf,
  buttonsOf,
  FORM,
  type HttpBot,
  quoteOf,
  signHeaders,
  slashCommandBody,
  useAnswerers,
  useSlackDouble,
} from './harness.js';

const slack = useSlackDouble();
const qa = useAnswerers({
  bundled: 'corpus',
  hostile: 'test/fixtures/slack-hostile',
  long: 'test/fixtures/slack-long',
});
let bot!: HttpBot;

async function begin(answerer: Answerer): Promise<void> {
  bot = await slack.startHttpBot({ qa: answerer });
}

/** The real answerer, except that any question containing "explode" throws. */
function withInjectedFailure(answerer: Answerer): Answerer {
  return {
    documents: answerer.documents,
    getParagraph: (id, n) => answerer.getParagraph(id, n),
    answerQuestion(question, options) {
      if (question.includes('explode')) throw new Error('injected failure for the test');
      return answerer.answerQuestion(question, options);
    },
  };
}

async function ask(text: string, responseId = 'ask') {
  const response = await bot.postSigned(
    slashCommandBody(text, slack.double.responseUrl(responseId)),
    FORM,
  );
  expect(response.status).toBe(200);
  return (await response.json()) as { response_type: string; text: string; blocks: unknown[] };
}

const paragraphsOf = (qa: Answerer) => qa.documents.flatMap((d) => d.paragraphs);
const excerptSections = (blocks: unknown) => blockTexts(blocks).filter((t) => t.startsWith('> '));

describe('Slack HTTP mode: /ask', () => {
  it('answers a signed /ask with an ephemeral Block Kit message quoting the article verbatim with title and ¶', async () => {
    await begin(qa.bundled);
    const message = await ask('How many troops has Russia gathered near the border?');
    expect(message.response_type).toBe('ephemeral');
    expect(message.text.length).toBeGreaterThan(0);
    const sections = excerptSections(message.blocks);
    expect(sections.length).toBeGreaterThan(0);
    const title = qa.bundled.documents[0]?.title ?? '';
    for (const section of sections) {
      expect(section).toMatch(/\n— .+ · ¶\d+$/);
      expect(section).toContain(title.replace(/&/g, '&amp;'));
      const quote = quoteOf(section);
      expect(paragraphsOf(qa.bundled).some((p) => p.includes(quote))).toBe(true);
    }
    expect(buttonsOf(message.blocks).has('share_answer')).toBe(true);
  });

  const now = () => Math.floor(Date.now() / 1000);
  it.each([
    ['unsigned', (_body: string) => ({})],
    ['wrongly signed', (_body: string) => signHeaders('a different body')],
    ['signed with another secret', (body: string) => signHeaders(body, now(), 'not-the-secret')],
    ['stale (signed 10 minutes ago)', (body: string) => signHeaders(body, now() - 10 * 60)],
  ])('rejects an %s request with 401 and answers nothing', async (_kind, headersFor) => {
    await begin(qa.bundled);
    const body = slashCommandBody('Who is Blinken meeting?', slack.double.responseUrl('x'));
    const response = await bot.post(body, { 'content-type': FORM, ...headersFor(body) });
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('');
    expect(slack.double.calls).toEqual([]);
    expect(slack.double.responses).toEqual([]);
  });

  it('replies to /ask with no question with usage help', async () => {
    await begin(qa.bundled);
    for (const text of ['', '   ', '?!']) {
      const message = await ask(text);
      expect(message.response_type).toBe('ephemeral');
      expect(message.text).toContain('/ask');
      expect(blockTexts(message.blocks).join('\n')).toContain(qa.bundled.documents[0]?.title);
    }
  });

  it('gives a friendly ephemeral message on an injected failure, logs it with context, and answers the next request', async () => {
    await begin(withInjectedFailure(qa.bundled));
    const failed = await ask('please explode');
    expect(failed.response_type).toBe('ephemeral');
    expect(failed.text).toMatch(/^Sorry, something went wrong/);
    expect(JSON.stringify(failed)).not.toMatch(/injected|Error|at /);
    const logged = bot.logs.find(
      (line) => line.msg === 'Slack listener failed; told the user and carried on',
    );
    expect(logged).toMatchObject({
      level: 50,
      listener: 'command',
      command: '/ask',
      user: 'U1',
      channel: 'C1',
      err: { message: 'injected failure for the test' },
    });
    const next = await ask('Who is Blinken meeting?');
    expect(excerptSections(next.blocks).length).toBeGreaterThan(0);
  });
});

describe('Slack HTTP mode: buttons', () => {
  it('Share posts the same answer visibly in the channel through response_url and deletes the ephemeral one', async () => {
    await begin(qa.bundled);
    const original = await ask('How many troops has Russia gathered near the border?');
    const share = buttonOf(original.blocks, 'share_answer');
    expect(share.value?.length).toBeLessThanOrEqual(2000);
    const response = await bot.postSigned(
      blockActionBody(share, slack.double.responseUrl('share')),
      FORM,
    );
    expect(response.status).toBe(200);
    const posts = slack.double.responses.filter((r) => r.id === 'share').map((r) => r.body);
    expect(posts).toHaveLength(2);
    expect(posts[0]).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(excerptSections(posts[0]?.blocks)).toEqual(excerptSections(original.blocks));
    expect(blockTexts(posts[0]?.blocks)[0]).toMatch(/^\*<@U2> asked:\* How many troops/);
    expect(buttonsOf(posts[0]?.blocks).has('share_answer')).toBe(false);
    expect(posts[1]).toEqual({ delete_original: true });
    expect(slack.double.callsOf('chat.postMessage')).toEqual([]);
  });

  it('More shows the next excerpts as a new ephemeral message', async () => {
    await begin(qa.bundled);
    const original = await ask('How many troops has Russia gathered near the border?');
    const more = buttonOf(original.blocks, 'more_excerpts');
    await bot.postSigned(blockActionBody(more, slack.double.responseUrl('more')), FORM);
    const [post] = slack.double.responses.filter((r) => r.id === 'more').map((r) => r.body);
    expect(post).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const next = excerptSections(post?.blocks);
    expect(next.length).toBeGreaterThan(0);
    for (const section of next) expect(excerptSections(original.blocks)).not.toContain(section);
    expect(buttonsOf(post?.blocks).has('share_answer')).toBe(true);
  });

  it('answers a button with a tampered value with the friendly message, not a stack trace', async () => {
    await begin(qa.bundled);
    const button = {
      type: 'button',
      action_id: 'more_excerpts',
      text: { type: 'plain_text', text: 'More' },
      value: '{"v":9}',
    } as const;
    const response = await bot.postSigned(
      blockActionBody(button, slack.double.responseUrl('bad')),
      FORM,
    );
    expect(response.status).toBe(200);
    const [post] = slack.double.responses.filter((r) => r.id === 'bad').map((r) => r.body);
    expect(post).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringMatching(/^Sorry/),
    });
  });
});

describe('Slack HTTP mode: escaping and limits', () => {
  it('strips mentions from the question and escapes &<> there and in the article, leaving only its own links', async () => {
    await begin(qa.hostile);
    const message = await ask(
      'What budget did the council approve? <!channel> <@U0123ABC> & <b>x</b>',
    );
    const all = [message.text, ...blockTexts(message.blocks)].join('\n');
    expect(blockTexts(message.blocks)[0]).toBe(
      '*Question:* What budget did the council approve? &amp; &lt;b&gt;x&lt;/b&gt;',
    );
    expect(all).toContain(
      'Harbour budget &lt;!channel&gt; &amp; &lt;@U024BE7LH&gt; &lt;b&gt;review&lt;/b&gt;',
    );
    expect(all).toContain('<https://example.com/harbour?a=1&amp;b=2%7Cx#:~:text=');
    const markup = all.match(/<[^>]*>/g) ?? [];
    expect(markup.length).toBeGreaterThan(0);
    for (const link of markup) {
      expect(link).toMatch(
        /^<https:\/\/example\.com\/harbour\?a=1&amp;b=2%7Cx#:~:text=[^|<>\s]+\|link>$/,
      );
    }
    expect(all).not.toMatch(/<!|<@|<#/);
  });

  it('keeps a very qa.long paragraph under 3,000 characters per section and 50 blocks, cut between words, attribution kept', async () => {
    await begin(qa.long);
    const message = await ask('What did the lighthouse keeper write in the logbook?');
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    for (const text of blockTexts(message.blocks)) expect(text.length).toBeLessThanOrEqual(3000);
    expect(message.text.length).toBeLessThanOrEqual(3000);
    const [paragraph] = qa.long.documents[0]?.paragraphs ?? [];
    const cut = excerptSections(message.blocks).find((s) => s.includes('¶1'));
    expect(cut).toMatch(
      /…\n— The lighthouse logbook · ¶1 · <https:\/\/example\.com\/lighthouse#:~:text=[^|<>\s]+\|link>$/,
    );
    const quote = quoteOf(cut ?? '');
    expect(paragraph?.startsWith(quote)).toBe(true);
    expect(paragraph?.[quote.length]).toMatch(/[\s,]/);
  });
});

describe('Slack HTTP mode: /healthz', () => {
  it('answers GET /healthz with 200 for load balancers', async () => {
    await begin(qa.bundled);
    const response = await fetch(`${bot.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, index: 'loaded', platform: 'connected' });
  });
});
