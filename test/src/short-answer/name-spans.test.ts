import { describe, expect, it } from 'vitest';
import { analyzeText, type Token } from '../../../src/language/text-analysis.js';
import { openWordNet } from '../../../src/language/wordnet.js';
import type { CandidateSpan } from '../../../src/short-answer/candidate-span.js';
import { nameCompounds, nameSpans, startsName } from '../../../src/short-answer/name-spans.js';
import { DEFAULT_TUNING } from '../../../src/tuning.js';

const wordnet = openWordNet(DEFAULT_TUNING.language.wordnet);

/** The tokens of `text` and its name spans, found where {@link startsName} says one starts. */
function nameSpansOf(text: string): { tokens: readonly Token[]; spans: CandidateSpan[] } {
  const { tokens } = analyzeText(text);
  const spans: CandidateSpan[] = [];
  for (let t = 0; t < tokens.length; t += 1) {
    if (!startsName(tokens, t)) continue;
    const found = nameSpans(
      tokens,
      t,
      tokens.length,
      wordnet,
      DEFAULT_TUNING.shortAnswer.longestName,
    );
    spans.push(...found);
    t = (found.at(-1)?.endToken ?? t + 1) - 1;
  }
  return { tokens, spans };
}

/** The text of each span. */
function textsOf(text: string, tokens: readonly Token[], spans: readonly CandidateSpan[]) {
  return spans.map((s) => text.slice(tokens[s.firstToken]?.start, tokens[s.endToken - 1]?.end));
}

/** The names of `text`. */
function names(text: string): string[] {
  const { tokens, spans } = nameSpansOf(text);
  return textsOf(text, tokens, spans);
}

describe('nameSpans', () => {
  it('splits off a title WordNet knows even when wink-nlp lemmatises it oddly ("Vice" → "vise")', () => {
    expect(names('The memo went to Vice President Ann B. Reyes on Monday.')).toEqual(
      expect.arrayContaining(['Vice President', 'Ann B. Reyes']),
    );
  });

  it('ends a name at a full stop that ends its sentence', () => {
    expect(names('The reporter was John Sutcliffe. ESPN Deportes covered the game.')).toEqual([
      'John Sutcliffe',
      'ESPN Deportes',
    ]);
  });

  it('keeps a spaced ampersand inside a name, whole', () => {
    expect(names('The trophy was made by Tiffany & Co in New York.')).toEqual([
      'Tiffany & Co',
      'New York',
    ]);
  });

  it('goes on through a capitalised word the tagger read as a verb ("Peyton Manning")', () => {
    expect(names('Denver quarterback Peyton Manning threw for 200 yards.')).toEqual([
      'Denver',
      'Peyton Manning',
    ]);
  });

  it('keeps a name with letters beyond Latin-1 whole ("Skłodowska")', () => {
    expect(names('In 1891 Maria Skłodowska-Curie moved to Paris.')).toEqual([
      'Maria Skłodowska-Curie',
      'Paris',
    ]);
  });

  it('starts a name at a capitalised word the tagger read as a verb ("Ted Ginn Jr.")', () => {
    expect(names('Newton threw a long pass to Ted Ginn Jr. on the first drive.')).toEqual([
      'Newton',
      'Ted Ginn Jr.',
    ]);
  });

  it('keeps a run split at a name WordNet knows whole as well ("New England Patriots")', () => {
    expect(names('They lost to the New England Patriots in the final.')).toEqual([
      'New England',
      'Patriots',
      'New England Patriots',
    ]);
  });

  it('joins names by "of" or "for the" when the first ends in a common noun', () => {
    const text =
      'Hymn for the Weekend was sung at the Palace of Culture and Science, and Lavrov of Russia left.';
    const { tokens, spans } = nameSpansOf(text);
    expect(textsOf(text, tokens, nameCompounds(tokens, spans, wordnet))).toEqual([
      'Hymn for the Weekend',
      'Palace of Culture and Science',
    ]);
  });
});
