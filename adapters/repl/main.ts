import { createInterface } from 'node:readline';
import {
  createAnswererCached,
  DEFAULT_EXCERPTS,
  loadCorpus,
  parseConfig,
} from '../../src/index.js';
import { createRateLimiter } from '../shared/rate-limiter.js';
import { runMain, STDERR_WARNINGS } from '../shared/run-main.js';
import { ANSI, PLAIN } from '../terminal/render.js';
import { ReplConfigSchema } from './config.js';
import { createReplSession } from './session.js';

runMain(async () => {
  const env = parseConfig(ReplConfigSchema, process.env);
  const qa = await createAnswererCached(await loadCorpus(env.CORPUS_DIR), {
    logger: STDERR_WARNINGS,
  });
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const limiter = env.RATE_LIMIT_PER_MINUTE
    ? createRateLimiter({ perMinute: env.RATE_LIMIT_PER_MINUTE, burst: env.RATE_LIMIT_BURST })
    : null;
  const session = createReplSession(qa, process.stdout.isTTY ? ANSI : PLAIN, DEFAULT_EXCERPTS, {
    limiter,
  });

  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: interactive,
    historySize: 200,
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  if (interactive) {
    const titles = qa.documents.map((d) => d.title).join('; ');
    process.stdout.write(`article-qa: ask about ${titles}\nType :help for commands.\n`);
    rl.setPrompt('? ');
    rl.prompt();
  }
  for await (const line of rl) {
    const { output, quit } = session.handleLine(line);
    if (output) process.stdout.write(`${output}\n`);
    if (quit) break;
    if (interactive) {
      process.stdout.write('\n');
      rl.prompt();
    }
  }
  rl.close();
});
