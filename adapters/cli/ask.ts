import { createInterface } from 'node:readline';
import type { Answer } from '../../src/index.js';
import {
  AnswerSchema,
  CoreConfigSchema,
  createAnswererCached,
  loadCorpus,
  parseConfig,
} from '../../src/index.js';
import { loadDotEnv } from '../shared/environment.js';
import { displayPath } from '../shared/paths.js';
import { runMain, STDERR_WARNINGS } from '../shared/run-main.js';
import { renderAnswer, renderAnswerLine } from '../terminal/render.js';
import { chooseStyle } from '../terminal/style.js';
import { ASK_PROMPT, ASK_USAGE, parseAskFlags } from './ask-options.js';

runMain(async () => {
  loadDotEnv();
  const flags = parseAskFlags(process.argv.slice(2));
  if (flags.help) {
    process.stdout.write(`${ASK_USAGE}\n`);
    return;
  }
  const env = parseConfig(CoreConfigSchema, process.env);
  const corpus = await loadCorpus(displayPath(flags.corpus ?? env.CORPUS_DIR));
  const qa = await createAnswererCached(corpus, {
    logger: STDERR_WARNINGS,
  });
  const ask = (question: string): Answer =>
    AnswerSchema.parse(qa.answerQuestion(question, { top: flags.top }));
  const articleCount = qa.documents.length;

  if (flags.question !== undefined) {
    const answer = ask(flags.question);
    const text = renderAnswer(answer, {
      style: chooseStyle(process.env, Boolean(process.stdout.isTTY)),
      width: process.stdout.isTTY ? process.stdout.columns : undefined,
      articleCount,
    });
    process.stdout.write(`${flags.json ? JSON.stringify(answer) : text}\n`);
    return;
  }
  if (process.stdin.isTTY) process.stderr.write(`${ASK_PROMPT}\n`);
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const answer = ask(line);
    const text = flags.json ? JSON.stringify(answer) : renderAnswerLine(answer, articleCount);
    process.stdout.write(`${text}\n`);
  }
});
