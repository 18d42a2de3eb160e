import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/** Where the bot is in serving: its index, and its link to the chat platform. */
export interface HealthState {
  index: 'loading' | 'loaded';
  platform: 'connecting' | 'connected' | 'disconnected';
}

/** The bot's health, set by its parts as they come up and go down. */
export interface Health {
  readonly state: Readonly<HealthState>;
  set(change: Partial<HealthState>): void;
  /** 200 only once the index is loaded and the platform connection is up; 503 otherwise. */
  readonly ok: boolean;
}

/** A health that starts loading and connecting, unless `initial` says otherwise. */
export function createHealth(initial: Partial<HealthState> = {}): Health {
  const state: HealthState = { index: 'loading', platform: 'connecting', ...initial };
  return {
    state,
    set: (change) => Object.assign(state, change),
    get ok() {
      return state.index === 'loaded' && state.platform === 'connected';
    },
  };
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** `GET /healthz`: 200 or 503 with a short JSON body saying which part is not ready. */
export function healthHandler(health: Health): Handler {
  return (_req, res) => {
    res.writeHead(health.ok ? 200 : 503, {
      'content-type': 'application/json',
      'cache-control': 'no-store',
    });
    res.end(JSON.stringify({ ok: health.ok, ...health.state }));
  };
}

/** `GET /metrics`: the registry in the Prometheus text format. */
export function metricsHandler(metrics: () => Promise<{ type: string; text: string }>): Handler {
  return (_req, res) => {
    metrics().then(
      ({ type, text }) => {
        res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
        res.end(text);
      },
      () => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('metrics unavailable\n');
      },
    );
  };
}

/** The text of `registry` with its content type, for {@link metricsHandler}. */
export function registryText(registry: Registry): () => Promise<{ type: string; text: string }> {
  return async () => ({ type: registry.contentType, text: await registry.metrics() });
}

/** Options for {@link startOpsServer}. */
export interface OpsServerOptions {
  /** Port; 0 picks a free one. */
  port: number;
  /** Interface. @default all interfaces */
  host?: string | undefined;
  health: Health;
  metrics: () => Promise<{ type: string; text: string }>;
}

/** A running health and metrics server. */
export interface OpsServer {
  /** The port actually bound. */
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves `GET /healthz` and `GET /metrics` on their own port (`METRICS_PORT`), for bots with no
 * HTTP server of their own (Discord, Slack Socket Mode). Anything else is 404.
 */
export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const routes: Record<string, Handler> = {
    '/healthz': healthHandler(options.health),
    '/metrics': metricsHandler(options.metrics),
  };
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').replace(/\?.*$/, '');
    const route = req.method === 'GET' || req.method === 'HEAD' ? routes[path] : undefined;
    if (route) route(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found\n');
    }
  });
  server.listen(options.port, options.host);
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
