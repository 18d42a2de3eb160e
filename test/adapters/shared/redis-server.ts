import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * A real redis-server (Debian's) for the tests, on a free loopback port, with nothing saved to
 * disk. Never a mock: the shared-state code talks to Redis as it does in production.
 */
export interface RedisServer {
  /** `redis://127.0.0.1:PORT`. */
  readonly url: string;
  readonly port: number;
  /** Kills the server at once (SIGKILL), as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
  /** Stops it for good. */
  stop(): Promise<void>;
}

/** The fix a test run without Redis prints: the tests that need it fail, they never skip. */
export const REDIS_MISSING =
  'redis-server is not installed: these tests run a real Redis. Install it with ' +
  '`apt-get install -y redis-server` (.ci/run does this on a bare machine).';

/**
 * A free port on 127.0.0.1: redis-server cannot be told to pick one (port 0 turns TCP off), so
 * one is found by binding a socket to 0 and closing it.
 */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** How long a starting redis-server may take to accept connections. */
const START_MS = 10_000;

/** Starts redis-server on a free loopback port; fails with {@link REDIS_MISSING} without it. */
export async function startRedisServer(): Promise<RedisServer> {
  if (spawnSync('redis-server', ['--version']).error) throw new Error(REDIS_MISSING);
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'article-qa-redis-'));
  let child: ChildProcess | null = null;

  const start = async () => {
    const started = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = started;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`redis-server did not start on ${port}: ${output}`)),
        START_MS,
      );
      started.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      started.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code} on port ${port}: ${output}`));
      });
    });
  };
  const kill = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = once(running, 'exit');
    running.kill('SIGKILL');
    await exited;
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    restart: start,
    async stop() {
      await kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** One redis-server for all the tests of a file: started before the first, stopped after the last. */
export function useRedisServer(): RedisServer {
  const server = {} as RedisServer;
  beforeAll(async () => {
    Object.assign(server, await startRedisServer());
  });
  afterAll(async () => {
    await server.stop?.();
  });
  return server;
}
