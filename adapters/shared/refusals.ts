/**
 * What a person is told when a request is turned away before answering. The words are the
 * adapters' business; the core only reports the facts (a length and its limit, a wait).
 */

/** What a rate-limited user is told: how long to wait, in whole seconds or minutes. */
export function describeRetry(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const wait =
    seconds < 90
      ? `${seconds} second${seconds === 1 ? '' : 's'}`
      : `${Math.ceil(seconds / 60)} minutes`;
  return `You are asking faster than I can answer. Please wait ${wait} and ask again.`;
}

/** The polite refusal of an over-long question, naming the limit and the question's length. */
export function describeTooLong(question: { length: number; limit: number }): string {
  return (
    `Please ask a shorter question: I answer questions of up to ${question.limit} characters, ` +
    `and yours has ${question.length}.`
  );
}
