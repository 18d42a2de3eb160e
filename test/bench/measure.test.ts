import { describe, expect, it } from 'vitest';
import type { EngineResponse } from '../../bench/engines.js';
import { isSameParagraph, scoreRetrieval } from '../../bench/measure.js';
import type { BenchQuery, QueryTarget } from '../../bench/queries.js';

const TEXTS: Record<string, string[]> = { a: ['one', 'two', 'dup'], b: ['dup', 'three'] };
const textOf = (p: QueryTarget) => TEXTS[p.documentId]?.[p.paragraph - 1];
const at = (documentId: string, paragraph: number): QueryTarget => ({ documentId, paragraph });
const query = (target: QueryTarget | null, styles: BenchQuery['styles'] = []): BenchQuery => ({
  text: 'q',
  target,
  styles,
});
const response = (hits: QueryTarget[], answered = true): EngineResponse => ({ hits, answered });

describe('isSameParagraph', () => {
  it('matches the target, or another paragraph with exactly its text', () => {
    expect(isSameParagraph(at('a', 2), at('a', 2), textOf)).toBe(true);
    expect(isSameParagraph(at('b', 1), at('a', 3), textOf)).toBe(true);
    expect(isSameParagraph(at('a', 1), at('a', 2), textOf)).toBe(false);
  });
});

describe('scoreRetrieval', () => {
  it('counts top-1 and top-10 hits over answerable questions only', () => {
    const queries = [query(at('a', 1)), query(at('a', 2)), query(at('b', 2)), query(null)];
    const eleven = Array.from({ length: 11 }, () => at('a', 1));
    const responses = [
      response([at('a', 1)]),
      response([at('a', 1), at('a', 2)]),
      response([...eleven.slice(0, 10), at('b', 2)]),
      response([], false),
    ];
    expect(scoreRetrieval(queries, responses, textOf)).toEqual({
      questions: 3,
      top1: 1 / 3,
      top10: 2 / 3,
      answered: 1,
      unanswerable: 1,
      abstained: 1,
      byStyle: {},
    });
  });

  it('measures abstention on unanswerable questions and splits hit rates by style', () => {
    const queries = [
      query(at('a', 1), ['typo']),
      query(at('a', 2), ['typo', 'lower']),
      query(null),
      query(null),
    ];
    const responses = [
      response([at('a', 1)]),
      response([at('a', 1)], false),
      response([at('a', 1)], true),
      response([], false),
    ];
    const figures = scoreRetrieval(queries, responses, textOf);
    expect(figures.answered).toBe(0.5);
    expect(figures.abstained).toBe(0.5);
    expect(figures.byStyle).toEqual({
      typo: { questions: 2, top1: 0.5, top10: 0.5 },
      lower: { questions: 1, top1: 0, top10: 0 },
    });
  });

  it('reports no abstention share when every question is answerable', () => {
    expect(scoreRetrieval([query(at('a', 1))], [response([])], textOf).abstained).toBeNull();
  });
});
