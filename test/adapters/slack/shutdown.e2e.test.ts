import { describe, expect, it } from 'vitest';
import { STOPPING_NOTICE } from '../../../adapters/slack/boundary.js';
import type { BotProcess } from '../bot-process.js';
import { useBotProcesses } from '../bot-process-hooks.js';
import { BOT_USER_ID, startSlackDouble } from './doubles.js';
import { eventBody, FORM, JSON_TYPE, signHeaders, slashCommandBody } from './harness.js';

const SECRET = 'shutdown-signing-secret';

const processes = useBotProcesses();

function startSlack(apiUrl: string): BotProcess {
  return processes.start('adapters/slack/main.ts', {
    SLACK_BOT_TOKEN: 'xoxb-shutdown-test',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: apiUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    CORPUS_DIR: 'test/fixtures/slack-hostile',
  });
}

const post = (port: number, body: string, contentType: string) =>
  fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    body,
    headers: { 'content-type': contentType, ...signHeaders(body, undefined, SECRET) },
  });

describe('Slack bot shutdown', () => {
  it('on SIGTERM finishes the answer being posted, takes no new question, and exits 0', async () => {
    const double = processes.double(await startSlackDouble());
    const bot = startSlack(double.apiUrl);
    const { port } = JSON.parse(await bot.line(/"mode":"http"/)) as { port: number };

    const held = double.holdNext('chat.postMessage');
    const event = eventBody(
      {
        type: 'app_mention',
        user: 'U1',
        text: `<@${BOT_USER_ID}> What budget did the council approve?`,
        ts: '1700000000.000100',
        channel: 'C1',
        event_ts: '1700000000.000100',
      },
      'EvShutdown',
    );
    expect((await post(port, event, JSON_TYPE)).status).toBe(200);
    await double.waitForCall('chat.postMessage');
    bot.child.kill('SIGTERM');
    await bot.line(/"msg":"Slack bot stopping"/);

    // A question arriving now is not answered: the port is closed, or the app says it restarts.
    const late = await post(port, slashCommandBody('Who?', double.responseUrl('late')), FORM).then(
      (response) => response.text(),
      () => null,
    );
    if (late !== null) expect(JSON.parse(late)).toMatchObject({ text: STOPPING_NOTICE });
    held.release();

    expect(await bot.exited).toBe(0);
    const log = bot.stderr();
    const served = await bot.line(/"msg":"request served"/);
    expect(JSON.parse(served)).toMatchObject({ outcome: 'answered', event: 'app_mention' });
    expect(log.indexOf('Slack bot stopping')).toBeLessThan(log.indexOf(served));
    expect(log.indexOf(served)).toBeLessThan(log.indexOf('"msg":"Slack bot stopped"'));
    expect(double.callsOf('chat.postMessage')).toHaveLength(1);
    expect(log).not.toContain('xoxb-shutdown-test');
  });

  it('fails fast when Slack answers invalid_auth: one clear line, exit 1, no retrying', async () => {
    const double = processes.double(await startSlackDouble());
    double.failNext('auth.test', 'invalid_auth');
    const bot = startSlack(double.apiUrl);
    expect(await bot.exited).toBe(1);
    const plain = bot
      .stderr()
      .split('\n')
      .filter((line) => line && !line.startsWith('{'));
    expect(plain).toHaveLength(1);
    expect(plain[0]).toMatch(
      /^SLACK_BOT_TOKEN could not be verified with auth\.test at http:\/\/127\.0\.0\.1:\d+\/api\/: An API error occurred: invalid_auth\. Copy the Bot User OAuth Token/,
    );
    expect(double.callsOf('auth.test')).toHaveLength(1);
  });
});
