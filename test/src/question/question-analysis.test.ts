import { describe, expect, it } from 'vitest';
import { openWordNet } from '../../../src/language/wordnet.js';
import { analyzeQuestion } from '../../../src/question/question-analysis.js';
import { DEFAULT_TUNING } from '../../../src/tuning.js';

describe('analyzeQuestion', () => {
  const wordnet = openWordNet(DEFAULT_TUNING.language.wordnet);
  const analyse = (question: string) => analyzeQuestion(question, wordnet, DEFAULT_TUNING.question);

  it('cleans the question before it reads it', () => {
    const question = analyse('<@123> WHO LEADS THE COUNCIL???');
    expect(question.cleaned).toBe('who leads the council?');
    expect(question.type).toBe('who');
    expect(question.tokens[question.whIndex]?.text).toBe('who');
  });

  it('retypes a what-question by the noun right after the wh-word', () => {
    const question = analyse('Which city did the minister visit?');
    expect(question.type).toBe('where');
    expect(question.focus?.text).toBe('city');
    expect(question.wants).toBe('where');
  });

  it('keeps the type when the noun does not follow the wh-word directly', () => {
    const question = analyse('Which of the cities did the minister visit?');
    expect(question.type).toBe('what');
    expect(question.whWord).toBe('which');
  });

  it('finds the main verb and the side of it the answer stands on', () => {
    const before = analyse('Who founded the city?');
    expect(before.mainVerb?.text).toBe('founded');
    expect(before.side?.side).toBe('before');
    expect(analyse('What did the mayor announce?').side?.side).toBe('after');
    expect(analyse('What is the capital?').mainVerb).toBeNull();
  });

  it('tells an action, an amount and a plain what apart', () => {
    expect(analyse('What were the divers sent there to do?').wants).toBe('action');
    expect(analyse('What percentage of the vote did she win?').wants).toBe('amount');
    expect(analyse('What is the weight of a bushel in pounds?').wants).toBe('amount');
    expect(analyse('What did the mayor announce?').wants).toBe('what');
  });

  it('keeps the wh-word itself, a feature of the learned models', () => {
    expect(analyse('When did the vote happen?').whWord).toBe('when');
    expect(analyse('How many ferries run?').whWord).toBe('how many');
    expect(analyse('The ferries run on what days?').whWord).toBe('what');
  });

  it('reads the thing a name-of question names, and whether it is a name itself', () => {
    expect(analyse('What is the name of the ferry operator?').namedThing).toMatchObject({
      token: { text: 'operator' },
      isName: false,
    });
    expect(analyse("What is Okafor's first name?").namedThing).toMatchObject({
      token: { text: 'Okafor' },
      isName: true,
    });
  });

  it('reads the name a who-is question asks about', () => {
    expect(analyse('Who is Maria Okafor?').describedName?.map((t) => t.text)).toEqual([
      'Maria',
      'Okafor',
    ]);
    expect(analyse('Who is the mayor?').describedName).toBeNull();
  });

  it('notices plural questions, negation and the named subject', () => {
    expect(analyse('Who were the announcers?').asksMany).toBe(true);
    expect(analyse('Which players scored?').asksMany).toBe(true);
    expect(analyse('Who scored?').asksMany).toBe(false);
    expect(analyse("Why couldn't the talks settle it?").negated).toBe(true);
    expect(analyse('What did UNESCO decide?').subjectNames.map((t) => t.text)).toEqual(['UNESCO']);
  });
});
