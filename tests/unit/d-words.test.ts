import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { D_WORDS_FILE, D_WORDS_GLOBAL, DWordCounter } from "../../src/search/d-words.ts";
import type { PackedWord, Posting } from "../../src/search/pagefind-files.ts";
import { tempDir } from "../helpers/paths.ts";

/** Postings of the given page numbers, as Pagefind stores them: each the gap from the one before. */
const on = (...pages: number[]): Posting[] => pages.map((page, i) => [page - (pages[i - 1] ?? 0), [1], []]);

/** The list the script sets, run as the browser would. */
function listOf(pagefindFolder: string): Record<string, number> {
  const self: Record<string, unknown> = {};
  vm.runInNewContext(fs.readFileSync(path.join(pagefindFolder, D_WORDS_FILE), "utf8"), { self });
  return self[D_WORDS_GLOBAL] as Record<string, number>;
}

function listFrom(words: PackedWord[]): Record<string, number> {
  const counter = new DWordCounter();
  words.forEach(counter.add);
  const folder = tempDir("d-words");
  counter.write(folder);
  return listOf(folder);
}

describe("DWordCounter", () => {
  it("counts the pages that hold a d- or đ-word, in any spelling, each page once", () => {
    const list = listFrom([
      // "đang" on pages 0 and 7 as written, as "đảng" on 3 and 7, as "đăng" on 12.
      ["đang", on(0, 7), [["đảng", on(3, 7)], ["đăng", on(12)]]],
      ["dan", [], [["dân", on(2, 4, 9)]]],
      ["d2", on(5), []],
    ]);
    expect(list).toEqual({ d2: 1, dan: 3, đang: 4 });
  });

  it("leaves out other words, and parts a reader cannot type (punctuation kept in them)", () => {
    expect(listFrom([["hoa", on(1), []], ["adong", on(1), []], ["đoan…", on(1), []], ["d-2", on(1), []]])).toEqual({});
  });

  it("writes a script that sets self.BantinDWords, its words in order whatever order they came in", () => {
    const words: PackedWord[] = [["đuong", on(1), []], ["dong", on(2), []], ["đi", on(1, 2), []]];
    const folder = tempDir("d-words");
    const counter = new DWordCounter();
    [...words].reverse().forEach(counter.add);
    counter.write(folder);
    expect(D_WORDS_GLOBAL).toBe("BantinDWords");
    expect(fs.readFileSync(path.join(folder, D_WORDS_FILE), "utf8")).toBe('self.BantinDWords={"dong":1,"đi":2,"đuong":1};\n');
  });

  it("writes an empty list for an index without d-words", () => {
    expect(listFrom([["chao", on(0), []]])).toEqual({});
  });
});
