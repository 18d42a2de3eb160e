import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** One Web API call the bot made. */
export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
}

/** One message the bot sent to a `response_url` (what `respond()` does). */
export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
}

/** A local stand-in for slack.com: the Web API, `response_url`s and a Socket Mode link. */
export interface SlackDouble {
  /** Base for `SLACK_API_URL` / `slackApiUrl`. */
  readonly apiUrl: string;
  readonly calls: ApiCall[];
  readonly responses: ResponseUrlPost[];
  /** A `response_url` on this double; posts to it land in `responses` under `id`. */
  responseUrl(id: string): string;
  /** Makes the next call of `method` answer `{ ok: false, error }`. */
  failNext(method: string, error: string): void;
  /** Makes the next `times` calls of `method` fail with HTTP `status` (an outage); still recorded. */
  failNextHttp(method: string, status?: number, times?: number): void;
  /** Holds the answer to the next call of `method` (recorded at once) until `release()`. */
  holdNext(method: string): { release(): void };
  /** Resolves with the first call of `method` (made already or still to come) that matches. */
  waitForCall(method: string, match?: (call: ApiCall) => boolean): Promise<ApiCall>;
  callsOf(method: string): ApiCall[];
  /** Socket Mode: resolves once the bot's socket has connected (after `hello`). */
  nextSocket(): Promise<WebSocket>;
  /** Socket Mode: sends an envelope and resolves with the bot's acknowledgement envelope. */
  pushEnvelope(
    socket: WebSocket,
    envelope: Record<string, unknown>,
  ): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export const BOT_USER_ID = 'UBOT0001';
export const BOT_ID = 'BBOT0001';

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Web API arguments arrive form-encoded, with blocks and other structures as JSON strings. */
function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return JSON.parse(raw || '{}');
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = key === 'blocks' || key === 'attachments' ? JSON.parse(value) : value;
  }
  return args;
}

/** Starts the double on 127.0.0.1 and a free port. */
export async function startSlackDouble(): Promise<SlackDouble> {
  const calls: ApiCall[] = [];
  const responses: ResponseUrlPost[] = [];
  const failures = new Map<string, string>();
  const httpFailures = new Map<string, { status: number; left: number }>();
  const holds = new Map<string, Promise<void>>();
  const recorded = new EventEmitter();
  let ts = 0;
  let base = '';

  const answer = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    const failure = failures.get(method);
    if (failure) {
      failures.delete(method);
      return { ok: false, error: failure };
    }
    ts += 1;
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          user_id: BOT_USER_ID,
          bot_id: BOT_ID,
          team: 'Test',
          team_id: 'T1',
          user: 'article-qa',
        };
      case 'chat.postMessage':
        return { ok: true, channel: args.channel, ts: `1700000000.${String(ts).padStart(6, '0')}` };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `1700000000.${String(ts).padStart(6, '0')}` };
      case 'apps.connections.open':
        return { ok: true, url: `${base.replace('http', 'ws')}link` };
      default:
        // 200, not 404: the Web API client retries HTTP errors.
        return { ok: false, error: 'unknown_method' };
    }
  };

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const api = /^\/api\/(.+)$/.exec(url.pathname);
    if (api?.[1]) {
      const method = api[1];
      const args = parseArgs(raw, req.headers['content-type']);
      calls.push({ method, args });
      recorded.emit('call');
      const outage = httpFailures.get(method);
      if (outage && outage.left > 0) {
        outage.left -= 1;
        res.writeHead(outage.status, { 'content-type': 'text/plain' });
        res.end('injected outage');
        return;
      }
      const held = holds.get(method);
      holds.delete(method);
      await held;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer(method, args)));
      return;
    }
    const respond = /^\/respond\/(.+)$/.exec(url.pathname);
    if (respond?.[1]) {
      responses.push({ id: respond[1], body: JSON.parse(raw) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
      return;
    }
    res.writeHead(404);
    res.end();
  });
  const wss = new WebSocketServer({ server, path: '/link' });
  wss.on('connection', (socket) =>
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1 })),
  );

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  return {
    apiUrl: `${base}api/`,
    calls,
    responses,
    responseUrl: (id) => `${base}respond/${id}`,
    failNext: (method, error) => void failures.set(method, error),
    failNextHttp(method, status = 500, times = 1) {
      httpFailures.set(method, { status, left: times });
    },
    holdNext(method) {
      let release = () => {};
      holds.set(
        method,
        new Promise<void>((resolve) => {
          release = resolve;
        }),
      );
      return { release };
    },
    waitForCall(method, match = () => true) {
      const find = () => calls.find((call) => call.method === method && match(call));
      return new Promise((resolve) => {
        const check = () => {
          const found = find();
          if (!found) return;
          recorded.off('call', check);
          resolve(found);
        };
        recorded.on('call', check);
        check();
      });
    },
    callsOf: (method) => calls.filter((call) => call.method === method),
    async nextSocket() {
      const [socket] = (await once(wss, 'connection')) as [WebSocket];
      return socket;
    },
    pushEnvelope(socket, envelope) {
      return new Promise((resolve) => {
        const onMessage = (data: Buffer) => {
          const message = JSON.parse(data.toString('utf8')) as Record<string, unknown>;
          if (message.envelope_id !== envelope.envelope_id) return;
          socket.off('message', onMessage);
          resolve(message);
        };
        socket.on('message', onMessage);
        socket.send(JSON.stringify(envelope));
      });
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
