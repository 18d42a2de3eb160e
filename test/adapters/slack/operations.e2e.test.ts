import { describe, expect, it } from 'vitest';
import { createHealth } from '../../../adapters/shared/health.js';
import { createSlackBot } from '../../../adapters/slack/app.js';
import { parseSlackConfig } from '../../../adapters/slack/config.js';
import { useBotProcesses } from '../bot-process-hooks.js';
import {
  describeScrape,
  healthOnceItIs,
  histogramCount,
  metricValue,
  questionsByOutcome,
  scrapeMetrics,
} from '../shared/prometheus.js';
import { BOT_ID, BOT_USER_ID, startSlackDouble } from './doubles.js';
import {
  blockTexts,
  captureLogger,
  FORM,
  signHeaders,
  slashCommandBody,
  useAnswerers,
  useSlackDouble,
} from './harness.js';

const processes = useBotProcesses();
const SECRET = 'operations-signing-secret';
const BOT_ENV = { CORPUS_DIR: 'corpus', SLACK_BOT_TOKEN: 'xoxb-operations', LOG_LEVEL: 'info' };

/** The port of a started bot's log line that has `key` (`port` of "mode":"http", or the ops server). */
const portIn = (line: string) => (JSON.parse(line) as { port: number }).port;

describe('Slack health and metrics', () => {
  it('HTTP mode serves /healthz and /metrics on its own port, counting what it served', async ({
    annotate,
  }) => {
    const double = processes.double(await startSlackDouble());
    const bot = processes.start('adapters/slack/main.ts', {
      ...BOT_ENV,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: double.apiUrl,
      PORT: '0',
      HOST: '127.0.0.1',
    });
    const base = `http://127.0.0.1:${portIn(await bot.line(/"mode":"http"/))}`;
    expect(await healthOnceItIs(base, 200)).toEqual({
      ok: true,
      index: 'loaded',
      platform: 'connected',
    });
    for (const [i, question] of [
      'Who is Blinken meeting?',
      'Is there a recipe for apple pie?',
    ].entries()) {
      const body = slashCommandBody(question, double.responseUrl(`r${i}`));
      const response = await fetch(`${base}/slack/events`, {
        method: 'POST',
        body,
        headers: { 'content-type': FORM, ...signHeaders(body, undefined, SECRET) },
      });
      expect(response.status).toBe(200);
    }
    const metrics = await scrapeMetrics(base);
    expect(questionsByOutcome(metrics, 'slack')).toEqual({ answered: 1, not_found: 1 });
    expect(histogramCount(metrics, 'article_qa_answer_duration_seconds')).toBe(2);
    expect(metricValue(metrics, 'article_qa_articles_loaded')).toBe(1);
    expect(metricValue(metrics, 'article_qa_paragraphs_loaded')).toBe(19);
    await annotate(`HTTP mode, /healthz 200 when ready; ${describeScrape(metrics, 'slack')}`);
  });

  it('Socket Mode serves them on METRICS_PORT: 200 while the socket is open, 503 while it is not', async ({
    annotate,
  }) => {
    const double = processes.double(await startSlackDouble());
    const firstSocket = double.nextSocket();
    const bot = processes.start('adapters/slack/main.ts', {
      ...BOT_ENV,
      SLACK_APP_TOKEN: 'xapp-operations',
      SLACK_API_URL: double.apiUrl,
      METRICS_PORT: '0',
      METRICS_HOST: '127.0.0.1',
    });
    const base = `http://127.0.0.1:${portIn(await bot.line(/serving GET \/healthz/))}`;
    const socket = await firstSocket;
    expect(await healthOnceItIs(base, 200)).toMatchObject({ ok: true, platform: 'connected' });
    const ack = await double.pushEnvelope(socket, {
      envelope_id: 'env-ops',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        team_id: 'T1',
        channel_id: 'C1',
        user_id: 'U1',
        command: '/ask',
        text: 'Who is Blinken meeting?',
        api_app_id: 'A1',
        response_url: double.responseUrl('socket'),
        trigger_id: '1.2.3',
      },
    });
    expect(blockTexts((ack.payload as { blocks?: unknown }).blocks).length).toBeGreaterThan(0);
    const metrics = await scrapeMetrics(base);
    expect(questionsByOutcome(metrics, 'slack')).toEqual({ answered: 1 });

    const nextSocket = double.nextSocket();
    socket.terminate();
    const down = await healthOnceItIs(base, 503);
    expect(down).toMatchObject({ ok: false, platform: 'disconnected' });
    await nextSocket;
    await healthOnceItIs(base, 200);
    await annotate(
      `Socket Mode, /healthz 503 ${JSON.stringify(down)} while the socket was closed; ${describeScrape(metrics, 'slack')}`,
    );
  });
});

describe('Slack HTTP mode /healthz before the index has loaded', () => {
  const slack = useSlackDouble();
  const qa = useAnswerers({ bundled: 'corpus' });

  it('answers 503 saying the index is still loading', async () => {
    const health = createHealth();
    const bot = createSlackBot({
      config: parseSlackConfig({
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slack.double.apiUrl,
        PORT: '0',
        HOST: '127.0.0.1',
      }),
      qa: qa.bundled,
      logger: captureLogger().logger,
      identity: { botId: BOT_ID, botUserId: BOT_USER_ID },
      health,
    });
    slack.stopAfterTest(bot);
    const { port } = await bot.start();
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ok: false, index: 'loading', platform: 'connected' });
    health.set({ index: 'loaded' });
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });
});
