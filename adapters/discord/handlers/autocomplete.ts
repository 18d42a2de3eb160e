import type { AutocompleteInteraction } from 'discord.js';
import type { RequestOutcome } from '../../shared/request-gate.js';
import { suggestArticles } from '../commands.js';
import type { HandlerDeps } from './deps.js';

/** The `/source` article option as the user types: matching article titles, never rate-limited. */
export async function handleAutocomplete(
  interaction: AutocompleteInteraction,
  deps: HandlerDeps,
): Promise<RequestOutcome> {
  await interaction.respond(
    suggestArticles(deps.qa.documents, String(interaction.options.getFocused())),
  );
  return { outcome: 'ignored' };
}
