import { describe, expect, it } from "vitest";
import { wrapIndexFile } from "../../src/offline/search.ts";
import { runWrappedFile, WRAPPED_FILE } from "../helpers/offline-index.ts";

/** Bytes from a fixed seed (mulberry32), so that a failure can be run again. */
function randomBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    bytes[i] = (t ^ (t >>> 14)) >>> 24;
  }
  return bytes;
}

/** Bytes whose every 7 bits are one of the characters the string escapes: ", \, LF, CR. */
function allEscaped(characters: number): Buffer {
  const codes = [0x22, 0x5c, 0x0a, 0x0d];
  const bits = Array.from({ length: characters }, (_, i) => codes[i % 4]!.toString(2).padStart(7, "0")).join("");
  return Buffer.from(Array.from({ length: Math.floor(bits.length / 8) }, (_, i) => parseInt(bits.slice(i * 8, i * 8 + 8), 2)));
}

function roundTrip(bytes: Buffer, name = "index/vi_0123abc.pf_index"): string {
  const script = wrapIndexFile(name, bytes);
  expect(WRAPPED_FILE.test(script)).toBe(true);
  const calls = runWrappedFile(script);
  expect(calls.map((call) => call.name)).toEqual([name]);
  expect(calls[0]!.bytes.equals(bytes)).toBe(true);
  return script;
}

describe("the offline copy's wrapped index files", () => {
  it("hand over random bytes of every length from 0 to 64", () => {
    for (let length = 0; length <= 64; length++) for (let seed = 1; seed <= 20; seed++) roundTrip(randomBytes(length, length * 100 + seed));
  });

  it("hand over every byte value at every bit offset", () => {
    // Byte k starts at bit 8k of the string's 7-bit characters: 0..255 seven times over puts each value at each of the 7 offsets.
    roundTrip(Buffer.from(Array.from({ length: 256 * 7 }, (_, k) => k % 256)));
  });

  it("hand over large files, random, uniform and all escapes", () => {
    for (const bytes of [randomBytes(2 ** 20, 7), randomBytes(300_001, 8), Buffer.alloc(100_000), Buffer.alloc(100_003, 0xff), allEscaped(80_000), allEscaped(80_001)]) roundTrip(bytes);
  });

  it("are 8/7 of a random file, and 1/32 more for the escapes", () => {
    const bytes = randomBytes(2 ** 20, 9);
    const text = roundTrip(bytes, "f").length - '__bantinPagefindFile("f","");\n'.length;
    expect(text / bytes.length).toBeGreaterThan((8 / 7) * 1.02);
    expect(text / bytes.length).toBeLessThan((8 / 7) * 1.04);
  });
});
