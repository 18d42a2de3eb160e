// The yardstick for `npm run --silent ask`'s start-up: the least a question from the shell can
// cost here. Plain MiniSearch with default options over the same corpus's paragraphs, from
// process start to exit: read the Markdown files, split the paragraphs, index, search, print the
// best paragraph. Plain JavaScript, so Node runs it without any loader.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';

const [dir = 'corpus', question = ''] = process.argv.slice(2);
const paragraphs = [];
for (const name of readdirSync(dir).sort()) {
  if (!/\.(md|txt)$/.test(name) || name.startsWith('.')) continue;
  const body = readFileSync(join(dir, name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
  for (const text of body.split(/\n\s*\n/)) {
    if (text.trim() && !text.startsWith('#')) paragraphs.push({ id: paragraphs.length, text });
  }
}
const index = new MiniSearch({ fields: ['text'], storeFields: ['text'] });
index.addAll(paragraphs);
const [best] = index.search(question);
process.stdout.write(`${best ? best.text : 'no match'}\n`);
