import { randomUUID } from 'node:crypto';
import type { Shard, ShardingManager } from 'discord.js';
import { AggregatorRegistry, type Registry } from 'prom-client';
import type { Health } from '../shared/health.js';

/**
 * Health and metrics of a sharded bot, served by the process that runs the ShardingManager: the
 * shards are its children, each with its own index and metrics, so `/healthz` is up only when
 * every planned shard is ready, and `/metrics` sums the shards' metrics (gauges of the corpus
 * take the largest, not the sum), gathered over the IPC channel discord.js already keeps.
 */

const METRICS_REQUEST = 'article-qa:metrics';
/** How long the manager waits for one shard's metrics before leaving it out. */
const SHARD_METRICS_TIMEOUT_MS = 2_000;

interface MetricsMessage {
  kind: typeof METRICS_REQUEST;
  id: string;
  metrics?: unknown;
}

const isMetricsMessage = (message: unknown): message is MetricsMessage =>
  typeof message === 'object' &&
  message !== null &&
  (message as { kind?: unknown }).kind === METRICS_REQUEST;

/** In a shard process: answers the manager's requests for this shard's metrics. */
export function answerMetricsRequests(registry: Registry): void {
  process.on('message', (message) => {
    if (!isMetricsMessage(message) || !process.send) return;
    void registry.getMetricsAsJSON().then((metrics) => {
      process.send?.({ kind: METRICS_REQUEST, id: message.id, metrics });
    });
  });
}

/** One shard's metrics, or null when it does not answer in time. */
function metricsOf(shard: Shard): Promise<unknown> {
  const id = randomUUID();
  return new Promise((resolve) => {
    const done = (value: unknown) => {
      clearTimeout(timer);
      shard.off('message', listen);
      resolve(value);
    };
    const listen = (message: unknown) => {
      if (isMetricsMessage(message) && message.id === id) done(message.metrics ?? null);
    };
    const timer = setTimeout(() => done(null), SHARD_METRICS_TIMEOUT_MS);
    shard.on('message', listen);
    shard.send({ kind: METRICS_REQUEST, id }).catch(() => done(null));
  });
}

/** The manager's view of its shards: health from their readiness, metrics from all of them. */
export interface ShardOperations {
  /** Hands over the manager once it exists (before its shards spawn). */
  attach(manager: ShardingManager, planned: number): void;
  /** The summed metrics of every shard that answered, in the Prometheus text format. */
  metrics(): Promise<{ type: string; text: string }>;
}

/** Keeps `health` in step with the shards' readiness (index loaded and gateway up in each). */
export function createShardOperations(health: Health): ShardOperations {
  let manager: ShardingManager | null = null;
  let planned = Number.POSITIVE_INFINITY;
  const refresh = () => {
    const shards = manager ? [...manager.shards.values()] : [];
    const ready = shards.length >= planned && shards.every((shard) => shard.ready);
    // A shard is ready once its index is loaded and its gateway connection is up.
    health.set({
      index: ready ? 'loaded' : health.state.index,
      platform: ready ? 'connected' : 'disconnected',
    });
  };
  return {
    attach(attached, count) {
      manager = attached;
      planned = count;
      attached.on('shardCreate', (shard) => {
        for (const event of ['ready', 'resume', 'disconnect', 'reconnecting', 'death'] as const) {
          shard.on(event, refresh);
        }
      });
    },
    async metrics() {
      const shards = manager ? [...manager.shards.values()] : [];
      const gathered = (await Promise.all(shards.map(metricsOf))).filter(Array.isArray);
      const registry = AggregatorRegistry.aggregate(gathered as never[]);
      return { type: registry.contentType, text: await registry.metrics() };
    },
  };
}
