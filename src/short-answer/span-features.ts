// short-answer/: candidate spans by kind (registry: span-sources.ts), and the span chosen.
// May import: retrieval, question, indexing, language, model, tuning.
import type { Token } from '../language/text-analysis.js';
import type { WordVectors } from '../language/word-vectors.js';
import type { WordNet } from '../language/wordnet.js';
import type { QuestionAnalysis } from '../question/question-analysis.js';
import type { QuestionTerms } from '../retrieval/question-terms.js';
import type { RankedParagraph } from '../retrieval/rerank.js';
import { describesName, namesNeighbour } from './appositions.js';
import type { CandidateSpan, ShortAnswerTuning } from './candidate-span.js';
import { countsFocus } from './number-spans.js';
import {
  describesQuestionThing,
  isFocusPhrase,
  isNameList,
  isPossessor,
  repeatsQuestion,
} from './span-filters.js';
import { onVerbSide } from './verb-side.js';

/**
 * Receives a candidate's features by name: at question time it adds up the learned weights, in
 * training it records them. Names are built from general facts only (the span's kind, head,
 * length, the question's wh-word, the words around the span), never from an article's words.
 */
export type FeatureSink = (name: string, value: number) => void;

/**
 * Feature names joined once and then reused: the same few thousand names recur for every
 * candidate of every question, and building each anew was an eighth of what answering
 * allocated (and so of its pauses for garbage collection). A name reused is also looked up in
 * the weights faster, its hash already known. Bounded: the names come from closed sets (kinds,
 * wh-words, WordNet files, the 5,000 commonest words), so the cap is a guard, not a cache policy.
 */
export class FeatureNames {
  private readonly joined = new Map<string, Map<string, string>>();
  private size = 0;

  constructor(private readonly limit = 200_000) {}

  /** `first + second`, the same string object every time. */
  join(first: string, second: string): string {
    let bySecond = this.joined.get(first);
    if (!bySecond) {
      if (this.size >= this.limit) {
        this.joined.clear();
        this.size = 0;
      }
      bySecond = new Map();
      this.joined.set(first, bySecond);
    }
    let name = bySecond.get(second);
    if (name === undefined) {
      name = first + second;
      bySecond.set(second, name);
      this.size += 1;
    }
    return name;
  }
}

/** A candidate span with every kind its sources gave it (one range may be a name and a place). */
export interface KindedSpan extends CandidateSpan {
  readonly kinds: readonly string[];
}

/** What the span features read of the question, worked out once per question. */
export interface SpanQuestion {
  readonly analysis: QuestionAnalysis;
  readonly terms: QuestionTerms;
  readonly wordnet: WordNet;
  readonly vectors: WordVectors;
  readonly tuning: ShortAnswerTuning;
  /** Feature names, joined once for every question. */
  readonly names: FeatureNames;
  /** Sum of the importance of the question's words. */
  readonly importance: number;
  /** The focus noun's WordNet lexicographer file ("noun.time"), "none", or "no-focus". */
  readonly focusFile: string;
  /** The focus noun's lemma when it is a common English word, "rare", or null without one. */
  readonly focusWord: string | null;
}

/**
 * Words this common in English (rank in the word vectors' frequency list) name themselves in
 * feature names; rarer ones read as "rare", so the model learns about the language ("year",
 * "called", "in"), never about the names of one training article.
 */
const COMMON_RANK = 5_000;

/** A token's lemma for a feature name: itself when common or a function word, else "rare". */
export function commonWord(token: Token, vectors: WordVectors): string {
  if (token.isStopWord || token.pos === 'PUNCT') return token.lemma;
  const rank = vectors.rank(token.lemma);
  return rank !== undefined && rank < COMMON_RANK ? token.lemma : 'rare';
}

/** What the span features read of one candidate paragraph's window of sentences. */
export interface SpanWindow {
  readonly paragraph: RankedParagraph;
  /** Place of the paragraph in the learned order (0 = first). */
  readonly rank: number;
  /** Its re-ranker score minus the first paragraph's. */
  readonly gap: number;
  /** Tokens holding question words, with the evidence they carry. */
  readonly evidence: readonly { readonly at: number; readonly weight: number }[];
  readonly totalEvidence: number;
  /** Tokens matching the question's main verb. */
  readonly verbs: readonly number[];
}

const LENGTHS = ['1', '2', '3', '4-5', '4-5', '6-9', '6-9', '6-9', '6-9'];
const lengthBucket = (n: number) => LENGTHS[n - 1] ?? '10+';
/** The nearest question words within these distances (in tokens) of a span. */
const NEAR = 3;
const AROUND = 5;
const FAR = 10;
const CLAUSE_BREAK = /^[,;:()]$/;
/** The distance read when no question word stands in the window at all. */
const NO_WORD_NEAR = 99;

/**
 * Computes the features of one candidate span into `sink`, given its measures and the best of
 * each measure among the question's candidates.
 */
export function spanFeatures(
  span: KindedSpan,
  question: SpanQuestion,
  window: SpanWindow,
  measures: { readonly own: SpanMeasures; readonly best: SpanMeasures },
  sink: FeatureSink,
): void {
  const { analysis, wordnet, vectors } = question;
  const { paragraph } = window;
  const { tokens } = paragraph.paragraph.analysis;
  const head = tokens[span.head] as Token;
  const n = question.names;
  const wh = n.join('wh=', analysis.whWord);
  const orWh = n.join('|', wh);
  const focus = analysis.focus?.lemma ?? null;
  const focusWord = question.focusWord;
  const length = span.endToken - span.firstToken;
  const isNoun = head.pos === 'NOUN' || head.pos === 'PROPN';
  const file = isNoun ? (wordnet.nounKinds(head.lemma, 1)[0] ?? 'none') : 'not-noun';

  const focusAnd = focusWord ? n.join(n.join('focus=', focusWord), '|') : '';
  for (const kind of span.kinds) {
    const kindName = n.join('kind=', kind);
    sink(kindName, 1);
    sink(n.join(kindName, orWh), 1);
    sink(n.join(kindName, n.join('|type=', analysis.type)), 1);
    sink(n.join(kindName, n.join('|wants=', analysis.wants)), 1);
    if (focusWord) sink(n.join(focusAnd, kindName), 1);
  }
  const headName = n.join('head=', head.pos);
  const fileName = n.join('file=', file);
  sink(n.join(headName, orWh), 1);
  sink(n.join(fileName, orWh), 1);
  sink(n.join(fileName, n.join('|focus-file=', question.focusFile)), 1);
  if (file === question.focusFile) sink('file=focus-file', 1);
  const lengthName = n.join('length=', lengthBucket(length));
  sink(lengthName, 1);
  sink(n.join(lengthName, orWh), 1);
  if (focus && focusWord) {
    sink(n.join(focusAnd, headName), 1);
    sink(n.join(focusAnd, fileName), 1);
    if (head.lemma === focus) sink('head=focus', 1);
    else if (isNoun && wordnet.isKindOf(head.lemma, focus)) sink('head-is-a-focus', 1);
    sink('focus-similarity', measures.own.focusSimilarity);
  }
  ruleFeatures(span, question, window, sink);
  measureFeatures(measures.own, measures.best, sink);
  shapeFeatures(span, tokens, { wh, orWh, names: n }, vectors, sink);

  const sentence = head.sentence;
  const { first, count } = paragraph.window;
  if (sentence >= first && sentence < first + count) sink('in-window', 1);
  sink(n.join('paragraph-rank=', String(window.rank)), 1);
  sink('paragraph-gap', window.gap);
  sink('paragraph-window', paragraph.windowCoverage);
  const entity = paragraph.paragraph.analysis.entities.find(
    (e) => e.firstToken <= span.head && e.endToken > span.head,
  );
  if (entity) sink(n.join(n.join('entity=', entity.type), orWh), 1);
}

/** The hand-written span checks of the earlier chooser, now features the model weighs. */
function ruleFeatures(
  span: KindedSpan,
  question: SpanQuestion,
  window: SpanWindow,
  sink: FeatureSink,
): void {
  const { analysis, terms, wordnet, tuning } = question;
  const { tokens } = window.paragraph.paragraph.analysis;
  const { matchedTerms } = window.paragraph;
  const wh = question.names.join('wh=', analysis.whWord);
  let content = 0;
  let repeated = 0;
  for (let t = span.firstToken; t < span.endToken; t += 1) {
    const token = tokens[t] as Token;
    if (!token.term || token.isStopWord) continue;
    content += 1;
    if (
      terms.questionTerms.has(token.term) ||
      (matchedTerms.get(token.term) ?? 0) >= tuning.repeatMatch.word
    ) {
      repeated += 1;
    }
  }
  if (content > 0) sink('repeated-share', repeated / content);
  if (content > 0 && repeated === content) sink('all-repeated', 1);
  if (repeatsQuestion(tokens, span, terms, matchedTerms, tuning.repeatMatch))
    sink('repeats-question', 1);
  if (describesQuestionThing(tokens, span, terms)) sink('describes-question-thing', 1);
  if (isFocusPhrase(tokens, span, analysis.type, terms)) sink('focus-phrase', 1);
  if (isPossessor(tokens, span)) sink(question.names.join('possessor|', wh), 1);
  if (analysis.asksMany && isNameList(tokens, span)) sink('name-list-for-several', 1);
  if (terms.namedTerms) {
    sink(
      namesNeighbour(tokens, span, terms.namedTerms, tuning.nameReach)
        ? 'names-the-thing'
        : 'names-not',
      1,
    );
  }
  if (terms.describedName) {
    const role = describesName(tokens, span, terms.describedName, wordnet, tuning.roleReach);
    sink(role ? 'describes-the-name' : 'describes-not', 1);
  }
  if (analysis.type === 'how-many' && terms.focusTerms) {
    const counts = countsFocus(
      tokens,
      span,
      terms.focusTerms,
      analysis.focus?.lemma ?? null,
      tuning.unitReach,
    );
    sink(counts ? 'counts-the-focus' : 'counts-not', 1);
  }
  if (onVerbSide(tokens, span, window.verbs, terms.verbSide)) sink('verb-side', 1);
}

/**
 * The numbers about a span that the model also reads against the question's other candidates
 * ("the closest to the question's words of all"): a linear model cannot compare candidates by
 * itself.
 */
export interface SpanMeasures {
  /** Σ evidence / (1 + distance) ^ decay, over the window's evidence. */
  readonly closeness: number;
  /** Evidence within 3 and 10 tokens, and in the span's clause, over the question's importance. */
  readonly near: number;
  readonly within10: number;
  readonly inClause: number;
  /** Evidence within 5 tokens before and after. */
  readonly before: number;
  readonly after: number;
  /** log(1 + tokens to the nearest question word). */
  readonly nearest: number;
  /** Share of the question the span's sentence holds. */
  readonly sentenceCoverage: number;
  /** Word-vector similarity of the span's head to the question's focus noun (0 without one). */
  readonly focusSimilarity: number;
}

/** The measures compared across a question's candidates. */
const COMPARED = [
  'closeness',
  'near',
  'within10',
  'inClause',
  'sentenceCoverage',
  'focusSimilarity',
] as const;

const BEHIND_BEST = Object.fromEntries(
  COMPARED.map((key) => [key, `${key}-behind-best`]),
) as Record<(typeof COMPARED)[number], string>;
const IS_BEST = Object.fromEntries(COMPARED.map((key) => [key, `${key}-is-best`])) as Record<
  (typeof COMPARED)[number],
  string
>;

/** The {@link SpanMeasures} of one candidate. */
export function measureSpan(
  span: KindedSpan,
  question: SpanQuestion,
  window: SpanWindow,
): SpanMeasures {
  const { tokens } = window.paragraph.paragraph.analysis;
  const place = span.anchor ?? span;
  const head = tokens[span.head] as Token;
  const sentence = head.sentence;
  const inSentence = (t: number) =>
    (tokens[t] as Token).sentence === sentence && !CLAUSE_BREAK.test((tokens[t] as Token).text);
  let clauseStart = span.firstToken - 1;
  while (clauseStart >= 0 && inSentence(clauseStart)) clauseStart -= 1;
  let clauseEnd = span.endToken;
  while (clauseEnd < tokens.length && inSentence(clauseEnd)) clauseEnd += 1;
  let decayed = 0;
  let nearest = Number.POSITIVE_INFINITY;
  let before = 0;
  let after = 0;
  let near = 0;
  let far = 0;
  let clause = 0;
  for (const { at, weight } of window.evidence) {
    if (at >= place.firstToken && at < place.endToken) continue;
    const distance = at < place.firstToken ? place.firstToken - at : at - place.endToken + 1;
    decayed += weight / (1 + distance) ** question.tuning.distanceDecay;
    nearest = Math.min(nearest, distance);
    if (distance <= AROUND) {
      if (at < place.firstToken) before += weight;
      else after += weight;
    }
    if (distance <= NEAR) near += weight;
    if (distance <= FAR) far += weight;
    if (at > clauseStart && at < clauseEnd) clause += weight;
  }
  const total = question.importance || 1;
  const focus = question.analysis.focus?.lemma;
  return {
    closeness: decayed / (window.totalEvidence || 1),
    near: near / total,
    within10: far / total,
    inClause: clause / total,
    before: before / total,
    after: after / total,
    nearest: Math.log1p(Number.isFinite(nearest) ? nearest : NO_WORD_NEAR),
    sentenceCoverage: window.paragraph.sentenceCoverage[sentence] ?? 0,
    focusSimilarity: focus ? (question.vectors.similarity(head.lemma, focus) ?? 0) : 0,
  };
}

/** The largest of each measure over a question's candidates. */
export function bestMeasures(all: readonly SpanMeasures[]): SpanMeasures {
  const best = { ...(all[0] as SpanMeasures) };
  const keys = Object.keys(best) as (keyof SpanMeasures)[];
  for (const m of all) {
    for (const key of keys) best[key] = Math.max(best[key], m[key]);
  }
  return best;
}

function measureFeatures(measures: SpanMeasures, best: SpanMeasures, sink: FeatureSink): void {
  sink('closeness', measures.closeness);
  sink('words-near', measures.near);
  sink('words-within-10', measures.within10);
  sink('words-in-clause', measures.inClause);
  sink('words-before', measures.before);
  sink('words-after', measures.after);
  sink('nearest-word', measures.nearest);
  sink('sentence-coverage', measures.sentenceCoverage);
  for (const key of COMPARED) {
    const behind = measures[key] - best[key];
    sink(BEHIND_BEST[key], behind);
    if (behind >= -1e-9) sink(IS_BEST[key], 1);
  }
}

/** What the span looks like: lists, commas, names, brackets, the words just outside it. */
function shapeFeatures(
  span: KindedSpan,
  tokens: readonly Token[],
  asked: { readonly wh: string; readonly orWh: string; readonly names: FeatureNames },
  vectors: WordVectors,
  sink: FeatureSink,
): void {
  const { wh, orWh } = asked;
  const join = (first: string, second: string) => asked.names.join(first, second);
  let coordinated = false;
  let comma = false;
  let names = 0;
  for (let t = span.firstToken; t < span.endToken; t += 1) {
    const token = tokens[t] as Token;
    if (token.pos === 'CCONJ') coordinated = true;
    if (token.text === ',') comma = true;
    if (token.pos === 'PROPN') names += 1;
  }
  if (coordinated) sink('has-conjunction', 1);
  if (comma) sink('has-comma', 1);
  sink('name-share', names / (span.endToken - span.firstToken));
  const first = tokens[span.firstToken] as Token;
  if (first.pos === 'DET') sink('starts-with-determiner', 1);
  if (first.pos === 'ADP') sink(join('starts-with-preposition|', wh), 1);
  if (tokens[span.firstToken - 1]?.text === '(') sink('in-brackets', 1);
  const previous = tokens[span.firstToken - 1];
  if (previous) sink(join(join('before=', commonWord(previous, vectors)), orWh), 1);
  const next = tokens[span.endToken];
  if (next) sink(join(join('after=', commonWord(next, vectors)), orWh), 1);
}
