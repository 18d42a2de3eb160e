import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { answerFollowUp } from '../../shared/answer-flow.js';
import type { RequestOutcome } from '../../shared/request-gate.js';
import { decodeMoreId } from '../more-button.js';
import { type HandlerDeps, interactionReplies, replyPrivately } from './deps.js';

/** The reply to a **More** button whose question has left the store. */
export const EXPIRED_QUESTION = 'That question has expired, please ask again.';

/**
 * **More**: the next excerpts of the button's question, as a new message that is private when
 * the answer under the button was.
 */
export async function handleMore(
  interaction: ButtonInteraction,
  deps: HandlerDeps,
): Promise<RequestOutcome> {
  const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
  const read = async () => {
    const request = await decodeMoreId(interaction.customId, deps.store);
    return request === null || request === 'expired' ? null : request;
  };
  return answerFollowUp(deps, interaction.user.id, read, {
    ...interactionReplies(interaction, deps.store, ephemeral, deps.qa.documents),
    expired: () => replyPrivately(interaction, EXPIRED_QUESTION),
  });
}
