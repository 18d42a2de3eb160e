// Regenerates every figure in docs/: each tool writes its own stamped section (--write), so no
// figure is ever copied by hand. Extra arguments go to the bench (e.g. --sizes article,1k,10k,100k).
// The SQuAD files live outside the repository; a missing one is skipped, its section left as it was.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const EVAL = '../shared/eval';
const runs = [
  ['eval', `${EVAL}/article-dev.jsonl`, '--baseline', '--write', 'docs/quality.md'],
  ['eval', '--squad', `${EVAL}/squad/squad-dev.jsonl`, '--write', 'docs/quality.md'],
  ['eval', '--squad', `${EVAL}/squad/squad2-dev-subset.jsonl`, '--write', 'docs/quality.md'],
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
