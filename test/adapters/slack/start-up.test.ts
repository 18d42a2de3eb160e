import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { renderManifest } from '../../../adapters/slack/manifest.js';
import { useBotProcesses } from '../bot-process-hooks.js';
import { runNode, tsxScript } from '../run-node.js';

const bots = useBotProcesses();

/** A host that accepts connections and never says a word. */
async function silentHost(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

let host: Awaited<ReturnType<typeof silentHost>> | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

const slack = (args: string[], env: Record<string, string> = {}) =>
  runNode([...tsxScript('adapters/slack/main.ts'), ...args], {
    env: { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', ...env },
  });

describe('npm run slack at start', () => {
  it('stops with one clear line and exit 1 when the API host accepts and never answers', async () => {
    host = await silentHost();
    const bot = bots.start('adapters/slack/main.ts', {
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_API_URL: host.url,
      SLACK_START_TIMEOUT_MS: '300',
      PORT: '0',
      LOG_LEVEL: 'silent',
    });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toBe(
      `Slack did not answer auth.test at ${host.url} within 0.3 s. ` +
        'Check the network and SLACK_API_URL, or raise SLACK_START_TIMEOUT_MS.',
    );
  });

  it('shows its usage for --help and exits 0 without any token', async () => {
    const { code, stdout, stderr } = await slack(['--help']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('Usage: npm run slack -- [options]');
  });

  it('prints the manifest for the configured command with --manifest', async () => {
    const { code, stdout } = await slack(['--manifest'], { SLACK_COMMAND: '/harbour' });
    expect(code).toBe(0);
    expect(stdout).toBe(await renderManifest('/harbour'));
  });

  it('rejects an unknown flag, and a bad SLACK_COMMAND, in one line each', async () => {
    const unknown = await slack(['--bogus']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(
      'Unknown option --bogus: run "npm run slack -- --help" for the options.\n',
    );
    const bad = await slack(['--manifest'], { SLACK_COMMAND: 'ask' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /^Invalid Slack configuration:\n {2}- SLACK_COMMAND: must be a slash command/,
    );
  });
});
