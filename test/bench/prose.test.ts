import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  isUsableSentence,
  loadProseSource,
  readmeProse,
  splitSentences,
} from '../../bench/prose.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('splitSentences', () => {
  it('splits at full stops, question and exclamation marks before a capital or a digit', () => {
    expect(splitSentences('One is here. Two? "Three!" 4 is last.')).toEqual([
      'One is here.',
      'Two?',
      '"Three!"',
      '4 is last.',
    ]);
  });

  it('does not split after abbreviations or initials', () => {
    expect(
      splitSentences('The U.S. Army met Dr. Jones and J. Smith in Jan. 1990. Then they left.'),
    ).toEqual(['The U.S. Army met Dr. Jones and J. Smith in Jan. 1990.', 'Then they left.']);
  });

  it('does not split inside numbers or before a lower-case word', () => {
    expect(splitSentences('It cost 3.5 million. e.g. not this. Fine.')).toEqual([
      'It cost 3.5 million. e.g. not this.',
      'Fine.',
    ]);
  });
});

describe('isUsableSentence', () => {
  it('accepts a whole sentence of 6 to 40 words', () => {
    expect(isUsableSentence('The game was played on February 7, 2016, at the stadium.')).toBe(true);
  });

  it('rejects fragments, very long sentences, code and links', () => {
    expect(isUsableSentence('Too short here.')).toBe(false);
    expect(isUsableSentence(`${'word '.repeat(41)}end.`)).toBe(false);
    expect(isUsableSentence('lower case start of a fragment that runs on.')).toBe(false);
    expect(isUsableSentence('Call the `search` function with a query string please.')).toBe(false);
    expect(isUsableSentence('See https://example.com for all of the details here.')).toBe(false);
  });
});

describe('readmeProse', () => {
  it('keeps prose paragraphs and drops code, headings, lists, tables and link targets', () => {
    const markdown = [
      '# Title',
      '',
      'This package does [useful things](https://x.y) for',
      'people who **read** documentation.',
      '',
      '```js',
      'const x = 1;',
      '```',
      '- a list item',
      '| a | table |',
      '',
      'Second paragraph here.',
    ].join('\n');
    expect(readmeProse(markdown)).toEqual([
      'This package does useful things for people who read documentation.',
      'Second paragraph here.',
    ]);
  });
});

describe('loadProseSource', () => {
  it('reads SQuAD lines into sentences titled by their article', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-prose-'));
    dirs.push(dir);
    const file = join(dir, 'squad.jsonl');
    const line = {
      title: 'Super_Bowl_50',
      paragraphs: ['Super Bowl 50 was an American football game to determine the champion. Short.'],
    };
    await writeFile(file, `${JSON.stringify(line)}\n`);
    const source = await loadProseSource(file, join(dir, 'node_modules'));
    expect(source.origin).toBe('squad');
    expect(source.sentences).toEqual([
      {
        text: 'Super Bowl 50 was an American football game to determine the champion.',
        topic: 'Super Bowl 50',
      },
    ]);
  });

  it('falls back to README files of installed packages when the SQuAD file is missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-prose-'));
    dirs.push(dir);
    const modules = join(dir, 'node_modules');
    await mkdir(join(modules, '@scope', 'pkg'), { recursive: true });
    await writeFile(
      join(modules, '@scope', 'pkg', 'README.md'),
      '# pkg\n\nThis library parses calendar dates written by people in many formats.\n',
    );
    const source = await loadProseSource(join(dir, 'missing.jsonl'), modules);
    expect(source.origin).toBe('readme');
    expect(source.sentences).toEqual([
      {
        text: 'This library parses calendar dates written by people in many formats.',
        topic: '@scope/pkg',
      },
    ]);
  });
});
