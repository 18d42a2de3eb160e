// Sparse feature vectors of many candidates, packed in large typed arrays (a million candidates
// of 45 features each would be 45 million small objects as Maps), with their names numbered.
import type { SparseVector } from './softmax-regression.js';

const CHUNK = 1 << 22;

/** Numbers feature names and packs vectors; counts how often each feature occurs. */
export class SparseStore {
  readonly names: string[] = [];
  readonly counts: number[] = [];
  private readonly ids = new Map<string, number>();
  private indexes = new Int32Array(CHUNK);
  private values = new Float32Array(CHUNK);
  private used = 0;
  private pendingIndex: number[] = [];
  private pendingValue: number[] = [];

  /** The id of a feature name, numbering it on first sight. */
  idOf(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
      this.counts.push(0);
    }
    return id;
  }

  /** Adds one feature to the vector being built. */
  add(name: string, value: number): void {
    this.pendingIndex.push(this.idOf(name));
    this.pendingValue.push(value);
  }

  /** Ends the vector being built and returns it; `counted` adds it to the feature counts. */
  finish(counted: boolean): SparseVector {
    const size = this.pendingIndex.length;
    if (this.used + size > this.indexes.length) {
      this.indexes = new Int32Array(Math.max(CHUNK, size));
      this.values = new Float32Array(Math.max(CHUNK, size));
      this.used = 0;
    }
    const index = this.indexes.subarray(this.used, this.used + size);
    const value = this.values.subarray(this.used, this.used + size);
    index.set(this.pendingIndex);
    value.set(this.pendingValue);
    this.used += size;
    if (counted) for (const id of this.pendingIndex) this.counts[id] = (this.counts[id] ?? 0) + 1;
    this.pendingIndex = [];
    this.pendingValue = [];
    return { index, value };
  }
}
