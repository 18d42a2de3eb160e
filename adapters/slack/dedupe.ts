import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../shared/logger.js';
import type { RedisConnection } from '../shared/redis-connection.js';

/**
 * Remembers which Events API deliveries were already taken. The port behind retry
 * de-duplication: one process uses {@link createRecentEventIds}; replicas behind a load balancer
 * share {@link createRedisEventIds}.
 */
export interface EventIdStore {
  /** True the first time `eventId` is claimed within the store's memory, false after that. */
  claim(eventId: string): boolean | Promise<boolean>;
}

/** Options for {@link createRecentEventIds}. */
export interface RecentEventIdsOptions {
  /** How long an id is remembered; Slack retries three times within about five minutes. @default 900_000 */
  ttlMs?: number;
  /** Most ids kept; the oldest go first beyond it, so memory stays bounded. @default 10_000 */
  maxEntries?: number;
  /** Clock, for tests. @default Date.now */
  now?: () => number;
}

/** An in-process, bounded, time-limited set of event ids. */
export function createRecentEventIds(options: RecentEventIdsOptions = {}): EventIdStore {
  const ttlMs = options.ttlMs ?? 15 * 60_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  // Insertion order is expiry order (one ttl for all), so expired ids sit at the front.
  const seenAt = new Map<string, number>();

  return {
    claim(eventId) {
      const time = now();
      for (const [id, at] of seenAt) {
        if (time - at < ttlMs) break;
        seenAt.delete(id);
      }
      if (seenAt.has(eventId)) return false;
      for (const id of seenAt.keys()) {
        if (seenAt.size < maxEntries) break;
        seenAt.delete(id);
      }
      seenAt.set(eventId, time);
      return true;
    },
  };
}

/**
 * Event ids shared by every replica through Redis (`SET NX PX`): the first replica to claim an id
 * answers, whichever one Slack's retry reaches. While Redis is down each replica claims in
 * `local` alone (a retry that reaches another replica then may be answered twice), and says so
 * once per outage through `redis`.
 */
export function createRedisEventIds(
  redis: RedisConnection,
  options: Pick<RecentEventIdsOptions, 'ttlMs'> & { local?: EventIdStore } = {},
): EventIdStore {
  const ttlMs = options.ttlMs ?? 15 * 60_000;
  const local = options.local ?? createRecentEventIds({ ttlMs });
  return {
    claim: (eventId) =>
      redis.withFallback(
        'slack-events',
        async (client) => {
          const set = await client.set(`article-qa:slack-event:${eventId}`, '1', 'PX', ttlMs, 'NX');
          // Kept here too, so a retry during a later outage still finds it on this replica.
          await local.claim(eventId);
          return set === 'OK';
        },
        () => local.claim(eventId),
      ),
  };
}

/**
 * Global Bolt middleware that lets each Events API `event_id` through once: Slack redelivers an
 * event (with `x-slack-retry-num`) when the first delivery looked slow or failed, and the same
 * question must not be answered twice. Other requests carry no `event_id` and pass untouched.
 */
export function createDeduplicationMiddleware(
  store: EventIdStore,
  logger: Logger,
): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = 'event_id' in body && typeof body.event_id === 'string' ? body.event_id : null;
    if (eventId !== null && !(await store.claim(eventId))) {
      logger.info(
        { eventId, retryNum: context.retryNum, retryReason: context.retryReason },
        'Skipped a repeated delivery of a Slack event',
      );
      return;
    }
    await next();
  };
}
