// Pagefind 1.6's index files as data: each is gzip of a signature and one CBOR value. The shapes
// below are those its search code reads (the source of 1.6 does not document them; the tests of
// merge.ts check them against its own bundle).
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

const SIGNATURE = Buffer.from("pagefind_dcd");

/** One page of a word: its number as the gap from the page before it in the list, the word's positions, and its positions in metadata fields (each run after a negative number: -1 - the field's index in PagefindMeta.fields). */
export type Posting = [gap: number, locations: number[], fieldLocations: number[]];
/** A word as Pagefind stores it, tone marks folded away; the pages where it appears written so, and its spellings with marks, each with their own pages. */
export type PackedWord = [word: string, postings: Posting[], variants: [spelling: string, postings: Posting[]][]];
/** One index chunk: the words from its meta entry's `from` to its `to`, in code point order. */
export type WordChunk = [words: PackedWord[]];
/** One filter: each value with the numbers of its pages, ascending. */
export type FilterChunk = [filter: string, values: [value: string, pages: number[]][]];

/** `pagefind.<hash>.pf_meta`: what a search loads first. */
export interface PagefindMeta {
  version: string;
  /** Each page's fragment name and word count, by page number; the third field is kept as it is. */
  pages: [fragment: string, words: number, extra: string][];
  chunks: [from: string, to: string, file: string][];
  filters: [filter: string, file: string][];
  /** For each sort key, the numbers of the pages that have it, in its order. */
  sorts: [key: string, pages: number[]][];
  /** The metadata fields whose text is searchable, in code point order; Posting's field indexes point here. */
  fields: string[];
}

/** `pagefind-entry.json`: the version, and each language's meta file and page count. */
export interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  [other: string]: unknown;
}

/** The folders of a bundle whose files are all named by a hash of their content: word chunks, page fragments, filters. */
export const CONTENT_HASHED_FOLDERS = ["index", "fragment", "filter"] as const;

/**
 * Whether a file of a bundle, by its path inside it ("/index/vi_1a2b3c4.pf_index"), is named by a
 * hash of its content, so that a changed file gets a new name: the chunks of CONTENT_HASHED_FOLDERS
 * and the meta files. The others keep their names from build to build: the entry
 * (`pagefind-entry.json`, which names the meta files), the scripts, and the WebAssembly, named by
 * language (`wasm.unknown.pagefind`), which changes with Pagefind's version.
 */
export function isContentHashed(file: string): boolean {
  const [folder, name, ...deeper] = file.split("/").slice(1);
  if (name !== undefined) return deeper.length === 0 && (CONTENT_HASHED_FOLDERS as readonly string[]).includes(folder!);
  return /^pagefind\.[^/]+\.pf_meta$/.test(folder!);
}

export function readPagefindFile(file: string): unknown {
  const raw = zlib.gunzipSync(fs.readFileSync(file));
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${file} is not a Pagefind index file`);
  const reader = new CborReader(raw, SIGNATURE.length);
  const value = reader.read();
  if (reader.position !== raw.length) throw new Error(`${file}: unexpected bytes after its value`);
  return value;
}

/**
 * The bytes of an index file holding `value`. Pagefind compresses its own at gzip's best (level 9);
 * level 6 makes them about 1% larger in a fifth of the time, which a build pays for every chunk.
 */
export function encodePagefindFile(value: unknown): Buffer {
  return zlib.gzipSync(uncompressedFile(value), GZIP);
}

/** The same as encodePagefindFile, compressed on libuv's threads: a merge goes on meanwhile. */
export function encodePagefindFileAsync(raw: Buffer): Promise<Buffer> {
  return promisify(zlib.gzip)(raw, GZIP);
}

/** An index file before compression: the signature and the CBOR of `value`. */
export function uncompressedFile(value: unknown): Buffer {
  const writer = new CborWriter();
  writer.write(value);
  return Buffer.concat([SIGNATURE, writer.bytes()]);
}

const GZIP = { level: 6 };

// The part of CBOR (RFC 8949) Pagefind's files use: integers, text strings and arrays of definite
// length. Hand-written because these few cases are all there is, and a general library decoded the
// index of 10,000 articles ten times slower.

class CborReader {
  constructor(
    private readonly buffer: Buffer,
    public position: number,
  ) {}

  read(): unknown {
    const initial = this.buffer[this.position++];
    if (initial === undefined) throw new Error("CBOR: unexpected end");
    const argument = this.argument(initial & 0x1f);
    switch (initial >> 5) {
      case 0:
        return argument;
      case 1:
        return -1 - argument;
      case 3:
        return this.text(argument);
      case 4: {
        const list = new Array<unknown>(argument);
        for (let i = 0; i < argument; i++) list[i] = this.read();
        return list;
      }
      default:
        throw new Error(`CBOR: major type ${initial >> 5} is not used by Pagefind`);
    }
  }

  /** UTF-8 text; the short strings of words are decoded here, as a call into Buffer costs more than they do. */
  private text(length: number): string {
    const { buffer } = this;
    const end = this.position + length;
    if (length > 48) {
      const text = buffer.toString("utf8", this.position, end);
      this.position = end;
      return text;
    }
    let text = "";
    while (this.position < end) {
      const byte = buffer[this.position++]!;
      if (byte < 0x80) text += String.fromCharCode(byte);
      else if (byte < 0xe0) text += String.fromCharCode(((byte & 0x1f) << 6) | (buffer[this.position++]! & 0x3f));
      else if (byte < 0xf0) text += String.fromCharCode(((byte & 0x0f) << 12) | ((buffer[this.position++]! & 0x3f) << 6) | (buffer[this.position++]! & 0x3f));
      else text += String.fromCodePoint(((byte & 0x07) << 18) | ((buffer[this.position++]! & 0x3f) << 12) | ((buffer[this.position++]! & 0x3f) << 6) | (buffer[this.position++]! & 0x3f));
    }
    return text;
  }

  private argument(info: number): number {
    const at = this.position;
    if (info < 24) return info;
    if (info === 24) return (this.position += 1), this.buffer.readUInt8(at);
    if (info === 25) return (this.position += 2), this.buffer.readUInt16BE(at);
    if (info === 26) return (this.position += 4), this.buffer.readUInt32BE(at);
    if (info === 27) return (this.position += 8), Number(this.buffer.readBigUInt64BE(at));
    throw new Error(`CBOR: length ${info} (indefinite or reserved) is not used by Pagefind`);
  }
}

class CborWriter {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private position = 0;

  write(value: unknown): void {
    if (typeof value === "number") {
      if (!Number.isSafeInteger(value)) throw new Error(`CBOR: ${value} is not an integer`);
      if (value >= 0) this.head(0, value);
      else this.head(1, -1 - value);
    } else if (typeof value === "string") {
      const length = Buffer.byteLength(value);
      this.head(3, length);
      this.reserve(length);
      this.position += this.buffer.write(value, this.position, "utf8");
    } else if (Array.isArray(value)) {
      this.head(4, value.length);
      for (const item of value) this.write(item);
    } else {
      throw new Error(`CBOR: cannot write ${typeof value}`);
    }
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.position);
  }

  private head(major: number, argument: number): void {
    this.reserve(9);
    const type = major << 5;
    if (argument < 24) this.buffer[this.position++] = type | argument;
    else if (argument < 0x100) (this.buffer[this.position++] = type | 24), (this.position = this.buffer.writeUInt8(argument, this.position));
    else if (argument < 0x10000) (this.buffer[this.position++] = type | 25), (this.position = this.buffer.writeUInt16BE(argument, this.position));
    else if (argument < 0x100000000) (this.buffer[this.position++] = type | 26), (this.position = this.buffer.writeUInt32BE(argument, this.position));
    else (this.buffer[this.position++] = type | 27), (this.position = this.buffer.writeBigUInt64BE(BigInt(argument), this.position));
  }

  private reserve(length: number): void {
    if (this.position + length <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.position + length));
    this.buffer.copy(larger, 0, 0, this.position);
    this.buffer = larger;
  }
}

export function readEntry(bundle: string): PagefindEntry {
  return JSON.parse(fs.readFileSync(path.join(bundle, "pagefind-entry.json"), "utf8")) as PagefindEntry;
}

export function metaFile(bundle: string, hash: string): string {
  return path.join(bundle, `pagefind.${hash}.pf_meta`);
}

export function readMeta(file: string): PagefindMeta {
  const value = readPagefindFile(file);
  if (!Array.isArray(value) || value.length !== 6 || typeof value[0] !== "string") throw new Error(`${file}: not the metadata of a Pagefind 1.6 index`);
  const [version, pages, chunks, filters, sorts, fields] = value as [string, PagefindMeta["pages"], PagefindMeta["chunks"], PagefindMeta["filters"], PagefindMeta["sorts"], string[]];
  return { version, pages, chunks, filters, sorts, fields };
}

export function encodeMeta(meta: PagefindMeta): Buffer {
  return encodePagefindFile([meta.version, meta.pages, meta.chunks, meta.filters, meta.sorts, meta.fields]);
}
