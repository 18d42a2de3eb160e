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
 */
export function createAnswererPredictor(qa: Answerer): (question: string) => Prediction {
  const paragraphsById = new Map(qa.documents.map((d) => [d.id, d.paragraphs]));
  return (question) => {
    const answer = qa.answerQuestion(question, { top: RANK_CUTOFF });
    return {
      paragraphs: answer.excerpts.map((e) => e.paragraph),
      answered: answer.answered,
      answer: answer.answer,
      verbatim: answer.excerpts.map(
        (e) =>
          e.text.includes(e.quote) &&
          paragraphsById.get(e.documentId)?.[e.paragraph - 1] === e.text,
      ),
      ...(answer.excerpts[0] ? { quote: answer.excerpts[0].quote } : {}),
    };
  };
}

/** A SQuAD article as a corpus of its own, one document whose paragraphs are the article's. */
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
        paragraphs: article.paragraphs,
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
    question: q.question,
    type: classifyQuestionWord(q.question),
    paragraphs: q.unanswerable ? [] : [q.paragraph],
    answers: q.unanswerable ? [] : q.answers,
  }));
}

/** The order of the per-type breakdown of a SQuAD run. */
export const SQUAD_TYPE_ORDER: readonly string[] = QUESTION_WORDS;
