import { createInterface } from 'node:readline';
import { DEFAULT_EXCERPTS, parseConfig } from '../../src/index.js';
import { startLiveCorpus } from '../shared/live-corpus.js';
import { createLogger } from '../shared/logger.js';
import { createRateLimiter } from '../shared/rate-limiter.js';
import { runMain } from '../shared/run-main.js';
import { ANSI, PLAIN } from '../terminal/render.js';
import { ReplConfigSchema } from './config.js';
import { createReplSession } from './session.js';

runMain(async () => {
  const env = parseConfig(ReplConfigSchema, process.env);
  // Warnings and reload failures (the broken file and its fix) on stderr; routine lines nowhere.
  const live = await startLiveCorpus({
    dir: env.CORPUS_DIR,
    logger: createLogger({ level: 'warn', pretty: true }),
    watch: env.CORPUS_WATCH,
    debounceMs: env.CORPUS_DEBOUNCE_MS,
    cacheDir: env.INDEX_CACHE_DIR,
    onReload: (outcome) => {
      if (!outcome.ok) return;
      const { added, changed, removed } = outcome.update.changes;
      const parts = Object.entries({ added, changed, removed })
        .filter(([, files]) => files.length > 0)
        .map(([what, files]) => `${what} ${files.join(', ')}`);
      if (parts.length > 0) process.stderr.write(`Corpus reloaded: ${parts.join('; ')}.\n`);
    },
  });
  const qa = live.answerer;
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
    const { output, quit } = await session.handleLine(line);
    if (output) process.stdout.write(`${output}\n`);
    if (quit) break;
    if (interactive) {
      process.stdout.write('\n');
      rl.prompt();
    }
  }
  rl.close();
  await live.close();
});
