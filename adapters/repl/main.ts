import { clearLine, createInterface, cursorTo } from 'node:readline';
import { parseConfig } from '../../src/index.js';
import { loadDotEnv } from '../shared/environment.js';
import { startLiveCorpus } from '../shared/live-corpus.js';
import { createLogger } from '../shared/logger.js';
import { displayPath } from '../shared/paths.js';
import { createRateLimiter } from '../shared/rate-limiter.js';
import { createReloadReports, type ReloadReports } from '../shared/reload.js';
import { runMain, STDERR_WARNINGS } from '../shared/run-main.js';
import { chooseStyle } from '../terminal/style.js';
import { ReplConfigSchema } from './config.js';
import { parseReplFlags, REPL_USAGE_TEXT } from './options.js';
import { createReplSession } from './session.js';
import { bannerLine, createInterruptPolicy, INTERRUPT_HINT } from './terminal-ui.js';

runMain(async () => {
  loadDotEnv();
  const flags = parseReplFlags(process.argv.slice(2));
  if (flags.help) {
    process.stdout.write(`${REPL_USAGE_TEXT}\n`);
    return;
  }
  const env = parseConfig(ReplConfigSchema, process.env);
  const corpusDir = displayPath(flags.corpus ?? env.CORPUS_DIR);
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  // Set once the prompt is on screen: a report then goes between prompts.
  let redrawPrompt: (() => void) | undefined;
  let reports: ReloadReports | undefined;
  const live = await startLiveCorpus({
    dir: corpusDir,
    // The REPL says what each reload did in its own words (below); the log would repeat it.
    logger: createLogger({ level: 'silent' }),
    snapshotLogger: STDERR_WARNINGS,
    watch: env.CORPUS_WATCH,
    debounceMs: env.CORPUS_DEBOUNCE_MS,
    cacheDir: env.INDEX_CACHE_DIR,
    onReload: (outcome) => reports?.watched(outcome),
  });
  const qa = live.answerer;
  reports = createReloadReports(live, (text) => {
    if (!redrawPrompt) {
      process.stderr.write(`${text}\n`);
      return;
    }
    // The report on its own lines, then the prompt and the half-typed line again.
    clearLine(process.stdout, 0);
    cursorTo(process.stdout, 0);
    process.stdout.write(`${text}\n\n`);
    redrawPrompt();
  });
  const width = () => (process.stdout.isTTY ? process.stdout.columns : undefined);
  const session = createReplSession(qa, {
    style: chooseStyle(process.env, Boolean(process.stdout.isTTY)),
    width,
    top: flags.top,
    limiter: env.RATE_LIMIT_PER_MINUTE
      ? createRateLimiter({ perMinute: env.RATE_LIMIT_PER_MINUTE, burst: env.RATE_LIMIT_BURST })
      : null,
    reload: reports.reload,
  });

  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: interactive,
    historySize: 200,
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  if (interactive) {
    const interrupts = createInterruptPolicy();
    rl.on('SIGINT', () => {
      if (interrupts.interrupt() === 'exit') {
        process.stdout.write('\n');
        rl.close();
        return;
      }
      // The half-typed line stays on screen, marked ^C, as in a shell; then readline's own
      // Ctrl-U empties its buffer and redraws the prompt on the fresh line.
      rl.write(null, { ctrl: true, name: 'e' });
      process.stdout.write(`^C\n${INTERRUPT_HINT}\n`);
      rl.write(null, { ctrl: true, name: 'u' });
      if (rl.line !== '') {
        // A dumb terminal's readline (TERM=dumb, as in an Emacs shell) ignores Ctrl-U: empty
        // its buffer the way node's own REPL does, and show a fresh prompt.
        Object.assign(rl, { line: '', cursor: 0 });
        rl.prompt();
      }
    });
    process.stdin.on('keypress', (_text, key: { ctrl?: boolean; name?: string } | undefined) => {
      if (!(key?.ctrl && key.name === 'c')) interrupts.reset();
    });
    process.stdout.write(`${bannerLine(qa.documents, width())}\n`);
    rl.setPrompt('? ');
    rl.prompt();
    redrawPrompt = () => rl.prompt(true);
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
