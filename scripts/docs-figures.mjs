// Regenerates every figure in docs/: each tool writes its own stamped section (--write), so no
// figure is ever copied by hand. Extra arguments go to the bench (e.g. --sizes article,1k,10k,100k).
// The SQuAD files live outside the repository; a missing one is skipped, its section left as it was.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const EVAL = '../shared/eval';
const runs = [
  ['eval', `${EVAL}/article-dev.jsonl`, '--baseline', '--write', 'docs/quality.md'],
  // The held-out articles only: the model was trained on the others.
  ...['squad-dev.jsonl', 'squad2-dev-subset.jsonl'].map((file) => [
    'eval',
    '--squad',
    `${EVAL}/squad/${file}`,
    '--heldout',
    '--cross',
    '50',
    '--write',
    'docs/quality.md',
  ]),
  ['build'],
  ['bench', '--sizes', 'article,1k,10k', ...process.argv.slice(2), '--write', 'docs/performance.md'],
];
let failed = false;
for (const [script, ...args] of runs) {
  const file = args.find((arg) => arg.endsWith('.jsonl'));
  if (file && !existsSync(file)) {
    process.stderr.write(`docs:figures: ${file} not found; its section is left as it was.\n`);
    continue;
  }
  process.stderr.write(`docs:figures: npm run ${script} -- ${args.join(' ')}\n`);
  const { status } = spawnSync('npm', ['run', '--silent', script, '--', ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
