import { z } from 'zod';
import { MAX_QUESTION_CHARS } from '../../src/index.js';

/** Slack's limit on a button's `value`. */
export const MAX_BUTTON_VALUE_CHARS = 2000;

/** What a Share or More button needs to answer again, statelessly (any replica can serve it). */
export interface AskRequest {
  question: string;
  offset: number;
  top: number;
}

const AskValueSchema = z.object({
  v: z.literal(1),
  q: z.string().min(1).max(MAX_QUESTION_CHARS),
  o: z.number().int().nonnegative().max(100_000),
  n: z.number().int().min(1).max(20),
});

/** Packs an {@link AskRequest} into a button `value` (compact JSON, at most 2,000 characters). */
export function encodeAskValue(request: AskRequest): string {
  const value = JSON.stringify({ v: 1, q: request.question, o: request.offset, n: request.top });
  if (value.length > MAX_BUTTON_VALUE_CHARS) {
    throw new RangeError(
      `Slack button value of ${value.length} characters exceeds ${MAX_BUTTON_VALUE_CHARS}; ` +
        'questions must go through the request gate first.',
    );
  }
  return value;
}

/** Reads a button `value` written by {@link encodeAskValue}; throws on anything else. */
export function decodeAskValue(value: string | undefined): AskRequest {
  const { q, o, n } = AskValueSchema.parse(JSON.parse(value ?? 'null'));
  return { question: q, offset: o, top: n };
}
