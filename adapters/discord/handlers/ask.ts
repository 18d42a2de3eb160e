import type { ChatInputCommandInteraction } from 'discord.js';
import { answerTyped } from '../../shared/answer-flow.js';
import type { RequestOutcome } from '../../shared/request-gate.js';
import { COMMANDS } from '../commands.js';
import { type HandlerDeps, interactionReplies } from './deps.js';

/** `/ask question [private]`: the answer for the channel, or only for the asker when private. */
export async function handleAsk(
  interaction: ChatInputCommandInteraction,
  deps: HandlerDeps,
): Promise<RequestOutcome> {
  const raw = interaction.options.getString(COMMANDS.ask.question, true);
  const ephemeral = interaction.options.getBoolean(COMMANDS.ask.private) ?? false;
  return answerTyped(
    deps,
    { userId: interaction.user.id, text: raw, loggedLength: raw.length },
    interactionReplies(interaction, deps.store, ephemeral, deps.qa.documents),
  );
}
