// Hostile inputs for the importer: articles edited between two imports, a record of imported pages
// that lies, captures in encodings older than Unicode, and a disk that fills up. Each test says
// exactly what the run reports and checks that nothing changed on disk but what it says it wrote.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { UserError } from "../../src/core/errors.ts";
import { parseCapture } from "../../src/importer/capture.ts";
import { importCaptures } from "../../src/importer/import.ts";
import { pageIdentity } from "../../src/importer/ledger.ts";
import { bulletin, writeFile } from "../helpers/captures.ts";
import { bantin } from "../helpers/cli.ts";
import { changes, NO_CHANGE, snapshot, systemError } from "../helpers/folder-state.ts";
import { tcvn3, vni } from "../helpers/legacy-encodings.ts";
import { tempDir } from "../helpers/paths.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

const ARTICLE = path.join("2012", "03", "phuong-7-ra-quan-don-dep-kenh-rach.md");
const LEDGER = path.join("_data", "imported.json");
const COUNTS = (imported: number, unchanged: number, conflicts: number, failed: number) => `imported ${imported}, unchanged ${unchanged}, conflicts ${conflicts}, failed ${failed}`;

/** A folder with one invented capture and a content folder; `article` is where the capture imports to. */
function workspace(page = bulletin()) {
  const root = tempDir("hostile");
  const capture = writeFile(path.join(root, "captures", "trang.txt"), page);
  const content = path.join(root, "content");
  return { root, capture, content, article: path.join(content, ARTICLE), ledger: path.join(content, LEDGER) };
}

/** A workspace whose capture was imported once. */
function imported(page = bulletin()) {
  const space = workspace(page);
  expect(importCaptures([space.capture], { out: space.content }).summary).toEqual({ imported: 1, unchanged: 0, conflict: 0, failed: 0 });
  return space;
}

const edit = (file: string, change: (text: string) => string) => {
  const before = fs.readFileSync(file, "utf8");
  const after = change(before);
  expect(after).not.toBe(before);
  fs.writeFileSync(file, after);
};

describe("a page imported again after an editor changed its article", () => {
  const edits: [string, (text: string) => string][] = [
    ["the date set to another day", (text) => text.replace('date: "2012-03-05 08:15:00"', 'date: "2012-03-06 09:30:00"')],
    ["the date set to another month", (text) => text.replace('date: "2012-03-05 08:15:00"', 'date: "2012-04-20 08:15:00"')],
    ["the date written in ISO 8601 with an offset", (text) => text.replace('date: "2012-03-05 08:15:00"', 'date: "2012-03-05T01:15:00Z"')],
    ["the title corrected", (text) => text.replace("Phường 7 ra quân dọn dẹp kênh rạch", "Phường 7 ra quân dọn dẹp kênh rạch Nhiêu Lộc")],
    ["the body corrected", (text) => text.replace("hơn một trăm", "gần hai trăm")],
    ["the date, the title and the body all changed", (text) => text.replace("2012-03-05", "2012-03-09").replace("dọn dẹp", "làm sạch").replace("vớt rác", "nhặt rác")],
    ["tags added and the date changed", (text) => text.replace("views: 42", 'views: 42\ntags: ["môi trường"]').replace("2012-03-05", "2012-03-07")],
  ];

  it.each(edits)("%s: a conflict naming the article, exit status 1, never a second file", async (_, change) => {
    const { root, capture, article } = imported();
    edit(article, change);
    const before = snapshot(root);
    const run = await bantin(["import", "--out", "content", capture], { cwd: root });
    expect(run).toEqual({ code: 1, stdout: `${capture}: conflict: ${path.join("content", ARTICLE)} already exists with different content; --force replaces it\n${COUNTS(0, 0, 1, 0)}\n`, stderr: "" });
    expect(changes(before, snapshot(root))).toEqual(NO_CHANGE);
  });

  it("the date changed, then --force: the article file is replaced where it is, no second file", async () => {
    const { root, capture, article } = imported();
    const original = fs.readFileSync(article, "utf8");
    edit(article, (text) => text.replace("2012-03-05", "2012-03-06"));
    const before = snapshot(root);
    const run = await bantin(["import", "--out", "content", "--force", capture], { cwd: root });
    expect(run).toEqual({ code: 0, stdout: `${capture}: warning: replaced the different ${path.join("content", ARTICLE)} (--force)\n${COUNTS(1, 0, 0, 0)}\n`, stderr: "" });
    expect(changes(before, snapshot(root))).toEqual({ ...NO_CHANGE, changed: [article] });
    expect(fs.readFileSync(article, "utf8")).toBe(original);
  });

  it("a later capture of the page with more views, after the date was changed: a conflict naming the article", async () => {
    const { root, capture, article } = imported();
    edit(article, (text) => text.replace("2012-03-05", "2012-03-06"));
    const later = writeFile(path.join(root, "captures", "sau.txt"), bulletin({ views: 97 }));
    const before = snapshot(root);
    const report = importCaptures([later], { out: path.join(root, "content") });
    expect(report.results.map(({ status, output }) => [status, output])).toEqual([["conflict", article]]);
    expect(changes(before, snapshot(root))).toEqual(NO_CHANGE);
  });

  it("the article file moved to another folder: a conflict naming it, found by its URL", () => {
    const { root, capture, content, article } = imported();
    const moved = path.join(content, "tin-cu", "kenh-rach.md");
    fs.mkdirSync(path.dirname(moved));
    fs.renameSync(article, moved);
    fs.rmdirSync(path.dirname(article));
    const before = snapshot(root);
    const report = importCaptures([capture], { out: content });
    expect(report.results.map(({ status, output }) => [status, output])).toEqual([["conflict", moved]]);
    expect(report.results[0]?.reason).toMatch(/already has this article's URL \/2012\/03\/05\/phuong-7-ra-quan-don-dep-kenh-rach\/ and date/);
    expect(changes(before, snapshot(root))).toEqual(NO_CHANGE);
  });

  it("the article file deleted: imported again at its place", () => {
    const { root, capture, content, article, ledger } = imported();
    const record = fs.readFileSync(ledger, "utf8");
    fs.rmSync(article);
    const before = snapshot(root);
    const report = importCaptures([capture], { out: content });
    expect(report.results.map(({ status, output }) => [status, output])).toEqual([["imported", article]]);
    expect(changes(before, snapshot(root))).toEqual({ ...NO_CHANGE, added: [article] });
    expect(fs.readFileSync(ledger, "utf8")).toBe(record);
  });

  it("the date changed, in a dry run: the conflict a real run would report, nothing written", async () => {
    const { root, capture, article } = imported();
    edit(article, (text) => text.replace("2012-03-05", "2012-03-06"));
    const before = snapshot(root);
    const run = await bantin(["import", "--out", "content", "--dry-run", capture], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout.endsWith(`dry run, nothing written: ${COUNTS(0, 0, 1, 0)}\n`)).toBe(true);
    expect(changes(before, snapshot(root))).toEqual(NO_CHANGE);
  });
});

describe("two captures of one page in one run", () => {
  it("with different view counts: the second is a conflict with the first, not a second article", async () => {
    const { root, capture, content, article, ledger } = workspace();
    const later = writeFile(path.join(root, "captures", "sau.txt"), bulletin({ views: 97 }));
    const before = snapshot(root);
    const run = await bantin(["import", "--out", "content", capture, later], { cwd: root });
    const shown = path.join("content", ARTICLE);
    expect(run).toEqual({ code: 1, stdout: `${later}: conflict: ${shown} was written in this run from ${capture}, another capture of the same article with other content\n${COUNTS(1, 0, 1, 0)}\n`, stderr: "" });
    expect(changes(before, snapshot(root))).toEqual({ ...NO_CHANGE, added: [content, path.join(content, "2012"), path.dirname(article), path.dirname(ledger), article, ledger].sort() });
  });
});

describe("a record of imported pages that cannot be trusted", () => {
  const identity = pageIdentity((parseCapture(bulletin()) as { ok: true; page: Parameters<typeof pageIdentity>[0] }).page);

  it("with the markers of a git merge conflict: one line, exit status 1, nothing written", async () => {
    const { root, capture, ledger } = workspace();
    writeFile(ledger, `{\n<<<<<<< HEAD\n  "articles": {}\n=======\n  "articles": { "a.md": "x" }\n>>>>>>> nhanh\n}\n`);
    const before = snapshot(root);
    const run = await bantin(["import", "--out", "content", capture], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^\S+imported\.json: not a record of imported pages \(not valid JSON: .*\); fix it \(e\.g\. resolve a merge conflict\) or delete it, and import again\n$/);
    expect(changes(before, snapshot(root))).toEqual(NO_CHANGE);
  });

  it("with an article that is not text but a number: refused by the library as a UserError", () => {
    const { capture, content, ledger } = workspace();
    writeFile(ledger, JSON.stringify({ articles: { [ARTICLE]: 7 } }));
    expect(() => importCaptures([capture], { out: content })).toThrow(UserError);
    expect(() => importCaptures([capture], { out: content })).toThrow(/not a record of imported pages \("2012\/03\/phuong-7-ra-quan-don-dep-kenh-rach\.md" maps to 7, not a page identity\)/);
  });

  it.each([
    ["a file outside the content folder", path.join("..", "ngoai.md")],
    ["the site settings, which are not an article", path.join("_data", "site.json")],
    ["an absolute path", "/etc/hostname"],
  ])("naming %s for the page, with --force: never read nor written; the page goes to its own file", (_, named) => {
    const { root, capture, content, article, ledger } = workspace();
    writeFile(path.join(root, "ngoai.md"), "Không phải của bantin.\n");
    writeFile(path.join(content, "_data", "site.json"), JSON.stringify({ title: "Thử", url: "https://example.org" }));
    writeFile(ledger, JSON.stringify({ articles: { [named]: identity } }));
    const before = snapshot(root);
    const report = importCaptures([capture], { out: content, force: true });
    expect(report.results.map(({ status, output, warnings }) => [status, output, warnings])).toEqual([["imported", article, []]]);
    expect(changes(before, snapshot(root))).toEqual({ ...NO_CHANGE, added: [path.join(content, "2012"), path.dirname(article), article], changed: [ledger] });
  });
});

describe("a capture in a Vietnamese encoding older than Unicode", () => {
  const TCVN3 = "looks like TCVN3 (ABC), a Vietnamese encoding older than Unicode: convert it to UTF-8 (e.g. with UniKey's converter) and import it again";
  const VNI = "looks like VNI-Windows, a Vietnamese encoding older than Unicode: convert it to UTF-8 (e.g. with UniKey's converter) and import it again";

  it.each([
    ["TCVN3 (table VN3, capitals with tone marks in lower-case codes)", tcvn3(bulletin()), TCVN3],
    ["TCVN3 with the capitals of table VN1 in control-character positions", tcvn3(bulletin(), { capitals: "vn1" }), TCVN3],
    ["TCVN3 with CRLF line ends", tcvn3(bulletin().replace(/\n/g, "\r\n")), TCVN3],
    ["VNI-Windows", vni(bulletin()), VNI],
    ["VNI-Windows with CRLF line ends", vni(bulletin().replace(/\n/g, "\r\n")), VNI],
    ["VNI-Windows with the date line only in capitals", vni(bulletin({ title: "PHƯỜNG 7 RA QUÂN DỌN DẸP KÊNH RẠCH" })), VNI],
  ])("%s: failed with the encoding named, nothing written", async (_, bytes, reason) => {
    const { root, capture } = workspace();
    fs.writeFileSync(capture, bytes);
    const before = snapshot(root);
    const run = await bantin(["import", "--out", "content", capture], { cwd: root });
    expect(run).toEqual({ code: 1, stdout: `${capture}: ${reason}\n${COUNTS(0, 0, 0, 1)}\n`, stderr: "" });
    expect(changes(before, snapshot(root))).toEqual(NO_CHANGE);
  });
});

describe("a disk that fills up while importing", () => {
  const noSpace = (syscall: string, ...paths: string[]) => systemError("ENOSPC", "no space left on device", syscall, ...paths);
  const isTemp = (file: unknown, name: string) => typeof file === "string" && path.basename(file).startsWith(`.${name}.`) && file.endsWith(".tmp");

  /** writeFileSync of matching files creates the file and writes part of it, then fails as a full disk does. */
  function failWrites(name: string) {
    const write = fs.writeFileSync;
    vi.spyOn(fs, "writeFileSync").mockImplementation((file, data, options) => {
      if (!isTemp(file, name)) return write(file, data, options);
      write(file, String(data).slice(0, 10), options);
      throw noSpace("write");
    });
  }

  it("ENOSPC while the article's temporary file is written: failed in one line, no temporary file, no folder left", () => {
    const { root, capture, content } = workspace();
    failWrites(path.basename(ARTICLE));
    const before = snapshot(root);
    const report = importCaptures([capture], { out: content });
    expect(report.results.map(({ status, reason }) => [status, reason])).toEqual([["failed", `could not write ${path.join(content, ARTICLE)}: ENOSPC: no space left on device, write`]]);
    expect(report.errors).toEqual([]);
    expect(changes(before, snapshot(root))).toEqual(NO_CHANGE);
  });

  it("ENOSPC when the article is linked into place: failed in one line, no temporary file, no folder left", () => {
    const { root, capture, content } = workspace();
    vi.spyOn(fs, "linkSync").mockImplementation((from, to) => {
      throw noSpace("link", String(from), String(to));
    });
    const before = snapshot(root);
    const report = importCaptures([capture], { out: content });
    expect(report.results.map(({ status }) => status)).toEqual(["failed"]);
    expect(report.results[0]?.reason).toMatch(new RegExp(`^could not write ${path.join(content, ARTICLE)}: ENOSPC: no space left on device, link '[^\\n]+\\.tmp' -> '${path.join(content, ARTICLE)}'$`));
    expect(changes(before, snapshot(root))).toEqual(NO_CHANGE);
  });

  it("ENOSPC when an edited article is replaced (--force): failed, the edited article kept, no temporary file", () => {
    const { root, capture, content, article } = imported();
    edit(article, (text) => text.replace("hơn một trăm", "gần hai trăm"));
    vi.spyOn(fs, "renameSync").mockImplementation((from, to) => {
      throw noSpace("rename", String(from), String(to));
    });
    const before = snapshot(root);
    const report = importCaptures([capture], { out: content, force: true });
    expect(report.results.map(({ status }) => status)).toEqual(["failed"]);
    expect(report.results[0]?.reason).toMatch(/^could not write \S+: ENOSPC: no space left on device, rename '[^\n]+\.tmp' -> '\S+'$/);
    expect(changes(before, snapshot(root))).toEqual(NO_CHANGE);
  });

  it("ENOSPC when the record of imported pages is written: the article stays, the run says so in one line, exit status 1; the next run records it", async () => {
    const { root, capture, article, ledger } = workspace();
    failWrites("imported.json");
    const before = snapshot(root);
    const run = await bantin(["import", "--out", "content", capture], { cwd: root });
    const problem = `could not record the imported pages in ${path.join("content", LEDGER)}: ENOSPC: no space left on device, write; import the same pages again to record them`;
    expect(run).toEqual({ code: 1, stdout: `${problem}\n${COUNTS(1, 0, 0, 0)}\n`, stderr: "" });
    const content = path.join(root, "content");
    expect(changes(before, snapshot(root))).toEqual({ ...NO_CHANGE, added: [content, path.join(content, "2012"), path.dirname(article), article].sort() });

    vi.restoreAllMocks();
    expect(await bantin(["import", "--out", "content", capture], { cwd: root })).toEqual({ code: 0, stdout: `${COUNTS(0, 1, 0, 0)}\n`, stderr: "" });
    expect(JSON.parse(fs.readFileSync(ledger, "utf8"))).toMatchObject({ articles: { [ARTICLE.split(path.sep).join("/")]: expect.stringMatching(/^[0-9a-f]{32}$/) } });
  });
});
