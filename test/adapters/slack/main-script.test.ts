import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { type SlackDouble, startSlackDouble } from './doubles.js';
import { blockTexts, FORM, signHeaders, slashCommandBody } from './harness.js';

const SECRET = 'acceptance-signing-secret';

let double: SlackDouble | undefined;
let child: ChildProcess | undefined;

afterEach(async () => {
  if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit');
    // The script runs as npm → tsx → node in its own process group; end exactly that group.
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
  child = undefined;
  await double?.close();
  double = undefined;
});

/** Starts `npm run slack` and resolves with the port from its "listening" log line on stderr. */
async function startScript(env: Record<string, string>): Promise<{ port: number; log: string[] }> {
  const started = spawn('npm', ['run', 'slack'], {
    env: { ...process.env, SLACK_APP_TOKEN: '', CORPUS_DIR: 'corpus', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  child = started;
  const log: string[] = [];
  const lines = createInterface({ input: started.stderr as NodeJS.ReadableStream });
  for await (const line of lines) {
    log.push(line);
    const entry = line.startsWith('{') ? (JSON.parse(line) as Record<string, unknown>) : null;
    if (entry?.mode === 'http' && typeof entry.port === 'number') return { port: entry.port, log };
  }
  throw new Error(`npm run slack exited before listening:\n${log.join('\n')}`);
}

describe('npm run slack', () => {
  it('answers a correctly signed /ask POST to /slack/events and rejects a wrongly signed one', async () => {
    double = await startSlackDouble();
    const { port } = await startScript({
      SLACK_BOT_TOKEN: 'xoxb-acceptance',
      SLACK_SIGNING_SECRET: SECRET,
      PORT: '0',
      HOST: '127.0.0.1',
      SLACK_API_URL: double.apiUrl,
    });
    expect(double.callsOf('auth.test')).toHaveLength(1);
    const url = `http://127.0.0.1:${port}/slack/events`;
    const body = slashCommandBody('How many troops has Russia gathered?', double.responseUrl('a'));

    const good = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': FORM, ...signHeaders(body, undefined, SECRET) },
    });
    expect(good.status).toBe(200);
    const message = (await good.json()) as { response_type: string; blocks: unknown };
    expect(message.response_type).toBe('ephemeral');
    expect(blockTexts(message.blocks).some((t) => /^> .+\n— .+ · ¶\d+/s.test(t))).toBe(true);

    const bad = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': FORM, ...signHeaders(body, undefined, 'wrong-secret') },
    });
    expect(bad.status).toBe(401);

    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });

  it('refuses to start without a token, naming each variable and the fix, with no stack trace', async () => {
    const started = spawn('npm', ['run', 'slack'], {
      env: {
        ...process.env,
        SLACK_BOT_TOKEN: '',
        SLACK_SIGNING_SECRET: '',
        SLACK_APP_TOKEN: '',
        PORT: 'x',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    child = started;
    let stderr = '';
    started.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const [code] = await once(started, 'exit');
    expect(code).toBe(1);
    expect(stderr).toContain('Invalid Slack configuration:');
    expect(stderr).toMatch(/- SLACK_BOT_TOKEN: is required: .*OAuth & Permissions/);
    expect(stderr).toMatch(/- SLACK_SIGNING_SECRET: is required in HTTP mode/);
    expect(stderr).toMatch(/- PORT: must be a port number/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
