import type { Answer, Answerer } from '../../src/index.js';
import {
  type GateDecision,
  outcomeOf,
  type RequestGate,
  type RequestOutcome,
} from './request-gate.js';
import { isHelpRequest } from './wording.js';

/** What the answer flow needs: the core, the gate, and how many excerpts one reply shows. */
export interface AnswerFlowDeps {
  qa: Pick<Answerer, 'answerQuestion'>;
  gate: Pick<RequestGate, 'decide'>;
  /** Excerpts per reply, unless a follow-up carries its own. */
  top: number;
}

/**
 * How one platform shows each way a request can end; each resolves once its reply is sent. The
 * flow decides which one runs, the platform only renders and sends.
 */
export interface FlowReplies {
  /** The core's answer; `top` is how many excerpts were asked for (Slack's buttons carry it on). */
  answer(answer: Answer, top: number): Promise<unknown>;
  /** A refusal to show: a question over the length cap, or the one notice of a rate limit. */
  notice(text: string): Promise<unknown>;
  /** Rate limited again after being told: no reply, though Slack must still acknowledge. @default nothing */
  silent?(): Promise<unknown>;
  /** Once the gate lets the request through, before the core answers: Discord defers here. @default nothing */
  beforeAnswer?(): Promise<unknown>;
}

/** A question someone typed: a mention, a direct message or a slash command. */
export interface TypedQuestion {
  userId: string;
  /** The question as read from the platform; the gate cleans and bounds it. */
  text: string;
  /** The length the request log shows: of the message as it arrived. */
  loggedLength: number;
}

/** The replies to a typed question, which may turn out to hold nothing to ask. */
export interface TypedReplies extends FlowReplies {
  /** Nothing left to ask once cleaned, or only "help": the platform's help. */
  usage(): Promise<unknown>;
}

/** An earlier question asked again by a button (**More**, **Share**), from an offset. */
export interface FollowUp {
  question: string;
  /** Excerpts already shown. */
  offset: number;
  /** Excerpts per reply. @default the flow's `top` */
  top?: number;
}

/** The replies to a follow-up, whose question may be gone. */
export interface FollowUpReplies extends FlowReplies {
  /** The button's question is no longer known (Discord's store forgot it). @default nothing */
  expired?(): Promise<unknown>;
}

/**
 * Decide → answer → outcome for a typed question: the gate rate-limits the user and bounds the
 * question, "help" gets the help rather than an answer from the article, the core answers the
 * rest, and the result names the reply to send. Resolves with the outcome the request log
 * records. Errors propagate to the adapter's event boundary.
 */
export async function answerTyped(
  deps: AnswerFlowDeps,
  question: TypedQuestion,
  replies: TypedReplies,
): Promise<RequestOutcome> {
  const asked = await deps.gate.decide(question.userId, question.text);
  const decision: GateDecision =
    asked.kind === 'answer' && isHelpRequest(asked.question) ? { kind: 'usage' } : asked;
  if (decision.kind !== 'answer') return decline(decision, replies, question.loggedLength);
  return answer(deps, { question: decision.question, offset: 0 }, replies, question.loggedLength);
}

/**
 * Decide → answer → outcome for a button that asks an earlier question again: the gate
 * rate-limits the click, then `read` recovers the question (only once the click is let through;
 * it may throw on a value that is not ours), and the core answers it from the follow-up's offset.
 */
export async function answerFollowUp(
  deps: AnswerFlowDeps,
  userId: string,
  read: () => FollowUp | null | Promise<FollowUp | null>,
  replies: FollowUpReplies,
): Promise<RequestOutcome> {
  const decision = await deps.gate.decide(userId);
  if (decision.kind !== 'answer') return decline(decision, replies);
  const followUp = await read();
  if (followUp === null) {
    await replies.expired?.();
    return { outcome: 'other' };
  }
  return answer(deps, followUp, replies);
}

async function decline(
  decision: Exclude<GateDecision, { kind: 'answer' }>,
  replies: FlowReplies & { usage?(): Promise<unknown> },
  loggedLength?: number,
): Promise<RequestOutcome> {
  if (decision.kind === 'notice') await replies.notice(decision.text);
  else if (decision.kind === 'usage') await replies.usage?.();
  else await replies.silent?.();
  return outcomeOf(decision, loggedLength);
}

async function answer(
  deps: AnswerFlowDeps,
  followUp: FollowUp,
  replies: FlowReplies,
  loggedLength?: number,
): Promise<RequestOutcome> {
  const top = followUp.top ?? deps.top;
  await replies.beforeAnswer?.();
  const answer = deps.qa.answerQuestion(followUp.question, { top, offset: followUp.offset });
  await replies.answer(answer, top);
  return {
    outcome: 'answered',
    answered: answer.answered,
    excerpts: answer.excerpts.length,
    ...(loggedLength === undefined ? {} : { questionLength: loggedLength }),
  };
}
