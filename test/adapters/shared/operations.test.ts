import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { DiscordConfigSchema } from '../../../adapters/discord/config.js';
import { createLogger } from '../../../adapters/shared/logger.js';
import { type Operations, startOperations } from '../../../adapters/shared/operations.js';
import { parseConfig } from '../../../src/index.js';
import { healthOnceItIs, metricValue, scrapeMetrics } from './prometheus.js';

let work: string;
let ops: Operations | undefined;

afterEach(async () => {
  await ops?.close();
  ops = undefined;
  await rm(work, { recursive: true, force: true });
});

async function start(env: Record<string, string>) {
  work = await mkdtemp(join(tmpdir(), 'article-qa-ops-'));
  const corpus = join(work, 'corpus');
  await cp('test/fixtures/live-corpus', corpus, { recursive: true });
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  const config = parseConfig(DiscordConfigSchema, {
    DISCORD_TOKEN: 'test-token',
    CORPUS_DIR: corpus,
    INDEX_CACHE_DIR: join(work, 'cache'),
    ...env,
  });
  ops = await startOperations(config, { logger: createLogger({ destination }) });
  return { ops, corpus, lines };
}

describe('startOperations', () => {
  it('serves health and metrics on METRICS_PORT, 503 until the platform connects', async () => {
    const { ops } = await start({
      CORPUS_WATCH: 'false',
      METRICS_PORT: '0',
      METRICS_HOST: '127.0.0.1',
    });
    const base = `http://127.0.0.1:${ops.server?.port}`;
    expect(await healthOnceItIs(base, 503)).toEqual({
      ok: false,
      index: 'loaded',
      platform: 'connecting',
    });
    ops.health.set({ platform: 'connected' });
    await healthOnceItIs(base, 200);
    expect(metricValue(await scrapeMetrics(base), 'article_qa_articles_loaded')).toBe(4);
    expect((await fetch(`${base}/other`)).status).toBe(404);
  });

  it('reads the corpus folder again on SIGHUP, even without the watch', async () => {
    const { ops, corpus, lines } = await start({ CORPUS_WATCH: 'false' });
    await cp(
      'test/fixtures/live-corpus-updates/orchard-festival.md',
      join(corpus, 'orchard-festival.md'),
    );
    const reloaded = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (lines.some((l) => l.msg === 'corpus reloaded')) {
          clearInterval(check);
          resolve();
        }
      }, 10);
    });
    process.emit('SIGHUP');
    await reloaded;
    expect(lines.find((l) => l.msg === 'corpus reloaded')).toMatchObject({
      added: ['orchard-festival.md'],
    });
    const answer = ops.corpus.answerer.answerQuestion('Who organised the orchard festival?');
    expect(answer.excerpts[0]?.documentId).toBe('orchard-festival');
  });
});
