import type { ChatInputCommandInteraction } from 'discord.js';
import type { RequestOutcome } from '../../shared/request-gate.js';
import { type HandlerDeps, renderHelpText, replyPrivately } from './deps.js';

/** `/help`: how to ask and the articles loaded, only for the asker. */
export async function handleHelp(
  interaction: ChatInputCommandInteraction,
  deps: HandlerDeps,
): Promise<RequestOutcome> {
  await replyPrivately(interaction, renderHelpText(deps.qa.documents));
  return { outcome: 'usage' };
}
