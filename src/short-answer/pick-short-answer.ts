// short-answer/: candidate spans by kind (registry: span-sources.ts), and the span chosen.
// May import: retrieval, question, indexing, language, model, tuning.
import type { AnnotatedParagraph } from '../indexing/annotated-paragraphs.js';
import type { TextAnalysis, Token } from '../language/text-analysis.js';
import type { WordVectors } from '../language/word-vectors.js';
import type { WordNet } from '../language/wordnet.js';
import { softmax } from '../model/scoring.js';
import type { QuestionAnalysis } from '../question/question-analysis.js';
import type { RankedParagraph } from '../retrieval/rerank.js';
import type { Retrieval } from '../retrieval/retriever.js';
import { withPossessor } from './appositions.js';
import type { CandidateSpan, ShortAnswerTuning, SpanSearch } from './candidate-span.js';
import { yearOf } from './number-spans.js';
import {
  bestMeasures,
  commonWord,
  FeatureNames,
  type FeatureSink,
  type KindedSpan,
  measureSpan,
  type SpanMeasures,
  type SpanQuestion,
  type SpanWindow,
  spanFeatures,
} from './span-features.js';
import { SPAN_SOURCES } from './span-sources.js';

/** A window of sentences of a paragraph: the first one and how many. */
export interface SentenceWindow {
  readonly first: number;
  readonly count: number;
}

/** A short answer found in a paragraph: the verbatim span and where it sits. */
export interface ShortAnswer {
  readonly paragraph: RankedParagraph;
  readonly text: string;
  /** Character offsets in the paragraph's text. */
  readonly start: number;
  readonly end: number;
  /** The sentences that hold it, for the quote. */
  readonly window: SentenceWindow;
}

/** The best short answer of a question, and how clearly the model preferred it. */
export interface ShortAnswerPick {
  /** Null when no candidate paragraph holds a candidate span. */
  readonly best: ShortAnswer | null;
  /** The model's chance for the best among all candidates (a softmax over them). */
  readonly probability: number;
  /** The best candidate's score minus the next one's (large when it stands out). */
  readonly margin: number;
  /** How many candidates were weighed. */
  readonly candidates: number;
}

/** What picking a short answer needs besides the question. */
export interface PickParts {
  readonly wordnet: WordNet;
  readonly vectors: WordVectors;
  readonly tuning: ShortAnswerTuning;
  /** Learned weights of the span features. */
  readonly weights: Readonly<Record<string, number>>;
  /** Paragraphs, first in the learned order, whose windows are searched. */
  readonly paragraphs: number;
}

/** One candidate as {@link forEachCandidate} offers it. */
export interface CandidateVisit {
  readonly paragraph: RankedParagraph;
  readonly span: KindedSpan;
  readonly text: string;
  /** Computes the candidate's features into a sink. */
  features(sink: FeatureSink): void;
}

/** One table of feature names for the process: names do not depend on the corpus. */
const FEATURE_NAMES = new FeatureNames();

/** A margin this large reads as "no rival at all" (a single candidate). */
const NO_RIVAL = 10;

/**
 * Weighs every candidate span of the first paragraphs' windows with the learned model and
 * returns the best.
 */
export function pickShortAnswer(
  question: QuestionAnalysis,
  retrieval: Retrieval,
  parts: PickParts,
): ShortAnswerPick {
  const scores: number[] = [];
  let best: { visit: CandidateVisit; score: number } | null = null;
  // The running sum lives in a typed array: a number variable that a closure updates is boxed
  // anew on every update, one allocation per feature of every candidate.
  const sum = new Float64Array(1);
  const add: FeatureSink = (name, value) => {
    sum[0] = (sum[0] as number) + (parts.weights[name] ?? 0) * value;
  };
  forEachCandidate(question, retrieval, parts, (visit) => {
    sum[0] = 0;
    visit.features(add);
    const score = sum[0] as number;
    scores.push(score);
    if (!best || score > best.score) best = { visit, score };
  });
  const chosen = best as { visit: CandidateVisit; score: number } | null;
  if (!chosen) return { best: null, probability: 0, margin: 0, candidates: 0 };
  const chances = softmax(scores);
  const sorted = [...scores].sort((a, b) => b - a);
  return {
    best: toShortAnswer(chosen.visit),
    probability: Math.max(...chances),
    margin: sorted.length > 1 ? (sorted[0] as number) - (sorted[1] as number) : NO_RIVAL,
    candidates: scores.length,
  };
}

/**
 * Offers each candidate span of the windows (the best window and a sentence either side) of the
 * first `parts.paragraphs` paragraphs, once per token range, to `visit`. Training reads the
 * features through the same function the answerer scores them with.
 */
export function forEachCandidate(
  question: QuestionAnalysis,
  retrieval: Retrieval,
  parts: Omit<PickParts, 'weights'>,
  visit: (candidate: CandidateVisit) => void,
): void {
  const { terms } = retrieval;
  const { wordnet, vectors, tuning } = parts;
  const focus = question.focus;
  const spanQuestion: SpanQuestion = {
    analysis: question,
    terms,
    wordnet,
    vectors,
    tuning,
    names: FEATURE_NAMES,
    importance: retrieval.words.reduce((sum, w) => sum + w.importance, 0),
    focusFile: focus ? (wordnet.nounKinds(focus.lemma, 1)[0] ?? 'none') : 'no-focus',
    focusWord: focus ? commonWord(focus, vectors) : null,
  };
  const search: SpanSearch = { wordnet, titles: terms.describedName !== null, tuning };
  const top = retrieval.ranked[0]?.learnedScore ?? 0;
  const found: { span: KindedSpan; window: SpanWindow; own: SpanMeasures }[] = [];
  retrieval.ranked.slice(0, parts.paragraphs).forEach((ranked, rank) => {
    const { sentences } = ranked.paragraph.analysis;
    const firstSentence = Math.max(0, ranked.window.first - 1);
    const lastSentence = Math.min(sentences.length - 1, ranked.window.first + ranked.window.count);
    const from = sentences[firstSentence]?.firstToken ?? 0;
    const to = sentences[lastSentence]?.endToken ?? 0;
    const window = describeWindow(ranked, rank, top, from, to, retrieval);
    const withOwner = terms.describedName !== null;
    for (const span of candidateSpans(ranked.paragraph, from, to, search, withOwner)) {
      found.push({ span, window, own: measureSpan(span, spanQuestion, window) });
    }
  });
  if (found.length === 0) return;
  const best = bestMeasures(found.map((f) => f.own));
  for (const { span, window, own } of found) {
    const { paragraph } = window.paragraph;
    const { tokens } = paragraph.analysis;
    visit({
      paragraph: window.paragraph,
      span,
      text: paragraph.text.slice(
        (tokens[span.firstToken] as Token).start,
        (tokens[span.endToken - 1] as Token).end,
      ),
      features: (sink) => spanFeatures(span, spanQuestion, window, { own, best }, sink),
    });
  }
}

/**
 * Spans found before, per tuning and paragraph analysis: they depend on the text, not the
 * question, and a bot asked about one article searches the same few windows again and again.
 * Weak keys, so a paragraph's spans go when the index drops its decoded analysis.
 */
const foundSpans = new WeakMap<
  ShortAnswerTuning,
  WeakMap<TextAnalysis, Map<string, KindedSpan[]>>
>();

/** Every source's spans in tokens [from, to), one per token range with all its kinds. */
function candidateSpans(
  paragraph: AnnotatedParagraph,
  from: number,
  to: number,
  search: SpanSearch,
  withOwner: boolean,
): readonly KindedSpan[] {
  let byAnalysis = foundSpans.get(search.tuning);
  if (!byAnalysis) {
    byAnalysis = new WeakMap();
    foundSpans.set(search.tuning, byAnalysis);
  }
  const { analysis } = paragraph;
  let byWindow = byAnalysis.get(analysis);
  if (!byWindow) {
    byWindow = new Map();
    byAnalysis.set(analysis, byWindow);
  }
  const key = `${from}:${to}:${search.titles}:${withOwner}`;
  let spans = byWindow.get(key);
  if (!spans) {
    spans = findSpans(paragraph, from, to, search, withOwner);
    byWindow.set(key, spans);
  }
  return spans;
}

function findSpans(
  paragraph: AnnotatedParagraph,
  from: number,
  to: number,
  search: SpanSearch,
  withOwner: boolean,
): KindedSpan[] {
  const { tokens } = paragraph.analysis;
  const byRange = new Map<string, { span: CandidateSpan; kinds: string[] }>();
  const add = (span: CandidateSpan) => {
    const key = `${span.firstToken}:${span.endToken}`;
    const found = byRange.get(key);
    if (!found) byRange.set(key, { span, kinds: [span.kind] });
    else if (!found.kinds.includes(span.kind)) found.kinds.push(span.kind);
  };
  for (const source of SPAN_SOURCES) {
    for (const span of source.find(paragraph, from, to, search)) {
      add(span);
      // "What year…" is often answered by the year of a date ("2014" of "June 4, 2014").
      const year = span.kind === 'time' ? yearOf(tokens, span) : null;
      if (year) add({ ...span, ...year, head: year.firstToken });
      // "Who is X?" is answered by the role with its owner ("Kenya's top diplomat").
      if (withOwner) add({ ...span, ...withPossessor(tokens, span) });
    }
  }
  return [...byRange.values()].map(({ span, kinds }) => ({ ...span, kinds }));
}

function describeWindow(
  paragraph: RankedParagraph,
  rank: number,
  top: number,
  from: number,
  to: number,
  retrieval: Retrieval,
): SpanWindow {
  const { tokens } = paragraph.paragraph.analysis;
  const { evidence: evidenceOf, verbSide } = retrieval.terms;
  const evidence: { at: number; weight: number }[] = [];
  const verbs: number[] = [];
  let totalEvidence = 0;
  for (let t = from; t < to; t += 1) {
    const token = tokens[t] as Token;
    const weight = token.term && !token.isStopWord ? (evidenceOf.get(token.term) ?? 0) : 0;
    if (weight > 0) {
      evidence.push({ at: t, weight });
      totalEvidence += weight;
    }
    if (verbSide?.terms.has(token.term)) verbs.push(t);
  }
  return { paragraph, rank, gap: paragraph.learnedScore - top, evidence, totalEvidence, verbs };
}

function toShortAnswer(visit: CandidateVisit): ShortAnswer {
  const { paragraph, span, text } = visit;
  const { tokens } = paragraph.paragraph.analysis;
  const first = tokens[span.firstToken] as Token;
  const last = tokens[span.endToken - 1] as Token;
  return {
    paragraph,
    text,
    start: first.start,
    end: last.end,
    window: { first: first.sentence, count: last.sentence - first.sentence + 1 },
  };
}
