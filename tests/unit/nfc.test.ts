// Text not in Unicode NFC (src/content/nfc.ts): which lines, which field, and rewriting a folder's
// files composed without changing anything else.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nfcProblem, nonNfcLines, normaliseFolder } from "../../src/content/nfc.ts";
import { changes, snapshot } from "../helpers/folder-state.ts";
import { copyFixture } from "../helpers/site.ts";
import { setLanguage } from "../../src/core/messages.ts";

// The rules are what these tests are about; their messages are read in English.
beforeAll(() => setLanguage("en"));
afterAll(() => setLanguage("vi"));

const nfd = (text: string) => text.normalize("NFD");

describe("nonNfcLines and nfcProblem", () => {
  it("name the lines whose letters are decomposed, and NFC text none", () => {
    const text = ["---", `title: "${nfd("Gò Vấp")}"`, 'date: "2011-09-20"', "---", "Dòng ổn.", nfd("Đảng bộ"), ""].join("\n");
    expect(nonNfcLines(text)).toEqual([2, 6]);
    expect(nonNfcLines(text.normalize("NFC"))).toEqual([]);
  });

  it("name a file at its first such line, with the field that line is in, and count the rest", () => {
    const text = `---\ntitle: "${nfd("Tiêu đề")}"\n---\n${nfd("Nội dung")}\n`;
    const fieldAt = (line: number) => (line === 2 ? "title" : undefined);
    expect(nfcProblem("a.md", text, text.normalize("NFC"), fieldAt)).toEqual({
      file: "a.md",
      line: 2,
      field: "title",
      kind: "nfc",
      message: "text is not in Unicode NFC (and 1 more line): letters are written decomposed (a letter, then its marks), as some programs save them; run npm run check -- --fix to rewrite the file composed",
    });
    const nfc = text.normalize("NFC");
    expect(nfcProblem("a.md", nfc, nfc, fieldAt)).toBeUndefined();
  });
});

describe("normaliseFolder", () => {
  it("rewrites only the files not in NFC, changing nothing but their normalisation: byte-order mark, CRLF and the rest stay", () => {
    const contentDir = copyFixture("site");
    const body = `---\r\ntitle: "${nfd("Hội nghị Đảng bộ")}"\r\ndate: "2011-09-22 08:00"\r\ncategory: "Thông báo"\r\n---\r\n${nfd("Nội dung có dấu.")}\t\u00A0xong\r\n`;
    const decomposed = path.join(contentDir, "2011/09/phan-ra.md");
    fs.writeFileSync(decomposed, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, "utf8")]));
    const video = path.join(contentDir, "video/clip.md");
    fs.writeFileSync(video, nfd(fs.readFileSync(video, "utf8")));
    fs.chmodSync(decomposed, 0o640);
    const before = snapshot(contentDir);

    expect(normaliseFolder(contentDir)).toEqual(["2011/09/phan-ra.md", "video/clip.md"]);

    const after = snapshot(contentDir);
    expect(changes(before, after)).toEqual({ added: [], removed: [], changed: [decomposed, video] });
    expect(fs.readFileSync(decomposed)).toEqual(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body.normalize("NFC"), "utf8")]));
    expect(fs.statSync(decomposed).mode & 0o777).toBe(0o640);
    // Nothing left beside the files: no temporary file.
    expect(fs.readdirSync(path.join(contentDir, "2011/09")).filter((name) => name.startsWith("."))).toEqual([]);
    expect(normaliseFolder(contentDir)).toEqual([]);
  });

  it("leaves a file that is not UTF-8 as it is", () => {
    const contentDir = copyFixture("site");
    const latin1 = Buffer.concat([Buffer.from(`---\ntitle: "${nfd("Hòa")}`, "utf8"), Buffer.from([0xe9]), Buffer.from('"\n---\n')]);
    fs.writeFileSync(path.join(contentDir, "2011/09/hong.md"), latin1);
    expect(normaliseFolder(contentDir)).toEqual([]);
    expect(fs.readFileSync(path.join(contentDir, "2011/09/hong.md"))).toEqual(latin1);
  });
});
