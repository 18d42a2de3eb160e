import type { ChatInputCommandInteraction } from 'discord.js';
import { outcomeOf, type RequestOutcome } from '../../shared/request-gate.js';
import { COMMANDS } from '../commands.js';
import { escapeMarkdown } from '../markdown.js';
import { renderParagraph } from '../render.js';
import { type HandlerDeps, replyPrivately } from './deps.js';

/**
 * `/source paragraph [article]`: the whole paragraph with its attribution (the first article
 * when none is named); a number or article that does not exist gets a private hint.
 */
export async function handleSource(
  interaction: ChatInputCommandInteraction,
  deps: HandlerDeps,
): Promise<RequestOutcome> {
  const decision = await deps.gate.decide(interaction.user.id);
  if (decision.kind === 'notice') await replyPrivately(interaction, decision.text);
  if (decision.kind !== 'answer') return outcomeOf(decision);
  const { qa } = deps;
  const number = interaction.options.getInteger(COMMANDS.source.paragraph, true);
  const id = interaction.options.getString(COMMANDS.source.article) ?? qa.documents[0]?.id;
  const document = qa.documents.find((d) => d.id === id);
  const excerpt = document ? qa.getParagraph(document.id, number) : null;
  if (excerpt) {
    await interaction.reply(renderParagraph(excerpt));
    return { outcome: 'answered', excerpts: 1 };
  }
  const notice = document
    ? `*${escapeMarkdown(document.title)}* has ${document.paragraphs.length} paragraphs; pick a number from 1 to ${document.paragraphs.length}.`
    : `There is no article "${escapeMarkdown(id ?? '')}"; pick one from the list.`;
  await replyPrivately(interaction, notice);
  return { outcome: 'other' };
}
