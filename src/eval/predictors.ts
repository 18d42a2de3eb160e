// eval/: scoring answers against gold question files: SQuAD metrics, ranks, the baseline.
// May import: answerer.ts, corpus, the answer contract (never index.ts).
import type { Answerer } from '../answerer.js';
import type { Corpus } from '../corpus/load-corpus.js';
import type { SquadArticle } from './eval-files.js';
import { classifyQuestionWord, QUESTION_WORDS } from './question-word.js';
import { type GoldQuestion, type Prediction, RANK_CUTOFF } from './scoring.js';

/**
 * Wraps an {@link Answerer} as an evaluation predictor: one question asked once for the top
 * {@link RANK_CUTOFF} excerpts, each quote checked against the corpus it claims to come from.
 *
 * With `probe` (the same answerer but showing every best short answer: its model's answer
 * threshold at 0), a question whose short answer was held back is asked again of the probe, so
 * that the evaluation sees that answer too, for the coverage/precision curve; everything else
 * is the answerer's own reply.
 */
export function createAnswererPredictor(
  qa: Answerer,
  probe?: Answerer,
): (question: string) => Prediction {
  const paragraphsById = new Map(qa.documents.map((d) => [d.id, d.paragraphs]));
  return (question) => {
    const answer = qa.answerQuestion(question, { top: RANK_CUTOFF });
    const confidence = answer.confidence.answer;
    const heldBack = answer.answered && answer.answer === null && confidence !== null;
    const candidate =
      heldBack && probe ? probe.answerQuestion(question, { top: 1 }).answer : answer.answer;
    return {
      paragraphs: answer.excerpts.map((e) => e.paragraph),
      answered: answer.answered,
      answer: answer.answer,
      candidate,
      confidence,
      verbatim: answer.excerpts.map(
        (e) =>
          e.text.includes(e.quote) &&
          paragraphsById.get(e.documentId)?.[e.paragraph - 1] === e.text,
      ),
      ...(answer.excerpts[0] ? { quote: answer.excerpts[0].quote } : {}),
    };
  };
}

/** White space as a text file of the article would hold it (and as trust.mjs writes it). */
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * A SQuAD article as a corpus of its own, one document whose paragraphs are the article's (white
 * space collapsed, as in a text file of the article).
 */
export function createSquadCorpus(article: SquadArticle): Corpus {
  return {
    dir: `squad:${article.title}`,
    documents: [
      {
        id: article.title,
        title: article.title.replace(/_/g, ' '),
        source: null,
        url: null,
        published: null,
        file: `${article.title}.txt`,
        paragraphs: article.paragraphs.map(collapse),
      },
    ],
  };
}

/**
 * A SQuAD article's questions as gold questions, typed by wh-word; unanswerable SQuAD 2.0
 * questions get no gold paragraph.
 */
export function toSquadGoldQuestions(article: SquadArticle): GoldQuestion[] {
  return article.questions.map((q) => ({
    id: q.id,
    question: collapse(q.question),
    type: classifyQuestionWord(q.question),
    paragraphs: q.unanswerable ? [] : [q.paragraph],
    answers: q.unanswerable ? [] : q.answers,
  }));
}

/**
 * The first `count` answerable questions of `other`, as off-topic questions for a corpus that
 * is another article: the corpus does not answer them (as trust.mjs's `--cross`).
 */
export function toOffTopicQuestions(other: SquadArticle, count: number): GoldQuestion[] {
  return other.questions
    .filter((q) => !q.unanswerable)
    .slice(0, count)
    .map((q) => ({
      id: `${q.id}@off-topic`,
      question: collapse(q.question),
      type: 'off-topic',
      paragraphs: [],
      answers: [],
      offTopic: true,
    }));
}

/** The order of the per-type breakdown of a SQuAD run. */
export const SQUAD_TYPE_ORDER: readonly string[] = QUESTION_WORDS;
