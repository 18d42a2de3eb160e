import { beforeAll, describe, expect, it } from 'vitest';
import { createReplSession, REPL_HELP } from '../../../adapters/repl/session.js';
import { ANSI, PLAIN } from '../../../adapters/terminal/render.js';
import { type Answerer, createAnswerer, loadCorpus } from '../../../src/index.js';
import { runNode } from '../run-node.js';

/** Runs the REPL as a real process with piped (non-TTY) stdin and stdout. */
function repl(input: string, env: Record<string, string> = {}) {
  return runNode(['--import', 'tsx', 'adapters/repl/main.ts'], { input, env });
}

/** Asserts that `parts` occur in `text` in this order. */
function expectInOrder(text: string, parts: readonly string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `${JSON.stringify(part)} after offset ${from}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}

const TITLE = 'Blinken to visit Kyiv as Russia masses troops near Ukraine border';

describe.concurrent('the REPL with piped stdin', () => {
  it('answers, pages, quotes, lists, helps and quits, without colours', async () => {
    const corpus = await loadCorpus('corpus');
    const paragraph3 = corpus.documents[0]?.paragraphs[2];
    const input = [
      'How many troops has Russia gathered near the border?',
      ':more',
      ':source 3',
      ':docs',
      ':help',
      ':bogus',
      ':source 99',
      ':quit',
      ':docs',
    ];
    const { code, stdout, stderr } = await repl(`${input.join('\n')}\n`);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).not.toContain('\u001b[');
    expect(stdout).not.toContain('Type :help for commands.');
    expectInOrder(stdout, [
      '1. “',
      `— ${TITLE}, ¶`,
      '4. “',
      `${paragraph3}\n— ${TITLE}, ¶3 · Seed article`,
      `blinken-kyiv-visit: ${TITLE} (19 paragraphs)`,
      REPL_HELP,
      'Unknown command ":bogus". Type :help for the commands.',
      `"${TITLE}" has paragraphs 1 to 19; there is no ¶99.`,
    ]);
    expect(stdout.split('(19 paragraphs)')).toHaveLength(2);
  });

  it('reads CORPUS_DIR and stops at the end of input without :quit', async () => {
    const input = ':more\nWho repaired the lighthouse lamp?\n:source 2';
    const { code, stdout, stderr } = await repl(input, { CORPUS_DIR: 'test/fixtures/corpus-eval' });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expectInOrder(stdout, [
      'Ask a question first; :more shows its next excerpts.',
      '1. “The lighthouse keeper Marta Olsen repaired the lamp on Tuesday.”',
      '— Harbour town news, ¶1 · Fixture Gazette · https://example.com/harbour',
      'The fishing fleet of twelve boats returned to port after the storm.\n— Harbour town news, ¶2',
    ]);
  });

  it('exits 1 with the corpus problem and no stack trace', async () => {
    const { code, stdout, stderr } = await repl(':quit\n', {
      CORPUS_DIR: 'test/fixtures/corpus-empty',
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'test/fixtures/corpus-empty: no article files found. Add at least one .md (with a title in ' +
        'its front matter) or .txt file.\n',
    );
  });
});

describe('createReplSession', () => {
  let qa: Answerer;
  beforeAll(async () => {
    qa = createAnswerer(await loadCorpus('test/fixtures/corpus-basic'));
  });

  it('shows a paragraph of the article named by id', async () => {
    const session = createReplSession(qa, PLAIN);
    expect((await session.handleLine(':source 2 harbour_notes')).output).toBe(
      'Boats leave before noon.\n— Harbour notes, ¶2',
    );
    expect((await session.handleLine(':source 1 nope')).output).toBe(
      'No article "nope". Type :docs for the list of article ids.',
    );
  });

  it.each([':source', ':source x', ':source 0', ':source -1'])(
    'explains the usage of %j',
    async (line) => {
      expect((await createReplSession(qa, PLAIN).handleLine(line)).output).toBe(
        'Usage: :source N [article-id], where N is a paragraph number such as 3.',
      );
    },
  );

  it('ignores blank lines and accepts command aliases', async () => {
    const session = createReplSession(qa, PLAIN);
    expect(await session.handleLine('   ')).toEqual({ output: '', quit: false });
    expect((await session.handleLine(':h')).output).toBe(REPL_HELP);
    expect(await session.handleLine(':Q')).toEqual({ output: '', quit: true });
  });

  it('styles only with the ANSI style it is given', async () => {
    const question = 'When does the harbour open?';
    expect((await createReplSession(qa, PLAIN).handleLine(question)).output).not.toContain(
      '\u001b[',
    );
    expect((await createReplSession(qa, ANSI).handleLine(question)).output).toContain('\u001b[');
  });
});
