import type { QuestionType } from './answer-schema.js';
import type { AnnotatedParagraph } from './annotated-corpus.js';
import { type CandidateSpan, KINDS_FOR_TYPE, findCandidateSpans } from './answer-spans.js';
import type { Token } from './language.js';
import type { WordNet } from './wordnet.js';

/** The question facts that steer the choice of a short answer. */
export interface AnswerTarget {
  readonly type: QuestionType;
  /** Terms of the question's content words; a span made only of them is no answer. */
  readonly questionTerms: ReadonlySet<string>;
  /** Paragraph terms that matched the question, with their strength. */
  readonly matchedTerms: ReadonlyMap<string, number>;
  /** For how-many questions: the terms that the counted thing may be ("soldiers" ~ "troops"). */
  readonly focusTerms: ReadonlySet<string> | null;
}

/** A chosen short answer: the verbatim span and where it sits. */
export interface ShortAnswer {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** How far (in tokens) a counted noun may follow its number. */
const UNIT_REACH = 3;

/**
 * Picks the span of the window (`first`, `count` sentences) that answers the question: of the
 * kind the question asks for, not merely repeating the question, closest to the matched words.
 * Returns null when no such span exists, which also tells the caller the window does not answer.
 */
export function findShortAnswer(
  paragraph: AnnotatedParagraph,
  window: { readonly first: number; readonly count: number },
  target: AnswerTarget,
  wordnet: WordNet,
): ShortAnswer | null {
  const kinds = KINDS_FOR_TYPE[target.type];
  if (!kinds) return null;
  const { sentences, tokens } = paragraph.analysis;
  const first = sentences[window.first];
  const last = sentences[window.first + window.count - 1] ?? first;
  if (!first || !last) return null;

  const matchedPositions: number[] = [];
  for (let t = first.firstToken; t < last.endToken; t += 1) {
    const term = tokens[t]?.term;
    if (term && !tokens[t]?.isStopWord && target.matchedTerms.has(term)) matchedPositions.push(t);
  }

  let best: { span: CandidateSpan; score: number } | null = null;
  for (const span of findCandidateSpans(paragraph, first.firstToken, last.endToken, wordnet)) {
    const rank = kinds.indexOf(span.kind);
    if (rank < 0 || repeatsQuestion(tokens, span, target)) continue;
    if (
      target.type === 'how-many' &&
      target.focusTerms &&
      !countsFocus(tokens, span, target.focusTerms)
    ) {
      continue;
    }
    const distance = Math.min(
      ...matchedPositions.map((p) =>
        p < span.firstToken ? span.firstToken - p : p >= span.endToken ? p - span.endToken + 1 : 0,
      ),
      50,
    );
    const score = -rank * 3 - distance;
    if (!best || score > best.score) best = { span, score };
  }
  if (!best) return null;
  const start = (tokens[best.span.firstToken] as Token).start;
  const end = (tokens[best.span.endToken - 1] as Token).end;
  return { text: paragraph.text.slice(start, end), start, end };
}

function repeatsQuestion(
  tokens: readonly Token[],
  span: CandidateSpan,
  target: AnswerTarget,
): boolean {
  let content = 0;
  let repeated = 0;
  for (let t = span.firstToken; t < span.endToken; t += 1) {
    const token = tokens[t] as Token;
    if (!token.term || token.isStopWord) continue;
    content += 1;
    if (target.questionTerms.has(token.term) || (target.matchedTerms.get(token.term) ?? 0) >= 0.6) {
      repeated += 1;
    }
  }
  return content > 0 && repeated === content;
}

function countsFocus(
  tokens: readonly Token[],
  span: CandidateSpan,
  focus: ReadonlySet<string>,
): boolean {
  for (let t = span.firstToken; t < Math.min(tokens.length, span.endToken + UNIT_REACH); t += 1) {
    const token = tokens[t] as Token;
    if (t >= span.endToken && token.pos === 'PUNCT' && token.text !== '-') break;
    if (token.term && focus.has(token.term)) return true;
  }
  return false;
}
