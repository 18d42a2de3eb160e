import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { ASK_PROMPT } from '../../../adapters/cli/ask-options.js';
import { INTERRUPT_HINT } from '../../../adapters/repl/terminal-ui.js';
import { type PtyOptions, type PtySession, startPty } from '../pty.js';
import { tsxScript } from '../run-node.js';

/** `node <args>` under a pseudo-terminal, ended after the test that started it. */
function pty(context: TestContext, args: string[], options: PtyOptions = {}): PtySession {
  const session = startPty(args, {
    ...options,
    env: { CORPUS_DIR: undefined, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env },
  });
  context.onTestFinished(() => session.kill());
  return session;
}

/** The REPL under a pseudo-terminal, as `npm start` runs it for a person. */
const repl = (context: TestContext, args: string[] = [], options: PtyOptions = {}) =>
  pty(context, [...tsxScript('adapters/repl/main.ts'), ...args], options);

const PROMPT = /(?:^|\n)\? $/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts every ANSI sequence.
const COLOUR = /\u001b\[[0-9;]*m/;

describe.concurrent('the REPL in a terminal', () => {
  it('clears a half-typed line on the first Ctrl-C, shows help for "help", and leaves on a second Ctrl-C', async (context) => {
    const session = repl(context);
    let at = await session.waitFor(PROMPT);
    session.type('Who is Blin');
    at = await session.waitFor(/Who is Blin/, at);
    session.type('\x03');
    at = await session.waitFor(/\^C\n\(To leave, press Ctrl-C again[^\n]*\n\? $/, at);
    expect(session.text()).toContain(INTERRUPT_HINT);
    // Had the line not been cleared, this would ask "Who is Blinhelp".
    session.type('help\r');
    at = await session.waitFor(/:reload {8}read the corpus folder again[\s\S]*\n\? $/, at);
    session.type('\x03');
    at = await session.waitFor(/\^C\n\(To leave[^\n]*\n\? $/, at);
    session.type('\x03');
    expect(await session.exited).toBe(0);
  });

  it('clears the half-typed line on Ctrl-C in a dumb terminal too (TERM=dumb: an Emacs shell)', async (context) => {
    const session = repl(context, [], { env: { TERM: 'dumb' } });
    let at = await session.waitFor(PROMPT);
    session.type('Who is Blin');
    at = await session.waitFor(/Who is Blin/, at);
    session.type('\x03');
    at = await session.waitFor(/\(To leave, press Ctrl-C again[^\n]*\n\? $/, at);
    // Had the line not been cleared, this would ask "Who is Blin:docs".
    session.type(':docs\r');
    at = await session.waitFor(/blinken-kyiv-visit: [^\n]*\(19 paragraphs\)[\s\S]*\? $/, at);
    expect(session.text().slice(at)).not.toContain('not in the article');
    session.type(':quit\r');
    expect(await session.exited).toBe(0);
  });

  it('wraps answers at word boundaries to the terminal width, in colour', async (context) => {
    const session = repl(context, [], { columns: 50 });
    let at = await session.waitFor(PROMPT);
    session.type('How many troops has Russia gathered near the border?\r');
    at = await session.waitFor(/\n1\. “[\s\S]*\n\? $/, at);
    const answer = session.text().slice(0, at);
    const lines = answer.split('\n');
    for (const line of lines) {
      // The typed question is readline's echo, folded by the terminal, not by the REPL.
      if (!line.includes('https://') && !line.startsWith('? ')) {
        expect(line.length, line).toBeLessThanOrEqual(50);
      }
    }
    expect(lines.filter((line) => line.startsWith('   ')).length).toBeGreaterThan(2);
    expect(session.raw()).toMatch(COLOUR);
    session.type('\x04');
    expect(await session.exited).toBe(0);
  });

  it('writes no colour under NO_COLOR, and says it is not in the articles in the plural', async (context) => {
    const session = repl(context, ['--corpus', 'test/fixtures/discord-corpus'], {
      env: { NO_COLOR: '1' },
    });
    let at = await session.waitFor(PROMPT);
    expect(session.text().split('\n')[0]).toBe(
      'article-qa: ask about 2 articles (:docs lists them). Type help for commands.',
    );
    session.type('What is the recipe for sourdough bread?\r');
    at = await session.waitFor(/That is not in the articles\.[\s\S]*\n\? $/, at);
    expect(session.raw()).not.toMatch(COLOUR);
    session.type(':quit\r');
    expect(await session.exited).toBe(0);
  });

  it(':reload reads the corpus folder again and says what changed', async (context) => {
    const dir = await mkdtemp(join(tmpdir(), 'article-qa-pty-'));
    try {
      const corpus = join(dir, 'corpus');
      await mkdir(corpus);
      const article = (title: string, text: string) => `---\ntitle: ${title}\n---\n\n${text}\n`;
      await writeFile(join(corpus, 'ferry.md'), article('Ferry news', 'The ferry sails at noon.'));
      const session = repl(context, ['--corpus', corpus], { cwd: dir });
      let at = await session.waitFor(PROMPT);
      await writeFile(
        join(corpus, 'market.md'),
        article('Market news', 'The market opens on Friday.'),
      );
      session.type(':reload\r');
      at = await session.waitFor(
        /Reloaded: Added “Market news” \(2 articles loaded\)\.\n[\s\S]*\? $/,
        at,
      );
      session.type('When does the market open?\r');
      at = await session.waitFor(/Market news, ¶1[\s\S]*\? $/, at);
      session.type('\x04');
      expect(await session.exited).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('ask in a terminal', () => {
  it('says what to type on stderr when there is no question and stdin is a terminal', async (context) => {
    const session = pty(context, tsxScript('adapters/cli/ask.ts'));
    const at = await session.waitFor(new RegExp(ASK_PROMPT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    session.type('Who is Lavrov?\r');
    await session.waitFor(/¶\d+/, at);
    session.type('\x04');
    expect(await session.exited).toBe(0);
  });
});
