import type { QuestionType } from './answer-schema.js';
import type { AnnotatedParagraph } from './annotated-corpus.js';

const ENTITY_TYPES: Partial<Record<QuestionType, readonly string[]>> = {
  when: ['DATE', 'TIME'],
  'how-many': ['CARDINAL', 'MONEY', 'PERCENT', 'DURATION', 'QUANTITY'],
};

/**
 * Finds a short answer span in `paragraph` for the question type, verbatim, or null when no span
 * of the expected kind is there.
 */
export function extractShortAnswer(
  paragraph: AnnotatedParagraph,
  type: QuestionType,
  _matched: ReadonlySet<string>,
): string | null {
  const wanted = ENTITY_TYPES[type];
  if (!wanted) return null;
  const entity = paragraph.analysis.entities.find((e) => wanted.includes(e.type));
  return entity ? paragraph.text.slice(entity.start, entity.end) : null;
}
