import type {
  AllMiddlewareArgs,
  CodedError,
  Context,
  RespondArguments,
  RespondFn,
} from '@slack/bolt';
import type { Logger } from '../shared/logger.js';
import type { RequestGate, RequestOutcome } from '../shared/request-gate.js';
import { renderFailure } from './render.js';

/** How a listener was reached, which decides how a failure notice gets to the person. */
export type ListenerKind = 'command' | 'action' | 'event';

type AckFn = (response?: unknown) => Promise<void>;

/** What Bolt passes its global error handler when `extendedErrorHandler` is on. */
export interface GlobalErrorArgs {
  error: CodedError;
  body: unknown;
  context: Context;
}

/** The few request fields worth a log line: ids, never message text or tokens. */
export function describeRequest(
  body: unknown,
  context?: Partial<Context>,
): Record<string, unknown> {
  const b = (body ?? {}) as Record<string, unknown>;
  const event = (b.event ?? {}) as Record<string, unknown>;
  const user = b.user as { id?: unknown } | string | undefined;
  const channel = b.channel as { id?: unknown } | undefined;
  const actions = Array.isArray(b.actions) ? (b.actions as { action_id?: unknown }[]) : [];
  const fields: Record<string, unknown> = {
    requestType: b.type ?? (b.command ? 'slash_command' : undefined),
    command: b.command,
    actionIds: actions.length > 0 ? actions.map((a) => a.action_id) : undefined,
    eventType: event.type,
    eventId: b.event_id,
    team: context?.teamId ?? b.team_id,
    user: b.user_id ?? (typeof user === 'object' ? user.id : undefined) ?? event.user,
    channel: b.channel_id ?? channel?.id ?? event.channel,
    retryNum: context?.retryNum,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/**
 * The one catch at the Slack event boundary. Runs `listener`; if it throws, logs the error with
 * the request's ids and tells the person in a short ephemeral message (by `ack` when the command
 * was not yet acknowledged, else by `respond`, else `chat.postEphemeral` for events). The app
 * keeps serving. If even the notice cannot be sent, that error reaches Bolt's global handler.
 */
export function guardListener<A extends AllMiddlewareArgs>(
  kind: ListenerKind,
  logger: Logger,
  listener: (args: A) => Promise<RequestOutcome | undefined>,
): (args: A) => Promise<RequestOutcome> {
  return async (args) => {
    const raw = args as A & { ack?: AckFn; body?: unknown };
    let acked = false;
    const ack: AckFn | undefined = raw.ack
      ? async (response) => {
          acked = true;
          await raw.ack?.(response);
        }
      : undefined;
    try {
      return (await listener(ack ? { ...args, ack } : args)) ?? { outcome: 'other' };
    } catch (error) {
      logger.error(
        { err: error, listener: kind, ...describeRequest(raw.body, args.context) },
        'Slack listener failed; told the user and carried on',
      );
      await sendFailureNotice(kind, args, acked ? undefined : ack);
      return { outcome: 'failed' };
    }
  };
}

/** Who sent a request, from any of the payloads the listeners receive. */
function userOf(body: unknown): string {
  const b = (body ?? {}) as Record<string, unknown>;
  const user = b.user as { id?: unknown } | string | undefined;
  const event = (b.event ?? {}) as Record<string, unknown>;
  const id = b.user_id ?? (typeof user === 'object' ? user.id : user) ?? event.user;
  return typeof id === 'string' ? id : '';
}

/** What a request is told when it arrives while the app is stopping. */
export const STOPPING_NOTICE = 'I am restarting; please ask again in a moment.';

/**
 * Runs a guarded listener as one request of the gate: tracked so a shutdown waits for it, and
 * logged with platform, user, question length and latency. While stopping, it is not run: a
 * command is acknowledged with {@link STOPPING_NOTICE}, a button click with an empty ack.
 */
export function serveListener<A extends AllMiddlewareArgs>(
  gate: RequestGate,
  event: string,
  guarded: (args: A) => Promise<RequestOutcome>,
): (args: A) => Promise<void> {
  return async (args) => {
    const raw = args as A & { ack?: AckFn; body?: unknown };
    const taken = await gate.serve({ event, userId: userOf(raw.body) }, () => guarded(args));
    if (taken || !raw.ack) return;
    const isCommand = typeof (raw.body as { command?: unknown } | undefined)?.command === 'string';
    await raw.ack(isCommand ? { response_type: 'ephemeral', text: STOPPING_NOTICE } : undefined);
  };
}

async function sendFailureNotice(
  kind: ListenerKind,
  args: AllMiddlewareArgs & { respond?: RespondFn; body?: unknown },
  pendingAck: AckFn | undefined,
): Promise<void> {
  const notice: RespondArguments = {
    response_type: 'ephemeral',
    replace_original: false,
    ...renderFailure(),
  };
  if (pendingAck && kind === 'command') return pendingAck(notice);
  if (pendingAck) await pendingAck();
  if (args.respond) {
    await args.respond(notice);
    return;
  }
  const event = ((args.body ?? {}) as { event?: Record<string, unknown> }).event ?? {};
  if (typeof event.channel === 'string' && typeof event.user === 'string') {
    // An ephemeral reply shows in a thread only when the thread already exists.
    const thread = event.thread_ts;
    await args.client.chat.postEphemeral({
      channel: event.channel,
      user: event.user,
      ...(typeof thread === 'string' ? { thread_ts: thread } : {}),
      ...renderFailure(),
    });
  }
}

/**
 * Bolt's global error handler, for what fails outside a listener (authorization, middleware, a
 * failure notice that could not be sent): logs it with the request's ids and resolves, so the
 * receiver answers Slack normally and the app keeps serving.
 */
export function createGlobalErrorHandler(logger: Logger): (args: GlobalErrorArgs) => Promise<void> {
  return async ({ error, body, context }) => {
    logger.error(
      { err: error, code: error.code, ...describeRequest(body, context) },
      'Slack request failed outside a listener',
    );
  };
}
