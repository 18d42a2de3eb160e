import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src/language/text-analysis.js';
import { classifyQuestion } from '../../../src/question/classify-question.js';
import { cleanQuestion } from '../../../src/question/clean-question.js';
import { findAnswerSide } from '../../../src/question/main-verb.js';
import { DEFAULT_TUNING } from '../../../src/tuning.js';

describe('cleanQuestion', () => {
  it.each([
    ['<@123456789> where is the harbour', 'where is the harbour'],
    ['<@!123456789> where is the harbour', 'where is the harbour'],
    ['<#987654321> <@&55555> who voted', 'who voted'],
    ['<@U0123ABC|bot> who voted', 'who voted'],
    ['<!here> who voted', 'who voted'],
    ['@bot when is the vote', 'when is the vote'],
    ['when is the vote 🤔🤔', 'when is the vote'],
    ['when is the vote???!!', 'when is the vote?'],
    ['  when\tis   the\u00a0vote  ', 'when is the vote'],
    ['WHEN IS THE VOTE', 'when is the vote'],
    ['who\u200b voted\u202e', 'who voted'],
  ])('turns %j into %j', (raw, cleaned) => {
    expect(cleanQuestion(raw)).toBe(cleaned);
  });

  it('keeps acronyms in an ordinary question', () => {
    expect(cleanQuestion('Did the US vote?')).toBe('Did the US vote?');
  });
});

describe('classifyQuestion', () => {
  it.each([
    ['Who leads the council?', 'who'],
    ['Whose plan was approved?', 'who'],
    ['When did the vote happen?', 'when'],
    ['How soon will work begin?', 'when'],
    ['Where is the harbour?', 'where'],
    ['How many jobs will it create?', 'how-many'],
    ['How much will it cost?', 'how-many'],
    ['How long will construction take?', 'how-many'],
    ['What did the mayor say?', 'what'],
    ['Which fund pays for it?', 'what'],
    ['Why did two councillors change their minds?', 'why'],
    ['How did the fishermen react?', 'how'],
    ['Did the council approve the plan?', 'yes-no'],
    ['harbour vote result', 'other'],
  ])('classifies %j as %s', (question, type) => {
    expect(classifyQuestion(analyzeText(question).tokens).type).toBe(type);
  });
});

describe('findAnswerSide', () => {
  const sideOf = (question: string) => {
    const { tokens } = analyzeText(question);
    const found = findAnswerSide(
      tokens,
      classifyQuestion(tokens).whIndex,
      DEFAULT_TUNING.question.whPhraseReach,
    );
    return found && { verb: tokens[found.verb]?.text, side: found.side };
  };

  it.each([
    ['Who founded the city?', { verb: 'founded', side: 'before' }],
    ['Which French engineer designed the tower?', { verb: 'designed', side: 'before' }],
    ['What did Tesla invent in 1882?', { verb: 'invent', side: 'after' }],
    ['What was the city renamed in 1924?', { verb: 'renamed', side: 'after' }],
    // The tagger reads these verbs as nouns: the last word of the subject run stands for them.
    ['Who will the senators visit?', { verb: 'visit', side: 'after' }],
    ['What did the mayor call the plan?', { verb: 'call', side: 'after' }],
  ])('reads %j', (question, expected) => {
    expect(sideOf(question)).toEqual(expected);
  });

  it.each(['What is the capital of Norway?', 'Why did the ferry stop?', 'Is the pier open?'])(
    'does not guess for %j',
    (question) => {
      expect(sideOf(question)).toBeNull();
    },
  );
});
