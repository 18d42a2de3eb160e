import { createInterface } from 'node:readline';
import type { Answer } from '../../src/index.js';
import {
  AnswerSchema,
  CoreConfigSchema,
  createAnswererCached,
  loadCorpus,
  parseConfig,
} from '../../src/index.js';
import { runMain, STDERR_WARNINGS } from '../shared/run-main.js';
import { renderAnswer, renderAnswerLine } from '../terminal/render.js';
import { ASK_USAGE, parseAskFlags } from './ask-options.js';

runMain(async () => {
  const flags = parseAskFlags(process.argv.slice(2));
  if (flags.help) {
    process.stdout.write(`${ASK_USAGE}\n`);
    return;
  }
  const env = parseConfig(CoreConfigSchema, process.env);
  const qa = await createAnswererCached(await loadCorpus(flags.corpus ?? env.CORPUS_DIR), {
    logger: STDERR_WARNINGS,
  });
  const ask = (question: string): Answer =>
    AnswerSchema.parse(qa.answerQuestion(question, { top: flags.top }));

  if (flags.question !== undefined) {
    const answer = ask(flags.question);
    process.stdout.write(`${flags.json ? JSON.stringify(answer) : renderAnswer(answer)}\n`);
    return;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const answer = ask(line);
    process.stdout.write(`${flags.json ? JSON.stringify(answer) : renderAnswerLine(answer)}\n`);
  }
});
