// snapshot/: the index snapshot file, its key, and the cache folder that keeps snapshots.
// May import: answerer.ts and every stage below it.
import { createHash } from 'node:crypto';

/**
 * A binary container of named sections (JSON values and typed arrays) with a header that carries
 * a format version, a key and the SHA-256 of the body, so a file that is damaged, truncated or
 * from another corpus or version is recognised instead of trusted.
 */
export type SectionValue = Uint32Array | Float64Array | unknown[] | Record<string, unknown>;

/** What {@link readSections} found wrong with a file. */
export class SectionFileError extends Error {}

const MAGIC = Buffer.from('article-qa index\n', 'latin1');
const ALIGN = 8;

interface SectionEntry {
  readonly name: string;
  readonly type: 'json' | 'u32' | 'f64';
  readonly bytes: number;
}

/** Serialises `sections` behind a header holding `version` and `key`. */
export function writeSections(
  version: number,
  key: string,
  sections: Readonly<Record<string, SectionValue>>,
): Buffer[] {
  const entries: SectionEntry[] = [];
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(sections)) {
    let chunk: Buffer;
    let type: SectionEntry['type'];
    if (value instanceof Uint32Array || value instanceof Float64Array) {
      chunk = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      type = value instanceof Uint32Array ? 'u32' : 'f64';
    } else {
      chunk = Buffer.from(JSON.stringify(value), 'utf8');
      type = 'json';
    }
    entries.push({ name, type, bytes: chunk.length });
    chunks.push(chunk, padding(chunk.length));
  }
  const hash = createHash('sha256');
  for (const chunk of chunks) hash.update(chunk);
  const header = Buffer.from(
    JSON.stringify({ version, key, checksum: hash.digest('hex'), sections: entries }),
    'utf8',
  );
  const lengths = Buffer.alloc(8);
  lengths.writeUInt32LE(version, 0);
  lengths.writeUInt32LE(header.length, 4);
  const head = Buffer.concat([MAGIC, lengths, header]);
  return [head, padding(head.length), ...chunks];
}

/**
 * Reads the sections of a file written by {@link writeSections}, after checking its magic,
 * version, key and checksum. Typed arrays are views on `data` when aligned (no copy).
 *
 * @throws {SectionFileError} naming what does not match.
 */
export function readSections(
  data: Buffer,
  version: number,
  key: string,
): Map<string, SectionValue> {
  if (data.length < MAGIC.length + 8 || !data.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new SectionFileError('is not an article-qa index snapshot');
  }
  const found = data.readUInt32LE(MAGIC.length);
  if (found !== version) {
    throw new SectionFileError(`has format version ${found}, this version reads ${version}`);
  }
  const headerStart = MAGIC.length + 8;
  const headerEnd = headerStart + data.readUInt32LE(MAGIC.length + 4);
  if (headerEnd > data.length) throw new SectionFileError('is truncated');
  let header: { key?: unknown; checksum?: unknown; sections?: SectionEntry[] };
  try {
    header = JSON.parse(data.toString('utf8', headerStart, headerEnd));
  } catch {
    throw new SectionFileError('has a damaged header');
  }
  if (header.key !== key) throw new SectionFileError('was made from another corpus or version');
  const bodyStart = headerEnd + padding(headerEnd).length;
  if (!Array.isArray(header.sections)) throw new SectionFileError('has a damaged header');
  const bodyLength = header.sections.reduce((sum, s) => sum + s.bytes + padding(s.bytes).length, 0);
  if (bodyStart + bodyLength > data.length) throw new SectionFileError('is truncated');
  const checksum = createHash('sha256').update(data.subarray(bodyStart)).digest('hex');
  if (checksum !== header.checksum) throw new SectionFileError('is damaged (checksum mismatch)');
  const sections = new Map<string, SectionValue>();
  let at = bodyStart;
  for (const { name, type, bytes } of header.sections) {
    const chunk = data.subarray(at, at + bytes);
    sections.set(name, type === 'json' ? parseJson(chunk) : typed(chunk, type));
    at += bytes + padding(bytes).length;
  }
  return sections;
}

function parseJson(chunk: Buffer): unknown[] | Record<string, unknown> {
  try {
    return JSON.parse(chunk.toString('utf8'));
  } catch {
    throw new SectionFileError('has a damaged section');
  }
}

function typed(chunk: Buffer, type: 'u32' | 'f64'): Uint32Array | Float64Array {
  const width = type === 'u32' ? 4 : 8;
  const aligned =
    chunk.byteOffset % width === 0
      ? chunk
      : Buffer.from(chunk.buffer.slice(chunk.byteOffset, chunk.byteOffset + chunk.length));
  const length = aligned.length / width;
  return type === 'u32'
    ? new Uint32Array(aligned.buffer, aligned.byteOffset, length)
    : new Float64Array(aligned.buffer, aligned.byteOffset, length);
}

function padding(length: number): Buffer {
  return Buffer.alloc((ALIGN - (length % ALIGN)) % ALIGN);
}
