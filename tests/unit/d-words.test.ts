import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { D_WORDS_FILE, D_WORDS_GLOBAL, dWordsOf, writeDWords } from "../../src/search/d-words.ts";
import { tempDir } from "../helpers/paths.ts";

const words = (text: string) => [...dWordsOf(text)].sort();

describe("dWordsOf", () => {
  it("lists the words that start with d or đ, lower case, tone marks folded, đ kept", () => {
    expect(words("Đảng bộ phường đã đề ra kế hoạch dạy nghề cho dân")).toEqual(["dan", "day", "đa", "đang", "đe"]);
  });

  it("reads capitals, of the first letter or the whole word", () => {
    expect(words("ĐOÀN Dũng DÂN")).toEqual(["dan", "dung", "đoan"]);
  });

  it("lists a word once however often the text holds it", () => {
    expect(words("đường đường đường")).toEqual(["đuong"]);
  });

  it("leaves out the punctuation around a word", () => {
    expect(words("(đạo đức), “dân vận”: đoàn…")).toEqual(["dan", "đao", "đoan", "đuc"]);
  });

  it("counts a word with inner punctuation joined and by its parts", () => {
    expect(words("tuyến Đông-Nam")).toEqual(["đong", "đongnam"]);
    expect(words("đạo-đức")).toEqual(["đao", "đaođuc", "đuc"]);
  });

  it("does not read a d inside a word as the start of one", () => {
    expect(words("Hàđông 1đồng abcd")).toEqual([]);
  });

  it("reads text written decomposed (NFD) as its NFC words", () => {
    const found = words("Đảng bộ dạy dỗ".normalize("NFD"));
    expect(found).toEqual(["day", "do", "đang"]);
    for (const word of found) expect(word).toBe(word.normalize("NFC"));
  });

  it("keeps digits that follow a d", () => {
    expect(words("khu D2, đường số 9")).toEqual(["d2", "đuong"]);
  });
});

/** Writes a fragment file as Pagefind 1.6 does: gzip of its signature and the page's JSON. */
function writeFragment(pagefindFolder: string, name: string, content: string): void {
  const folder = path.join(pagefindFolder, "fragment");
  fs.mkdirSync(folder, { recursive: true });
  const json = JSON.stringify({ url: `/${name}/`, content, word_count: content.split(" ").length, filters: {}, meta: { title: name } });
  fs.writeFileSync(path.join(folder, `${name}.pf_fragment`), zlib.gzipSync(`pagefind_dcd${json}`));
}

/** The list the script sets, run as the browser would. */
function listOf(pagefindFolder: string): Record<string, number> {
  const self: Record<string, unknown> = {};
  vm.runInNewContext(fs.readFileSync(path.join(pagefindFolder, D_WORDS_FILE), "utf8"), { self });
  return self[D_WORDS_GLOBAL] as Record<string, number>;
}

describe("writeDWords", () => {
  it("counts the pages that hold each d-word, not its occurrences", () => {
    const folder = tempDir("d-words");
    writeFragment(folder, "vi_a1", "Đảng bộ đã họp. Đảng viên dự họp, Đảng ủy dặn dò.");
    writeFragment(folder, "vi_b2", "Đảng ủy phường tổ chức đối thoại với dân.");
    writeFragment(folder, "vi_c3", "Không có từ nào như thế.");
    writeDWords(folder);
    expect(listOf(folder)).toEqual({ dan: 2, do: 1, du: 1, đa: 1, đang: 2, đoi: 1 });
  });

  it("writes a script that sets self.BantinDWords, its words in order", () => {
    const folder = tempDir("d-words");
    writeFragment(folder, "vi_a1", "đường dây điện đi qua đèo Đông");
    writeFragment(folder, "vi_b2", "dòng điện đến đúng giờ");
    writeDWords(folder);
    const script = fs.readFileSync(path.join(folder, D_WORDS_FILE), "utf8");
    expect(D_WORDS_GLOBAL).toBe("BantinDWords");
    expect(script).toBe('self.BantinDWords={"day":1,"dong":1,"đen":1,"đeo":1,"đi":1,"đien":2,"đong":1,"đung":1,"đuong":1};\n');
    const keys = Object.keys(listOf(folder));
    expect(keys).toEqual([...keys].sort());
  });

  it("writes the same bytes whatever order the fragments are read in", () => {
    const first = tempDir("d-words");
    const second = tempDir("d-words");
    writeFragment(first, "vi_a1", "đoàn đại biểu");
    writeFragment(first, "vi_b2", "dân đến dự");
    writeFragment(second, "vi_b2", "dân đến dự");
    writeFragment(second, "vi_a1", "đoàn đại biểu");
    writeDWords(first);
    writeDWords(second);
    expect(fs.readFileSync(path.join(second, D_WORDS_FILE), "utf8")).toBe(fs.readFileSync(path.join(first, D_WORDS_FILE), "utf8"));
  });

  it("writes an empty list for an index without d-words", () => {
    const folder = tempDir("d-words");
    writeFragment(folder, "vi_a1", "Chào năm mới");
    writeDWords(folder);
    expect(listOf(folder)).toEqual({});
  });

  it("fails naming a file of the fragment folder that is not a fragment", () => {
    const folder = tempDir("d-words");
    writeFragment(folder, "vi_a1", "đoàn");
    fs.writeFileSync(path.join(folder, "fragment", "la.pf_fragment"), zlib.gzipSync('{"content": "đoàn"}'));
    expect(() => writeDWords(folder)).toThrow(/la\.pf_fragment/);
  });

  // Fails today: src/search/d-words.ts gunzips before it checks the signature, and zlib's error
  // ("incorrect header check") does not name the file. Turn into `it` once that is fixed.
  it("fails naming a file of the fragment folder that is not gzip", () => {
    const folder = tempDir("d-words");
    writeFragment(folder, "vi_a1", "đoàn");
    fs.writeFileSync(path.join(folder, "fragment", "stale.pf_fragment"), "left over");
    expect(() => writeDWords(folder)).toThrow(/stale\.pf_fragment/);
  });
});
