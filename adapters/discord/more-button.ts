import { randomBytes } from 'node:crypto';
import type { RedisConnection } from '../shared/redis-connection.js';

/** Discord's limit on a component's `custom_id`. */
export const MAX_CUSTOM_ID_LENGTH = 100;
const PREFIX = 'more';
const MORE_ID = /^more:(\d{1,6}):([qk]):([\s\S]+)$/;

/** What a **More** button needs to show the next excerpts. */
export interface MoreRequest {
  question: string;
  /** Excerpts already shown. */
  offset: number;
}

/** Questions too long to fit in a button's `custom_id`, by short key. */
export interface QuestionStore {
  /** Stores `question` and returns its short key. */
  put(question: string): string;
  /** The question for `key`, or undefined once it has been evicted (or never existed). */
  get(key: string): Promise<string | undefined>;
}

/** A small bounded LRU in this process. */
export interface LocalQuestionStore extends QuestionStore {
  readonly size: number;
}

/** Creates a {@link QuestionStore} holding at most `capacity` questions (least recently used go first). */
export function createQuestionStore(capacity = 1_000): LocalQuestionStore {
  const entries = new Map<string, string>();
  return {
    put(question) {
      // Random keys, so a key from before a restart never finds someone else's question.
      const key = randomBytes(9).toString('base64url');
      entries.set(key, question);
      while (entries.size > capacity) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
      return key;
    },
    async get(key) {
      const question = entries.get(key);
      if (question === undefined) return undefined;
      entries.delete(key);
      entries.set(key, question);
      return question;
    },
    get size() {
      return entries.size;
    },
  };
}

/** How long a long question behind a **More** button is kept in Redis. */
const SHARED_QUESTION_SECONDS = 7 * 24 * 3_600;

/**
 * Questions shared by every shard and replica through Redis, so a **More** button works
 * whichever process its click reaches, and after a restart or a re-shard. Each question is kept
 * in this process too; while Redis is down only that copy serves (said once per outage).
 */
export function createSharedQuestionStore(
  redis: RedisConnection,
  local: QuestionStore = createQuestionStore(),
): QuestionStore {
  const keyOf = (key: string) => `article-qa:question:${key}`;
  return {
    put(question) {
      const key = local.put(question);
      void redis.withFallback(
        'questions',
        (client) => client.set(keyOf(key), question, 'EX', SHARED_QUESTION_SECONDS),
        () => undefined,
      );
      return key;
    },
    async get(key) {
      return (
        (await local.get(key)) ??
        (await redis.withFallback(
          'questions',
          async (client) => (await client.get(keyOf(key))) ?? undefined,
          () => undefined,
        ))
      );
    },
  };
}

/**
 * Encodes a {@link MoreRequest} as a `custom_id`: the question itself when it fits (so the
 * button survives restarts and works on any shard), else a key into `store`.
 */
export function encodeMoreId(request: MoreRequest, store: QuestionStore): string {
  const inline = `${PREFIX}:${request.offset}:q:${request.question}`;
  if (inline.length <= MAX_CUSTOM_ID_LENGTH) return inline;
  return `${PREFIX}:${request.offset}:k:${store.put(request.question)}`;
}

/** True when `customId` belongs to a **More** button. */
export function isMoreId(customId: string): boolean {
  return customId.startsWith(`${PREFIX}:`);
}

/**
 * Decodes a **More** button's `custom_id`: the request, `'expired'` when its question is no
 * longer in `store`, or null when the id is not one of ours.
 */
export async function decodeMoreId(
  customId: string,
  store: QuestionStore,
): Promise<MoreRequest | 'expired' | null> {
  const match = MORE_ID.exec(customId);
  if (!match) return null;
  const [, offset = '0', kind, value = ''] = match;
  const question = kind === 'q' ? value : await store.get(value);
  if (question === undefined) return 'expired';
  return { question, offset: Number(offset) };
}
