import { type Answer, type Answerer, DEFAULT_EXCERPTS } from '../../src/index.js';
import type { RateLimiter } from '../shared/rate-limiter.js';
import { decideRequest } from '../shared/request-gate.js';
import { renderAnswer, renderParagraph, type Style } from '../terminal/render.js';

export const REPL_HELP = `Ask a question about the articles, or use a command:
  :more          next excerpts for the last question
  :source N [D]  whole paragraph N (of article D; default: the last answer's article, else the first)
  :docs          list the articles
  :help          this help
  :quit          leave (or Ctrl-D)`;

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
export const REPL_USAGE = 'Ask a question about the articles, or type :help for the commands.';

/** Options for {@link createReplSession}. */
export interface ReplSessionOptions {
  /** Limits questions per minute, like the chat bots; none by default. */
  limiter?: RateLimiter | null;
  /** Longest question answered after cleaning. @default 500 */
  maxQuestionChars?: number;
}

/** Creates a REPL session over an answerer. */
export function createReplSession(
  qa: Answerer,
  style: Style,
  top = DEFAULT_EXCERPTS,
  options: ReplSessionOptions = {},
): ReplSession {
  let last: Answer | null = null;
  const gate = { platform: 'repl', ...options };

  const ask = async (input: string): Promise<string> => {
    const decision = await decideRequest(gate, 'local', input);
    if (decision.kind === 'silent') return '';
    if (decision.kind === 'usage') return REPL_USAGE;
    if (decision.kind === 'notice') return decision.text;
    last = qa.answerQuestion(decision.question, { top });
    return renderAnswer(last, style);
  };

  const reply = (output: string, quit = false): ReplReply => ({ output, quit });

  return {
    async handleLine(line) {
      const input = line.trim();
      if (input === '') return reply('');
      if (!input.startsWith(':')) return reply(await ask(input));
      const [command = '', ...args] = input.slice(1).split(/\s+/);
      switch (command.toLowerCase()) {
        case 'help':
        case 'h':
        case '?':
          return reply(REPL_HELP);
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
        case 'more': {
          if (!last) return reply('Ask a question first; :more shows its next excerpts.');
          if (!last.hasMore) return reply('No further excerpts for that question.');
          last = qa.answerQuestion(last.question, {
            top,
            offset: last.offset + last.excerpts.length,
          });
          return reply(renderAnswer(last, style));
        }
        case 'source':
          return reply(showSource(qa, args, last));
        default:
          return reply(`Unknown command ":${command}". Type :help for the commands.`);
      }
    },
  };
}

function showSource(qa: Answerer, args: readonly string[], last: Answer | null): string {
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
  return renderParagraph(excerpt);
}
