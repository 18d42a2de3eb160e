import { describe, expect, it } from 'vitest';
import {
  type MessageFacts,
  questionFromMessage,
} from '../../../../adapters/discord/handlers/message.js';

const BOT = '111111111111111111';
const facts = (overrides: Partial<MessageFacts>): MessageFacts => ({
  authorIsBot: false,
  isSystem: false,
  isDirect: false,
  content: `<@${BOT}> Who met Blinken?`,
  mentionedUserIds: [BOT],
  ...overrides,
});

describe('questionFromMessage', () => {
  it('takes the question from a direct mention, without the mention', () => {
    expect(questionFromMessage(facts({}), BOT)).toBe('Who met Blinken?');
    expect(questionFromMessage(facts({ content: `Who met <@!${BOT}> Blinken?` }), BOT)).toBe(
      'Who met   Blinken?',
    );
  });

  it('answers every direct message, mention or not', () => {
    expect(
      questionFromMessage(facts({ isDirect: true, content: 'Who?', mentionedUserIds: [] }), BOT),
    ).toBe('Who?');
  });

  it('ignores bots (itself included), system messages and guild messages without a direct mention', () => {
    expect(questionFromMessage(facts({ authorIsBot: true }), BOT)).toBeNull();
    expect(questionFromMessage(facts({ isSystem: true }), BOT)).toBeNull();
    expect(
      questionFromMessage(facts({ content: '@everyone who?', mentionedUserIds: [] }), BOT),
    ).toBeNull();
    expect(
      questionFromMessage(facts({ content: '<@&222> who?', mentionedUserIds: ['333'] }), BOT),
    ).toBeNull();
  });

  it('returns an empty question for a bare mention', () => {
    expect(questionFromMessage(facts({ content: `<@${BOT}>` }), BOT)).toBe('');
  });
});
