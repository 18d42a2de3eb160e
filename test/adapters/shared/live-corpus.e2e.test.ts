import { EventEmitter } from 'node:events';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LiveCorpus, startLiveCorpus } from '../../../adapters/shared/live-corpus.js';
import {
  type BotHarness,
  replyTo,
  sendMention,
  startHarness,
  unescapeMarkdown,
} from '../discord/harness.js';

/**
 * The live corpus end to end: a real discord.js bot on the Discord double answers a steady
 * stream of mentions while articles are added, changed, removed and broken in its folder.
 */

const LIVE = 'test/fixtures/live-corpus';
const UPDATES = 'test/fixtures/live-corpus-updates';
const DEBOUNCE_MS = 200;
/** Room for the watcher's own latency (inotify, the copy itself) on a busy machine. */
const WATCH_MARGIN_MS = 1_500;
/** How long any one step may take before the test fails (a failure guard, not a sleep). */
const STEP_MS = 15_000;

const QUESTIONS = {
  orchard: 'How many visitors came to the orchard festival?',
  tram: 'When does construction of the tram line start?',
  garden: 'How many apple trees did the pupils plant?',
  ferry: 'Who leads the ferry workers union?',
} as const;
type Topic = keyof typeof QUESTIONS;

interface StreamReply {
  topic: Topic;
  sentAt: number;
  /** The articles the reply quotes, by title, best first. */
  titles: string[];
  quotes: string;
  failed: boolean;
}

let work: string;
let corpusDir: string;
let live: LiveCorpus;
let h: BotHarness;
const logs: Record<string, unknown>[] = [];
const logged = new EventEmitter();
const replies: StreamReply[] = [];
let streaming = true;
let stream: Promise<void>;

/** Resolves with the first log line from `since` on that matches, failing after STEP_MS. */
function waitForLog(match: (line: Record<string, unknown>) => boolean, since: number) {
  return new Promise<Record<string, unknown>>((resolve, reject) => {
    const check = () => {
      const found = logs.find((line) => (line.time as number) >= since && match(line));
      if (!found) return;
      clearTimeout(timer);
      logged.off('line', check);
      resolve(found);
    };
    const timer = setTimeout(() => {
      logged.off('line', check);
      reject(new Error('timed out waiting for a log line of the live corpus'));
    }, STEP_MS);
    logged.on('line', check);
    check();
  });
}

/** Asks the topics in turn, each once the last is answered, until the test stops the stream. */
async function askSteadily(): Promise<void> {
  const topics = Object.keys(QUESTIONS) as Topic[];
  for (let i = 0; streaming; i += 1) {
    const topic = topics[i % topics.length] as Topic;
    const sentAt = Date.now();
    const sent = sendMention(h, QUESTIONS[topic]);
    const reply = await h.double.waitForRequest(replyTo(sent.id), `the reply to ${topic}`);
    const text = [
      reply.body.content ?? '',
      ...(reply.body.embeds ?? []).map((e: { description?: string }) => e.description ?? ''),
    ].join('\n');
    const titles = [...text.matchAll(/— \*(.+?)\* · ¶\d+/g)].map((m) =>
      unescapeMarkdown(m[1] ?? ''),
    );
    replies.push({
      topic,
      sentAt,
      titles,
      quotes: unescapeMarkdown(text),
      failed: /went wrong/.test(text),
    });
  }
}

/** Resolves with the first reply on `topic` asked at or after `since`. */
async function firstReplyAfter(topic: Topic, since: number): Promise<StreamReply> {
  const deadline = Date.now() + STEP_MS;
  for (;;) {
    const found = replies.find((r) => r.topic === topic && r.sentAt >= since);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no answer on ${topic} after the change`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Makes one change to the folder, then waits for the reload it causes to log. */
async function change(
  act: () => Promise<unknown>,
  reload: (line: Record<string, unknown>) => boolean,
) {
  const at = Date.now();
  await act();
  const line = await waitForLog(reload, at);
  return { at, line, swappedAfterMs: (line.time as number) - at };
}

const reloaded =
  (what: 'added' | 'changed' | 'removed', file: string) => (line: Record<string, unknown>) =>
    line.msg === 'corpus reloaded' && (line[what] as string[] | undefined)?.includes(file) === true;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'article-qa-live-'));
  corpusDir = join(work, 'corpus');
  await cp(LIVE, corpusDir, { recursive: true });
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line) logs.push(JSON.parse(line));
      logged.emit('line');
      done();
    },
  });
  live = await startLiveCorpus({
    dir: corpusDir,
    logger: pino({ level: 'info' }, sink),
    debounceMs: DEBOUNCE_MS,
    cacheDir: join(work, 'cache'),
  });
  h = await startHarness({ corpus: corpusDir, wrap: () => live.answerer });
  stream = askSteadily();
  await firstReplyAfter('ferry', 0);
}, 30_000);

afterAll(async () => {
  streaming = false;
  await stream;
  await h?.stop();
  await live?.close();
  await rm(work, { recursive: true, force: true });
});

describe('a bot following its corpus folder while answering', () => {
  it('answers from an added article within the debounce plus the reload time', async ({
    annotate,
  }) => {
    const before = await firstReplyAfter('orchard', 0);
    expect(before.titles).not.toContain('Orchard festival draws record crowd');
    const { line, swappedAfterMs } = await change(
      () => cp(join(UPDATES, 'orchard-festival.md'), join(corpusDir, 'orchard-festival.md')),
      reloaded('added', 'orchard-festival.md'),
    );
    expect(line).toMatchObject({ changed: [], removed: [], articles: 5, analysed: 1 });
    expect(swappedAfterMs).toBeLessThanOrEqual(
      DEBOUNCE_MS + (line.reloadMs as number) + WATCH_MARGIN_MS,
    );
    const after = await firstReplyAfter('orchard', line.time as number);
    expect(after.titles[0]).toBe('Orchard festival draws record crowd');
    expect(after.quotes).toContain('14,000 visitors');
    await annotate(
      `added: new index answering ${swappedAfterMs} ms after the copy (debounce ${DEBOUNCE_MS} ms, reload ${line.reloadMs} ms)`,
    );
  });

  it('answers from a changed article, and no longer from a removed one', async ({ annotate }) => {
    const changed = await change(
      () => cp(join(UPDATES, 'tram-line.md'), join(corpusDir, 'tram-line.md')),
      reloaded('changed', 'tram-line.md'),
    );
    expect((await firstReplyAfter('tram', changed.line.time as number)).quotes).toContain(
      'October',
    );

    const before = await firstReplyAfter('garden', 0);
    expect(before.titles[0]).toBe('Pupils plant a school garden');
    const removed = await change(
      () => rm(join(corpusDir, 'school-garden.md')),
      reloaded('removed', 'school-garden.md'),
    );
    expect(removed.line).toMatchObject({ articles: 4, analysed: 0 });
    const after = await firstReplyAfter('garden', removed.line.time as number);
    expect(after.titles).not.toContain('Pupils plant a school garden');
    for (const [what, { swappedAfterMs, line }] of Object.entries({ changed, removed })) {
      await annotate(
        `${what}: swapped ${swappedAfterMs} ms after the change (reload ${line.reloadMs} ms)`,
      );
    }
  });

  it('keeps the previous corpus answering when an article breaks, and says so once', async () => {
    const { at, line } = await change(
      () => cp(join(UPDATES, 'broken-front-matter.md'), join(corpusDir, 'broken-front-matter.md')),
      (l) => l.msg === 'corpus reload failed; still answering from the previous corpus',
    );
    expect(line.problem).toMatch(
      /broken-front-matter\.md: front matter is not valid YAML.*quote values/,
    );
    // Questions go on being answered from the corpus before the break, and no question repeats the error.
    const later = Date.now();
    for (const topic of ['orchard', 'tram', 'garden', 'ferry'] as const) {
      const reply = await firstReplyAfter(topic, later);
      if (topic === 'orchard') expect(reply.titles[0]).toBe('Orchard festival draws record crowd');
      if (topic === 'tram') expect(reply.quotes).toContain('October');
    }
    const failures = logs.filter(
      (l) =>
        (l.time as number) >= at &&
        l.msg === 'corpus reload failed; still answering from the previous corpus',
    );
    expect(failures).toHaveLength(1);
    await rm(join(corpusDir, 'broken-front-matter.md'));
    await waitForLog((l) => l.msg === 'corpus reloaded: no article changed', at);
  });

  it('failed no question of the stream', async ({ annotate }) => {
    expect(replies.length).toBeGreaterThan(8);
    expect(replies.filter((r) => r.failed || r.titles.length === 0)).toEqual([]);
    await annotate(`${replies.length} questions answered during the changes, none failed`);
  });
});
