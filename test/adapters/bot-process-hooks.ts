import { afterEach } from 'vitest';
import { type BotProcess, startBotProcess } from './bot-process.js';

/** What each test of a file starts: a bot process, and the double it talks to. */
export interface BotProcesses {
  /** Starts `script` as {@link startBotProcess} does; it is killed after the test. */
  start(script: string, env: Record<string, string>): BotProcess;
  /** Hands over the test's double, closed after the test once the bot is gone. */
  double<D extends { close(): Promise<void> }>(started: D): D;
}

/** After each test of the file: kills the bot process it started, then closes its double. */
export function useBotProcesses(): BotProcesses {
  let bot: BotProcess | undefined;
  let double: { close(): Promise<void> } | undefined;
  afterEach(async () => {
    await bot?.kill();
    bot = undefined;
    await double?.close();
    double = undefined;
  });
  return {
    start(script, env) {
      bot = startBotProcess(script, env);
      return bot;
    },
    double(started) {
      double = started;
      return started;
    },
  };
}
