import { execFile } from 'node:child_process';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubSecrets } from '../../../adapters/shared/logger.js';
import { loggerOptionsFrom } from '../../../adapters/shared/operations-config.js';

const run = promisify(execFile);

function capture() {
  let text = '';
  const destination = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { destination, text: () => text };
}

const BOT_TOKEN = 'xoxb-1234567890-abcdefghijkl';
const APP_TOKEN = 'xapp-1-A0123-456789-abcdef';
const SIGNING_SECRET = 'f3a9c6d2e1b84a7f9c0d5e6b';
const DISCORD_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GAbCdE.abcdefghijklmnopqrstuvwxyz0123';

describe('createLogger', () => {
  it('never writes a token: redaction paths, configured secrets and token shapes anywhere in a line', () => {
    const out = capture();
    const logger = createLogger({
      destination: out.destination,
      level: 'trace',
      secrets: [SIGNING_SECRET],
    });
    logger.info({ token: DISCORD_TOKEN, config: { SLACK_BOT_TOKEN: BOT_TOKEN } }, 'config');
    logger.info({ request: { headers: { authorization: `Bearer ${BOT_TOKEN}` } } }, 'request');
    logger.info({ err: { config: { headers: { Authorization: `Bot ${DISCORD_TOKEN}` } } } }, 'e');
    logger.error({ err: new Error(`auth failed for ${BOT_TOKEN} and ${APP_TOKEN}`) }, 'failed');
    logger.warn({ detail: `signature made with ${SIGNING_SECRET}` }, 'signature');
    logger.debug(`sent to https://discord.com/api/v10/webhooks/123/aW50ZXJhY3Rpb246MTIz/messages`);
    logger.debug(`callback /interactions/456/aW50ZXJhY3Rpb246NDU2/callback`);
    logger.debug(`respond to https://hooks.slack.com/actions/T1/123/abcdefghijklmnopqrstuvwx`);
    const text = out.text();
    for (const secret of [BOT_TOKEN, APP_TOKEN, SIGNING_SECRET, DISCORD_TOKEN]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/aW50ZXJhY3Rpb246|abcdefghijklmnopqrstuvwx/);
    expect(text).toContain('/webhooks/123/[redacted]/messages');
    expect(text.split('\n').filter(Boolean)).toHaveLength(8);
  });

  it('drops the body of a failed Discord request: it holds other people’s words', () => {
    const out = capture();
    const logger = createLogger({ destination: out.destination });
    const error = Object.assign(new Error('Internal Server Error'), {
      status: 500,
      requestBody: { json: { content: 'what the user asked' } },
    });
    logger.error({ err: error }, 'failed to answer');
    const line = JSON.parse(out.text());
    expect(line.err.requestBody).toBe('[redacted]');
    expect(line.err.status).toBe(500);
  });

  it('writes JSON lines by default and readable lines with LOG_FORMAT=pretty, at LOG_LEVEL', () => {
    const json = capture();
    createLogger({ destination: json.destination }).info({ userId: 'U1' }, 'request served');
    expect(JSON.parse(json.text())).toMatchObject({
      level: 30,
      userId: 'U1',
      msg: 'request served',
    });

    const pretty = capture();
    const options = loggerOptionsFrom({ LOG_LEVEL: 'warn', LOG_FORMAT: 'pretty' }, [BOT_TOKEN]);
    const logger = createLogger({ ...options, destination: pretty.destination });
    logger.info('hidden below warn');
    logger.warn({ userId: 'U1' }, `rate limited ${BOT_TOKEN}`);
    expect(pretty.text()).toMatch(/WARN.*rate limited \[redacted\]\n\s+userId: "U1"/);
    expect(pretty.text()).not.toContain('hidden below warn');
    expect(pretty.text()).not.toContain(BOT_TOKEN);
  });
});

describe('scrubSecrets', () => {
  it('blanks a secret as it appears JSON-escaped, and leaves ordinary text alone', () => {
    expect(scrubSecrets('{"msg":"a\\"quoted\\"secret"}', ['a"quoted"secret'])).toBe(
      '{"msg":"[redacted]"}',
    );
    expect(scrubSecrets('{"msg":"Who leads Russia? xox is a word"}')).toBe(
      '{"msg":"Who leads Russia? xox is a word"}',
    );
  });
});

describe('installProcessGuards', () => {
  it('logs an unhandled rejection and keeps the process running', async () => {
    const { stdout, stderr } = await run(process.execPath, [
      '--import',
      'tsx',
      'test/fixtures/hardening/unhandled-rejection.ts',
    ]);
    expect(stdout).toBe('still serving\n');
    const line = JSON.parse(stderr.trim());
    expect(line).toMatchObject({
      level: 50,
      msg: 'unhandled promise rejection; the bot keeps serving',
      err: { message: 'stray failure' },
    });
  });
});
