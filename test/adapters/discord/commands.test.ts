import { REST } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildCommands,
  deployCommands,
  MAX_CHOICES,
  suggestArticles,
} from '../../../adapters/discord/commands.js';
import { type ArticleDocument, loadCorpus } from '../../../src/index.js';
import { type DiscordDouble, startDiscordDouble } from './double/discord-double.js';
import { FIXTURE_CORPUS } from './harness.js';

const documents = (await loadCorpus(FIXTURE_CORPUS)).documents;

function manyDocuments(count: number): ArticleDocument[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `story-${i}`,
    title: `Story number ${i}`,
    source: null,
    url: null,
    published: null,
    file: `story-${i}.md`,
    paragraphs: ['One.'],
  }));
}

describe('buildCommands', () => {
  it('defines /ask question:<text> private:<bool> and /source paragraph:<n> article:<choice>', () => {
    const [ask, source] = buildCommands(documents);
    expect(ask?.name).toBe('ask');
    expect(ask?.options?.map((o) => [o.name, o.type, o.required ?? false])).toEqual([
      ['question', 3, true],
      ['private', 5, false],
    ]);
    expect(source?.name).toBe('source');
    const [paragraph, article] = source?.options ?? [];
    expect(paragraph).toMatchObject({ name: 'paragraph', type: 4, required: true, min_value: 1 });
    expect(article).toMatchObject({
      name: 'article',
      choices: documents.map((d) => ({ name: d.title, value: d.id })),
    });
  });

  it('switches the article option to autocomplete beyond 25 articles', () => {
    const [, source] = buildCommands(manyDocuments(MAX_CHOICES + 1));
    expect(source?.options?.[1]).toMatchObject({ name: 'article', autocomplete: true });
    expect(suggestArticles(manyDocuments(40), 'NUMBER 17')).toEqual([
      { name: 'Story number 17', value: 'story-17' },
    ]);
    expect(suggestArticles(manyDocuments(40), '')).toHaveLength(MAX_CHOICES);
  });
});

describe('deployCommands', () => {
  let double: DiscordDouble;
  let rest: REST;
  beforeEach(async () => {
    double = await startDiscordDouble();
    rest = new REST({ api: double.apiUrl }).setToken('test-token');
  });
  afterEach(async () => {
    await double.close();
  });

  it('bulk-overwrites the global commands, idempotently', async () => {
    const commands = buildCommands(documents);
    const options = { rest, clientId: double.applicationId, commands };
    expect(await deployCommands(options)).toBe(3);
    expect(await deployCommands(options)).toBe(3);
    const puts = double.requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.path)).toEqual([
      `/applications/${double.applicationId}/commands`,
      `/applications/${double.applicationId}/commands`,
    ]);
    expect(puts[0]?.body).toEqual(commands);
  });

  it('registers in one guild without install contexts when a guild is given', async () => {
    const guildId = double.guilds[0]?.id ?? '';
    await deployCommands({
      rest,
      clientId: double.applicationId,
      guildId,
      commands: buildCommands(documents),
    });
    const put = await double.waitForRequest((r) => r.method === 'PUT');
    expect(put.path).toBe(`/applications/${double.applicationId}/guilds/${guildId}/commands`);
    expect(put.body[0].contexts).toBeUndefined();
    expect(put.body[0].name).toBe('ask');
  });
});
