import { type Answer, type Answerer, DEFAULT_EXCERPTS } from '../../src/index.js';
import type { RateLimiter } from '../shared/rate-limiter.js';
import { decideRequest } from '../shared/request-gate.js';
import { corpusNoun, isHelpRequest } from '../shared/wording.js';
import { renderAnswer, renderParagraph, type Style } from '../terminal/render.js';
import { PLAIN } from '../terminal/style.js';

/** The REPL's help, for `help`, `:help` and `?`. */
export function replHelp(articleCount: number): string {
  return `Ask about ${corpusNoun(articleCount)} in your own words, such as "Who was there, and when?"
Commands:
  :more          next excerpts for the last question
  :source N [D]  paragraph N whole (of article D, else of the last answer's)
  :docs          list the articles
  :reload        read the corpus folder again and say what changed
  :help          this help (or type help)
  :quit          leave (or Ctrl-D, or Ctrl-C on an empty line twice)`;
}

/** What the REPL does with one line of input: the text to print, and whether to stop. */
export interface ReplReply {
  readonly output: string;
  readonly quit: boolean;
}

/** The REPL's state machine, free of any terminal I/O so it can be tested with plain strings. */
export interface ReplSession {
  handleLine(line: string): Promise<ReplReply>;
}

/** What the REPL says to input with nothing to ask once cleaned (only emoji, say). */
export const REPL_USAGE = 'Ask a question about the articles, or type help for the commands.';

/** Options for {@link createReplSession}. */
export interface ReplSessionOptions {
  /** @default PLAIN */
  style?: Style;
  /** Columns to wrap at, asked before each reply (the terminal may be resized). @default none */
  width?: () => number | undefined;
  /** Excerpts per answer. @default DEFAULT_EXCERPTS */
  top?: number;
  /** Limits questions per minute, like the chat bots; none by default. */
  limiter?: RateLimiter | null;
  /** Longest question answered after cleaning. @default 500 */
  maxQuestionChars?: number;
  /**
   * Reads the corpus folder again for `:reload`, and says what changed (or, when the folder no
   * longer loads, why, and that the previous corpus still answers); without it `:reload` says it
   * cannot.
   */
  reload?: () => Promise<string>;
}

/** Creates a REPL session over an answerer. */
export function createReplSession(qa: Answerer, options: ReplSessionOptions = {}): ReplSession {
  let last: Answer | null = null;
  const top = options.top ?? DEFAULT_EXCERPTS;
  const gate = { platform: 'repl', ...options };
  const view = () => ({
    style: options.style ?? PLAIN,
    width: options.width?.(),
    articleCount: qa.documents.length,
    moreHint: true,
  });

  const ask = async (input: string): Promise<string> => {
    const decision = await decideRequest(gate, 'local', input);
    if (decision.kind === 'silent') return '';
    if (decision.kind === 'usage') return REPL_USAGE;
    if (decision.kind === 'notice') return decision.text;
    last = qa.answerQuestion(decision.question, { top });
    return renderAnswer(last, view());
  };

  const reload = async (): Promise<string> => {
    if (!options.reload) return 'This session cannot reload its corpus.';
    const said = await options.reload();
    last = null;
    return said;
  };

  const reply = (output: string, quit = false): ReplReply => ({ output, quit });

  return {
    async handleLine(line) {
      const input = line.trim();
      if (input === '') return reply('');
      if (isHelpRequest(input)) return reply(replHelp(qa.documents.length));
      if (!input.startsWith(':')) return reply(await ask(input));
      const [command = '', ...args] = input.slice(1).split(/\s+/);
      switch (command.toLowerCase()) {
        case 'help':
        case 'h':
        case '?':
          return reply(replHelp(qa.documents.length));
        case 'quit':
        case 'q':
        case 'exit':
          return reply('', true);
        case 'docs':
          return reply(
            qa.documents
              .map((d) => `${d.id}: ${d.title} (${d.paragraphs.length} paragraphs)`)
              .join('\n'),
          );
        case 'reload':
          return reply(await reload());
        case 'more': {
          if (!last) return reply('Ask a question first; :more shows its next excerpts.');
          if (!last.hasMore) return reply('No further excerpts for that question.');
          last = qa.answerQuestion(last.question, {
            top,
            offset: last.offset + last.excerpts.length,
          });
          return reply(renderAnswer(last, view()));
        }
        case 'source':
          return reply(showSource(qa, args, last, view()));
        default:
          return reply(`Unknown command ":${command}". Type help for the commands.`);
      }
    },
  };
}

function showSource(
  qa: Answerer,
  args: readonly string[],
  last: Answer | null,
  view: { style: Style; width: number | undefined },
): string {
  const [numberText, documentId] = args;
  const number = Number(numberText);
  if (!numberText || !Number.isInteger(number) || number < 1) {
    return 'Usage: :source N [article-id], where N is a paragraph number such as 3.';
  }
  const document =
    (documentId && qa.documents.find((d) => d.id === documentId)) ||
    (!documentId && last?.excerpts[0]
      ? qa.documents.find((d) => d.id === last.excerpts[0]?.documentId)
      : undefined) ||
    (!documentId ? qa.documents[0] : undefined);
  if (!document) {
    return `No article "${documentId}". Type :docs for the list of article ids.`;
  }
  const excerpt = qa.getParagraph(document.id, number);
  if (!excerpt) {
    return `"${document.title}" has paragraphs 1 to ${document.paragraphs.length}; there is no ¶${number}.`;
  }
  return renderParagraph(excerpt, view);
}
