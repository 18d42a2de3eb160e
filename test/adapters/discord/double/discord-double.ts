import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import {
  type DoubleGuild,
  guildCreatePayload,
  type InteractionSpec,
  interactionPayload,
  type MessageSpec,
  messagePayload,
  shardOf,
  snowflake,
  type UserPayload,
  userPayload,
} from './payloads.js';

/**
 * A local stand-in for Discord: the REST API (node:http) and the Gateway (ws) on 127.0.0.1,
 * enough of both for the real discord.js Client. It records every REST request, answers the
 * gateway handshake per shard, and lets a test push MESSAGE_CREATE / INTERACTION_CREATE events.
 */

/** One REST call the bot made. */
export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, as sent (so `@original` shows as `%40original`). */
  path: string;
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are inspected freely by tests.
  body: any;
  headers: IncomingMessage['headers'];
}

/** One identified gateway connection. */
export interface GatewaySession {
  shard: [number, number];
  intents: number;
  token: string;
  socket: WebSocket;
  seq: number;
}

export interface DiscordDoubleOptions {
  /** Shard count `GET /gateway/bot` recommends. @default 1 */
  shards?: number;
  /** `session_start_limit.max_concurrency`. @default 16 */
  maxConcurrency?: number;
  /** Guilds the bot is in; with several shards each lands on the shard Discord's formula picks. */
  guilds?: DoubleGuild[];
  /** Answer REST calls with 401 (a bad token). */
  rejectToken?: boolean;
}

export interface DiscordDouble {
  apiUrl: string;
  bot: UserPayload;
  applicationId: string;
  guilds: DoubleGuild[];
  requests: RecordedRequest[];
  sessions: GatewaySession[];
  /**
   * Answers the next `times` REST requests that match with HTTP `status` (a platform outage);
   * they are still recorded.
   */
  failNext(match: (request: RecordedRequest) => boolean, status?: number, times?: number): void;
  /**
   * Holds the response to the next matching REST request (recorded at once) until `release()`,
   * so a test can act while the bot waits on Discord.
   */
  holdNext(match: (request: RecordedRequest) => boolean): { release(): void };
  /** Resolves with the first request (already made or still to come) that matches. */
  waitForRequest(
    match: (request: RecordedRequest) => boolean,
    what?: string,
  ): Promise<RecordedRequest>;
  /** Resolves once `count` gateway connections have identified and received their guilds. */
  waitForSessions(count: number): Promise<GatewaySession[]>;
  /** Pushes a message through the gateway to the shard that owns its guild (DMs: shard 0). */
  sendMessage(spec: MessageSpec): ReturnType<typeof messagePayload>;
  /** Pushes an interaction; returns its payload (id and token identify the replies). */
  sendInteraction(
    spec: Omit<InteractionSpec, 'applicationId'>,
  ): ReturnType<typeof interactionPayload>;
  close(): Promise<void>;
}

/** A failure guard only (tests wait on events); generous for spawned processes on a busy machine. */
const WAIT_MS = 15_000;

export async function startDiscordDouble(
  options: DiscordDoubleOptions = {},
): Promise<DiscordDouble> {
  const events = new EventEmitter();
  const bot = userPayload('article-qa', { bot: true });
  const applicationId = bot.id;
  const recommendedShards = options.shards ?? 1;
  const guilds = options.guilds ?? [{ id: snowflake(), name: 'Newsroom', channelId: snowflake() }];
  const requests: RecordedRequest[] = [];
  const sessions: GatewaySession[] = [];
  const failures: { match: (r: RecordedRequest) => boolean; status: number; left: number }[] = [];
  const holds: { match: (r: RecordedRequest) => boolean; released: Promise<void> }[] = [];

  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      raw += chunk;
    });
    req.on('end', () => {
      const path = (req.url ?? '/').replace(/^\/api\/v10/, '').replace(/\?.*$/, '');
      const request = {
        method: req.method ?? 'GET',
        path,
        body: raw ? JSON.parse(raw) : null,
        headers: req.headers,
      };
      requests.push(request);
      const failure = failures.find((f) => f.left > 0 && f.match(request));
      const hold = holds.find((h) => h.match(request));
      if (hold) holds.splice(holds.indexOf(hold), 1);
      if (failure) {
        failure.left -= 1;
        res.writeHead(failure.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `${failure.status}: Injected failure`, code: 0 }));
      } else if (hold) {
        void hold.released.then(() => respond(request, res));
      } else {
        respond(request, res);
      }
      events.emit('request', request);
    });
  });
  const wss = new WebSocketServer({ server });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const gatewayUrl = `ws://${origin}`;

  function respond(request: RecordedRequest, res: ServerResponse): void {
    const [status, body] = route(request);
    res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  }

  /** The status and JSON body Discord would answer `request` with. */
  function route({ method, path, body }: RecordedRequest): [number, unknown?] {
    if (
      options.rejectToken &&
      !path.startsWith('/interactions/') &&
      !path.startsWith('/webhooks/')
    ) {
      return [401, { message: '401: Unauthorized', code: 0 }];
    }
    if (method === 'GET' && path === '/gateway/bot') {
      return [
        200,
        {
          url: gatewayUrl,
          shards: recommendedShards,
          session_start_limit: {
            total: 1000,
            remaining: 1000,
            reset_after: 86_400_000,
            max_concurrency: options.maxConcurrency ?? 16,
          },
        },
      ];
    }
    const channel = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (method === 'POST' && channel) return [200, botMessage(channel[1] as string, body)];
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return [204];
    const webhook = /^\/webhooks\/\d+\/[^/]+(?:\/messages\/[^/]+)?$/.test(path);
    if (webhook && (method === 'PATCH' || method === 'POST'))
      return [200, botMessage(snowflake(), body)];
    if (webhook && method === 'DELETE') return [204];
    if (method === 'PUT' && /^\/applications\/\d+(?:\/guilds\/\d+)?\/commands$/.test(path)) {
      const commands = (body as object[]).map((command) => ({
        id: snowflake(),
        application_id: applicationId,
        version: snowflake(),
        ...command,
      }));
      return [200, commands];
    }
    return [404, { message: `Unknown route ${method} ${path}`, code: 0 }];
  }

  function botMessage(
    channelId: string,
    body: { content?: string; embeds?: unknown[]; components?: unknown[]; flags?: number } | null,
  ) {
    return messagePayload({
      author: bot,
      channelId,
      content: body?.content ?? '',
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      flags: body?.flags ?? 0,
    });
  }

  wss.on('connection', (socket) => {
    const session: GatewaySession = { shard: [0, 1], intents: 0, token: '', socket, seq: 0 };
    const dispatch = (t: string, d: unknown) => {
      session.seq += 1;
      socket.send(JSON.stringify({ op: 0, t, s: session.seq, d }));
    };
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    socket.on('message', (data) => {
      const packet = JSON.parse(String(data)) as {
        op: number;
        d: { token: string; intents: number; shard?: [number, number] };
      };
      if (packet.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (packet.op === 6) socket.send(JSON.stringify({ op: 9, d: false }));
      if (packet.op !== 2) return;
      Object.assign(session, {
        token: packet.d.token,
        intents: packet.d.intents,
        shard: packet.d.shard ?? [0, 1],
      });
      const mine = guilds.filter((g) => shardOf(g.id, session.shard[1]) === session.shard[0]);
      dispatch('READY', {
        v: 10,
        user: bot,
        guilds: mine.map((g) => ({ id: g.id, unavailable: true })),
        session_id: `session-${snowflake()}`,
        resume_gateway_url: gatewayUrl,
        shard: session.shard,
        application: { id: applicationId, flags: 0 },
      });
      for (const guild of mine) dispatch('GUILD_CREATE', guildCreatePayload(guild, bot));
      sessions.push(session);
      events.emit('session', session);
    });
    socket.on('close', () => {
      const index = sessions.indexOf(session);
      if (index >= 0) sessions.splice(index, 1);
    });
  });

  function sessionFor(guildId: string | undefined): GatewaySession {
    const session = sessions.find(
      (s) => (guildId === undefined ? 0 : shardOf(guildId, s.shard[1])) === s.shard[0],
    );
    if (!session)
      throw new Error(`no identified gateway session serves guild ${guildId ?? '(DM)'}`);
    return session;
  }

  function pushEvent(guildId: string | undefined, t: string, d: unknown): void {
    const session = sessionFor(guildId);
    session.seq += 1;
    session.socket.send(JSON.stringify({ op: 0, t, s: session.seq, d }));
  }

  function waitFor<T>(event: string, find: () => T | undefined, what: string): Promise<T> {
    const found = find();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = find();
        if (value === undefined) return;
        clearTimeout(timer);
        events.off(event, check);
        resolve(value);
      };
      const timer = setTimeout(() => {
        events.off(event, check);
        reject(new Error(`Discord double: timed out waiting for ${what}`));
      }, WAIT_MS);
      events.on(event, check);
    });
  }

  return {
    apiUrl: `http://${origin}/api`,
    bot,
    applicationId,
    guilds,
    requests,
    sessions,
    failNext(match, status = 500, times = 1) {
      failures.push({ match, status, left: times });
    },
    holdNext(match) {
      let release = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      holds.push({ match, released });
      return { release };
    },
    waitForRequest: (match, what = 'a matching REST request') =>
      waitFor('request', () => requests.find(match), what),
    waitForSessions: (count) =>
      waitFor(
        'session',
        () => (sessions.length >= count ? [...sessions] : undefined),
        `${count} gateway sessions`,
      ),
    sendMessage(spec) {
      const message = messagePayload(spec);
      // The gateway adds channel_type; without it discord.js cannot build an uncached DM channel.
      pushEvent(spec.guildId, 'MESSAGE_CREATE', {
        ...message,
        channel_type: spec.guildId ? 0 : 1,
      });
      return message;
    },
    sendInteraction(spec) {
      const interaction = interactionPayload({ ...spec, applicationId });
      pushEvent(spec.guildId, 'INTERACTION_CREATE', interaction);
      return interaction;
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
