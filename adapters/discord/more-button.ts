import { randomBytes } from 'node:crypto';

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

/** A small bounded LRU of questions too long to fit in a button's `custom_id`. */
export interface QuestionStore {
  /** Stores `question` and returns its short key. */
  put(question: string): string;
  /** The question for `key`, or undefined once it has been evicted (or never existed). */
  get(key: string): string | undefined;
  readonly size: number;
}

/** Creates a {@link QuestionStore} holding at most `capacity` questions (least recently used go first). */
export function createQuestionStore(capacity = 1_000): QuestionStore {
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
    get(key) {
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
export function decodeMoreId(
  customId: string,
  store: QuestionStore,
): MoreRequest | 'expired' | null {
  const match = MORE_ID.exec(customId);
  if (!match) return null;
  const [, offset = '0', kind, value = ''] = match;
  const question = kind === 'q' ? value : store.get(value);
  if (question === undefined) return 'expired';
  return { question, offset: Number(offset) };
}
