import { type BoundedQuestion, boundQuestion } from '../../src/index.js';
import { createInFlight, type InFlight } from './in-flight.js';
import type { Logger } from './logger.js';
import type { BotMetrics } from './metrics.js';
import { type RateLimiter, rateLimitKey } from './rate-limiter.js';
import { describeRetry, describeTooLong } from './refusals.js';

/** What an adapter should do with one request, decided before any answering. */
export type GateDecision =
  /** Answer the cleaned `question` (for requests without a question: go ahead). */
  | { readonly kind: 'answer'; readonly question: string }
  /** The question is empty once cleaned: reply with the platform's usage help. */
  | { readonly kind: 'usage' }
  /** Reply with `text` (too long, or the one notice of a rate limit). */
  | { readonly kind: 'notice'; readonly text: string; readonly reason: 'too-long' | 'rate-limited' }
  /** Rate limited again, already told: reply nothing. */
  | { readonly kind: 'silent' };

/** Who sent a request and through which event; never the text. */
export interface RequestFields {
  /** The platform event (`message`, `ask`, `more`, `app_mention`…). */
  event: string;
  userId: string;
}

/** How a request ended, for its log line: outcome and sizes, never the text. */
export interface RequestOutcome {
  /** `ignored`: not meant for the bot (not logged); `failed`: the boundary apologised. */
  outcome:
    | 'answered'
    | 'usage'
    | 'too-long'
    | 'rate-limited'
    | 'silent'
    | 'failed'
    | 'ignored'
    | 'other';
  /** Length of the question as typed, in UTF-16 units; absent for buttons. */
  questionLength?: number;
  /** The core found an answer (false: only "possibly related" excerpts). */
  answered?: boolean;
  excerpts?: number;
}

/** Options for {@link createRequestGate}. */
export interface RequestGateOptions {
  platform: string;
  logger: Logger;
  /** Per-user limiter; none means no limit. */
  limiter?: RateLimiter | null;
  /** Requests in progress, drained on shutdown. @default a fresh one */
  inFlight?: InFlight;
  /** Longest question answered after cleaning. @default 500 */
  maxQuestionChars?: number;
  /** Counts each request served by outcome, and times the answers. @default none */
  metrics?: Pick<BotMetrics, 'observeRequest'> | undefined;
}

/** Rate limit, input bounds, in-flight tracking and the per-request log line of one adapter. */
export interface RequestGate {
  readonly inFlight: InFlight;
  /** Rate-limits `userId`, then bounds `raw` (when the request carries a question). */
  decide(userId: string, raw?: string): Promise<GateDecision>;
  /**
   * Runs one request tracked for shutdown, and logs it at info with platform, user id, question
   * length, outcome and latency. `work` is the adapter's event boundary (it never rejects) and
   * returns the outcome. Resolves false, without running `work`, once the bot is stopping.
   */
  serve(fields: RequestFields, work: () => Promise<RequestOutcome>): Promise<boolean>;
}

/** What {@link decideRequest} needs: the platform (for the rate-limit key), limiter and bounds. */
export type DecisionOptions = Pick<RequestGateOptions, 'platform' | 'limiter' | 'maxQuestionChars'>;

/**
 * Rate-limits `userId`, then bounds `raw` (when the request carries a question): the decision
 * every adapter, the REPL included, takes before answering.
 */
export async function decideRequest(
  options: DecisionOptions,
  userId: string,
  raw?: string,
): Promise<GateDecision> {
  const verdict = await options.limiter?.take(rateLimitKey(options.platform, userId));
  if (verdict && !verdict.allowed) {
    if (!verdict.notify) return { kind: 'silent' };
    return { kind: 'notice', text: describeRetry(verdict.retryAfterMs), reason: 'rate-limited' };
  }
  if (raw === undefined) return { kind: 'answer', question: '' };
  const bounds = options.maxQuestionChars ? { maxChars: options.maxQuestionChars } : {};
  return fromBounds(boundQuestion(raw, bounds));
}

/** Creates the {@link RequestGate} of one adapter. */
export function createRequestGate(options: RequestGateOptions): RequestGate {
  const { platform, logger } = options;
  const inFlight = options.inFlight ?? createInFlight();
  const decide = (userId: string, raw?: string): Promise<GateDecision> =>
    decideRequest(options, userId, raw);

  return {
    inFlight,
    decide,
    async serve(fields, work) {
      const started = performance.now();
      const running = inFlight.run(work);
      if (running === null) {
        logger.debug({ platform, ...fields }, 'stopping; request not taken');
        return false;
      }
      // `work` is the adapter's event boundary: it catches, apologises and reports `failed`.
      const outcome = await running;
      if (outcome.outcome === 'ignored') return true;
      const elapsedMs = performance.now() - started;
      options.metrics?.observeRequest(platform, outcome, elapsedMs / 1000);
      // A flood of already-told refusals would flood the log too.
      logger[outcome.outcome === 'silent' ? 'debug' : 'info'](
        { platform, ...fields, ...outcome, latencyMs: Math.round(elapsedMs * 10) / 10 },
        'request served',
      );
      return true;
    },
  };
}

function fromBounds(bounded: BoundedQuestion): GateDecision {
  switch (bounded.kind) {
    case 'empty':
      return { kind: 'usage' };
    case 'too-long':
      return { kind: 'notice', text: describeTooLong(bounded), reason: 'too-long' };
    case 'question':
      return { kind: 'answer', question: bounded.question };
  }
}

/** The outcome to log for a decision that was not an answer. */
export function outcomeOf(
  decision: Exclude<GateDecision, { kind: 'answer' }>,
  questionLength?: number,
): RequestOutcome {
  const outcome = decision.kind === 'notice' ? decision.reason : decision.kind;
  return questionLength === undefined ? { outcome } : { outcome, questionLength };
}
