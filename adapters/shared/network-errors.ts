import { ConfigError } from '../../src/index.js';

/** Error codes of a host that cannot be reached or stopped answering (Node and undici). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/** The first `code` along an error's `cause` chain that says the network failed, if any. */
export function networkFailureCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    current = cause;
  }
  return null;
}

/**
 * The one line a person sees when a platform cannot be reached at start: what, where, why, and
 * what to check. Thrown as a {@link ConfigError} so the entry point prints it without a stack.
 */
export function unreachable(
  service: string,
  where: string,
  reason: string,
  check: string,
  cause?: unknown,
): ConfigError {
  return new ConfigError(`Could not reach ${service} at ${where} (${reason}). ${check}`, [], {
    cause,
  });
}

/**
 * Resolves as `work` does, or rejects with `onTimeout()` once `ms` have passed: for a host that
 * accepts the connection and never answers, which no client library times out by default.
 */
export async function withDeadline<T>(
  work: Promise<T>,
  ms: number,
  onTimeout: () => Error,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
