import { REST } from 'discord.js';
import { ConfigError, loadCorpus, parseConfig } from '../../src/index.js';
import { type CommandSpec, HELP_FLAG, readCommandLine } from '../shared/command-line.js';
import { loadDotEnv } from '../shared/environment.js';
import { runMain } from '../shared/run-main.js';
import { buildCommands, deployCommands } from './commands.js';
import { DiscordDeployConfigSchema } from './config.js';

export const DEPLOY_USAGE = `Usage: npm run discord:deploy

Registers the bot's slash commands (/ask, /source, /help) with Discord: in the server
DISCORD_GUILD_ID when it is set (at once), else globally. Run it again when the commands or the
corpus's article list change. Reads DISCORD_TOKEN, DISCORD_CLIENT_ID, DISCORD_GUILD_ID,
DISCORD_API_URL and CORPUS_DIR from the environment or .env.

Options:
  -h, --help   show this help`;

const DEPLOY_COMMAND: CommandSpec = { command: 'npm run discord:deploy', flags: HELP_FLAG };

runMain(async () => {
  loadDotEnv();
  if (readCommandLine(DEPLOY_COMMAND, process.argv.slice(2)).values.help) {
    process.stdout.write(`${DEPLOY_USAGE}\n`);
    return;
  }
  const config = parseConfig(DiscordDeployConfigSchema, process.env, 'Discord configuration');
  const corpus = await loadCorpus(config.CORPUS_DIR);
  const commands = buildCommands(corpus.documents);
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(
    config.DISCORD_TOKEN,
  );
  const where = config.DISCORD_GUILD_ID
    ? `in server ${config.DISCORD_GUILD_ID}`
    : 'globally (every server the bot is in, and DMs)';
  let count: number;
  try {
    count = await deployCommands({
      rest,
      clientId: config.DISCORD_CLIENT_ID,
      guildId: config.DISCORD_GUILD_ID,
      commands,
    });
  } catch (error) {
    throw new ConfigError(
      `Could not register the slash commands ${where}: ${(error as Error).message}\n` +
        'Check DISCORD_TOKEN and DISCORD_CLIENT_ID (same application), DISCORD_GUILD_ID (the bot must be in that server) and DISCORD_API_URL.',
      [],
      { cause: error },
    );
  }
  process.stdout.write(`Registered ${count} slash commands ${where}.\n`);
});
