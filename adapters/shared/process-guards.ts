import type { Logger } from './logger.js';

/**
 * Logs what would otherwise pass unseen or end the process by surprise. An unhandled promise
 * rejection (a library's stray promise, a bug in one request) is logged and the bot keeps
 * serving; an uncaught exception is logged as fatal before Node ends the process as usual, since
 * the state after one is unknown. Returns a function that removes both listeners.
 */
export function installProcessGuards(logger: Logger): () => void {
  const onRejection = (reason: unknown) =>
    logger.error({ err: reason }, 'unhandled promise rejection; the bot keeps serving');
  const onException = (error: Error, origin: string) =>
    logger.fatal({ err: error, origin }, 'uncaught exception; the process will exit');
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtExceptionMonitor', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtExceptionMonitor', onException);
  };
}
