import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answerer, type ArticleDocument, loadCorpus } from '../../../src/index.js';

/**
 * The corpus the suite asks about: a harbour article with mention bait in its title, URL and
 * text, and a logbook whose first paragraph is one 5,000-character sentence.
 */
const CONTRACT_CORPUS = 'test/fixtures/adapter-contract';

/** Answering throws inside the core for any question containing this word. */
const FAILING_WORD = 'explode';

/** The error the failing core throws. */
const INJECTED_FAILURE = 'injected failure';

/** `qa`, except that a question containing {@link FAILING_WORD} throws {@link INJECTED_FAILURE}. */
function injectFailure(qa: Answerer): Answerer {
  return {
    documents: qa.documents,
    getParagraph: (id, number) => qa.getParagraph(id, number),
    answerQuestion(question, options) {
      if (question.includes(FAILING_WORD)) throw new Error(INJECTED_FAILURE);
      return qa.answerQuestion(question, options);
    },
  };
}

/** One quoted excerpt of a reply, read back from the platform markup. */
export interface SeenExcerpt {
  /** The quote with the markup's escapes undone and any cut-off ellipsis dropped. */
  quote: string;
  /** True when the quote was cut to fit (it ended with an ellipsis). */
  cut: boolean;
  /** The attribution's article title, escapes undone. */
  title: string;
  /** The attribution's ¶ number. */
  paragraph: number;
}

/** One reply as the person sees it, read back from what the bot sent the platform double. */
export interface SeenReply {
  /** Every text the platform shows, in order, as sent (escaped). */
  texts: string[];
  excerpts: SeenExcerpt[];
  /** Each text field and the platform's limit for it. */
  fields: { name: string; length: number; limit: number }[];
  /** Whatever in the reply could ping someone (mention markup, mention settings); empty when nothing can. */
  pings: string[];
  /** The whole payload as sent, for what must never reach a person (error details). */
  raw: string;
  /** Presses the reply's **More** button; absent when it has none. */
  more?: () => Promise<SeenReply>;
}

/** A running bot on one platform, as the contract drives it. */
export interface ContractSession {
  /** For each of the driver's entries: asks `question` that way and resolves with the reply. */
  asks: Record<string, (question: string) => Promise<SeenReply>>;
  /** The bot's log lines so far, parsed. */
  logs(): readonly Record<string, unknown>[];
  stop(): Promise<void>;
}

/** How the contract reaches one platform's bot. */
export interface AdapterDriver {
  platform: string;
  /** The ways a person asks on this platform (a mention, a DM, a slash command…). */
  entries: readonly string[];
  /**
   * Starts the real bot against fresh local doubles on 127.0.0.1, answering from `corpus` with
   * the answerer `wrap` makes of the real one (the contract's makes some questions fail).
   */
  start(options: { corpus: string; wrap: (qa: Answerer) => Answerer }): Promise<ContractSession>;
}

/**
 * Registers what every chat adapter must do, whatever its platform, for one platform: run end to
 * end against its real client library and local protocol doubles through `driver`, for each way
 * a person can ask there.
 */
export function runAdapterContract(driver: AdapterDriver): void {
  describe(`${driver.platform} adapter contract`, () => {
    let session: ContractSession;
    let documents: readonly ArticleDocument[];
    beforeAll(async () => {
      documents = (await loadCorpus(CONTRACT_CORPUS)).documents;
      session = await driver.start({ corpus: CONTRACT_CORPUS, wrap: injectFailure });
    });
    afterAll(async () => {
      await session?.stop();
    });

    /** Every excerpt quotes its paragraph verbatim and names the article and ¶ it came from. */
    const expectAttributedQuotes = (reply: SeenReply) => {
      expect(reply.excerpts.length).toBeGreaterThan(0);
      for (const excerpt of reply.excerpts) {
        const document = documents.find((d) => d.title === excerpt.title);
        expect(document, `an article titled ${excerpt.title}`).toBeDefined();
        expect(document?.paragraphs[excerpt.paragraph - 1]).toContain(excerpt.quote);
      }
    };
    const cited = (reply: SeenReply) => reply.excerpts.map((e) => `${e.title} ¶${e.paragraph}`);

    describe.each(driver.entries)('asked by %s', (entry) => {
      const ask = (question: string) => {
        const asking = session.asks[entry];
        if (!asking) throw new Error(`the ${driver.platform} driver cannot ask by ${entry}`);
        return asking(question);
      };

      it('answers with verbatim excerpts attributed to their article and paragraph', async () => {
        const reply = await ask('When do the harbour works start?');
        expectAttributedQuotes(reply);
        expect(reply.texts.join('\n')).not.toMatch(/not in the article/i);
      });

      it('says plainly when the article does not answer', async () => {
        const reply = await ask('What is the recipe for sourdough bread?');
        expect(reply.texts.join('\n')).toMatch(/not in the article/i);
      });

      it('apologises briefly when answering fails, logs why, and answers the next question', async () => {
        const failuresBefore = failures(session).length;
        const reply = await ask(`Please ${FAILING_WORD} the harbour works?`);
        expect(reply.texts.join('\n')).toMatch(/Sorry, something went wrong while answering/);
        expect(reply.excerpts).toEqual([]);
        expect(reply.raw).not.toMatch(new RegExp(`${INJECTED_FAILURE}|Error|at .*\\.ts`));
        expect(failures(session)).toHaveLength(failuresBefore + 1);

        expectAttributedQuotes(await ask('When do the harbour works start?'));
      });

      it('keeps a very long answer within the platform limits, cut with its attribution kept', async () => {
        const reply = await ask('What did the lighthouse keeper write in the logbook?');
        for (const field of reply.fields) expect(field.length).toBeLessThanOrEqual(field.limit);
        expectAttributedQuotes(reply);
        const cut = reply.excerpts.find((e) => e.cut);
        expect(cut, 'an excerpt cut to fit').toMatchObject({ title: 'The lighthouse logbook' });
        expect(cut?.quote.length).toBeGreaterThan(1_000);
      });

      it('pings no one, whatever mentions the question and the article hold', async () => {
        const reply = await ask(
          'What did the mayor tell the zeppelin club? @everyone @here <@123> <!channel>',
        );
        // The mention bait did reach the reply, as text.
        expect(reply.excerpts.map((e) => e.quote).join('\n')).toContain('@everyone @here <@123>');
        expect(reply.pings).toEqual([]);
      });

      it('shows further excerpts behind More', async () => {
        const first = await ask('harbour');
        expect(first.more, 'a More button').toBeDefined();
        const next = await (first.more as () => Promise<SeenReply>)();
        expectAttributedQuotes(next);
        for (const excerpt of cited(next)) expect(cited(first)).not.toContain(excerpt);
      });
    });
  });
}

/** The error lines that report the injected failure, with the request's context. */
function failures(session: ContractSession): readonly Record<string, unknown>[] {
  return session
    .logs()
    .filter(
      (line) =>
        line.level === 50 &&
        (line.err as { message?: unknown } | undefined)?.message === INJECTED_FAILURE,
    );
}
