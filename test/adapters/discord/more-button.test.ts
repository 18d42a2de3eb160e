import { describe, expect, it } from 'vitest';
import {
  createQuestionStore,
  decodeMoreId,
  encodeMoreId,
  isMoreId,
  MAX_CUSTOM_ID_LENGTH,
} from '../../../adapters/discord/more-button.js';

describe('encodeMoreId / decodeMoreId', async () => {
  it('carries a short question inside the custom id, needing no store', async () => {
    const store = createQuestionStore();
    const id = encodeMoreId({ question: 'Who met Blinken?', offset: 3 }, store);
    expect(id).toBe('more:3:q:Who met Blinken?');
    expect(store.size).toBe(0);
    expect(await decodeMoreId(id, createQuestionStore())).toEqual({
      question: 'Who met Blinken?',
      offset: 3,
    });
  });

  it('stores a long question and keeps the id under 100 characters', async () => {
    const store = createQuestionStore();
    const question = `Why ${'exactly '.repeat(40)}did it happen?`;
    const id = encodeMoreId({ question, offset: 120 }, store);
    expect(id.length).toBeLessThanOrEqual(MAX_CUSTOM_ID_LENGTH);
    expect(await decodeMoreId(id, store)).toEqual({ question, offset: 120 });
  });

  it('reports an evicted question as expired and foreign ids as not ours', async () => {
    const store = createQuestionStore(1);
    const long = 'x'.repeat(200);
    const first = encodeMoreId({ question: `${long} 1`, offset: 3 }, store);
    encodeMoreId({ question: `${long} 2`, offset: 3 }, store);
    expect(await decodeMoreId(first, store)).toBe('expired');
    expect(await decodeMoreId('other:button', store)).toBeNull();
    expect(isMoreId(first)).toBe(true);
    expect(isMoreId('other:button')).toBe(false);
  });
});

describe('createQuestionStore', async () => {
  it('evicts the least recently used question first', async () => {
    const store = createQuestionStore(2);
    const a = store.put('a');
    const b = store.put('b');
    expect(await store.get(a)).toBe('a');
    store.put('c');
    expect(await store.get(b)).toBeUndefined();
    expect(await store.get(a)).toBe('a');
    expect(store.size).toBe(2);
  });
});
