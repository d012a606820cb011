// `npm run import` around the importer library: the text and JSON reports, exit status, usage
// errors and the progress line. What gets imported where is in importer.test.ts.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ImportReport } from "../../src/importer/report.ts";
import { bulletin, capture, CAPTURES, filesIn, writeFile } from "../helpers/captures.ts";
import { bantin } from "../helpers/cli.ts";
import { tempDir } from "../helpers/paths.ts";

const PLAYGROUND = path.join("2012", "11", "phuong-5-khanh-thanh-san-choi-thieu-nhi-niem-vui-ngay-cuoi-tuan.md");
const SYNOPSIS = "npm run import -- [--out DIR] [--dry-run] [--force] [--json] PATH…";
// The importer's own report is in English; its usage errors are asked for in English too.
const importing = (args: string[], options?: { cwd?: string; tty?: boolean }) => bantin(["--lang", "en", "import", ...args], options);

describe("the text report", () => {
  it("lists every page that failed with its reason, then the counts; exit status 1", async () => {
    const folder = tempDir("captures");
    fs.cpSync(CAPTURES, folder, { recursive: true });
    writeFile(path.join(folder, "anh.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const { code, stdout, stderr } = await importing(["--out", tempDir("out"), folder]);
    expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
    expect(stdout.split("\n")).toEqual([
      `${path.join(folder, "anh.png")}: binary file (contains NUL bytes), not a captured page`,
      `${path.join(folder, "khong-co-ngay.txt")}: no date line ("<CATEGORY> <day> Tháng <month> <year> <h>:<mm>:<ss> <SA|CH>")`,
      `${path.join(folder, "ngay-khong-ton-tai.txt")}: line 1: impossible date "31 Tháng Hai 2011 9:00:00 SA": month 2 of 2011 has 28 days`,
      `${path.join(folder, "rong.txt")}: empty file`,
      "imported 5, unchanged 0, conflicts 0, failed 4",
      "",
    ]);
  });

  it("says only the counts when all is well, and exit status 0, also when nothing changed", async () => {
    const out = tempDir("out");
    expect(await importing(["--out", out, capture("san-choi-phuong-5.txt")])).toEqual({ code: 0, stdout: "imported 1, unchanged 0, conflicts 0, failed 0\n", stderr: "" });
    expect(await importing(["--out", out, capture("san-choi-phuong-5.txt")])).toEqual({ code: 0, stdout: "imported 0, unchanged 1, conflicts 0, failed 0\n", stderr: "" });
  });

  it("lists conflicts, with exit status 1, and warnings", async () => {
    const out = tempDir("out");
    await importing(["--out", out, capture("san-choi-phuong-5.txt")]);
    const file = path.join(out, PLAYGROUND);
    fs.appendFileSync(file, "\nSửa tay.\n");
    const conflict = await importing(["--out", out, capture("san-choi-phuong-5.txt")]);
    expect(conflict).toEqual({
      code: 1,
      stdout: `${capture("san-choi-phuong-5.txt")}: conflict: ${file} already exists with different content; --force replaces it\nimported 0, unchanged 0, conflicts 1, failed 0\n`,
      stderr: "",
    });
    const forced = await importing(["--out", out, "--force", capture("san-choi-phuong-5.txt")]);
    expect(forced).toEqual({ code: 0, stdout: `${capture("san-choi-phuong-5.txt")}: warning: replaced the different ${file} (--force)\nimported 1, unchanged 0, conflicts 0, failed 0\n`, stderr: "" });
  });

  it("says when it was a dry run", async () => {
    const out = path.join(tempDir("dry"), "content");
    const { code, stdout } = await importing(["--out", out, "--dry-run", capture("san-choi-phuong-5.txt"), capture("giai-bong-da-thieu-nien.txt"), capture("rong.txt")]);
    expect(code).toBe(1);
    expect(stdout).toBe(`${capture("rong.txt")}: empty file\ndry run, nothing written: imported 2, unchanged 0, conflicts 0, failed 1\n`);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("--json", () => {
  it("prints the report as one object, with one result per input", async () => {
    const out = tempDir("out");
    const { code, stdout } = await importing(["--json", "--out", out, CAPTURES]);
    expect(code).toBe(1);
    expect(stdout.endsWith("}\n")).toBe(true);
    const report = JSON.parse(stdout) as ImportReport;
    expect(Object.keys(report)).toEqual(["dryRun", "out", "summary", "results", "errors"]);
    expect(report).toMatchObject({ dryRun: false, out, summary: { imported: 5, unchanged: 0, conflict: 0, failed: 3 } });
    expect(report.results.map((result) => Object.keys(result))).toEqual(Array.from({ length: 8 }, () => ["path", "status", "output", "reason", "encoding", "warnings"]));
  });
});

describe("paths", () => {
  it("are read from the working folder, written into content/ by default, and reported as given", async () => {
    const root = tempDir("cwd");
    writeFile(path.join(root, "bản chụp", "a.txt"), bulletin());
    const { code, stdout } = await importing(["--json", "bản chụp"], { cwd: root });
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as ImportReport;
    expect(report.results[0]).toMatchObject({ path: path.join("bản chụp", "a.txt"), output: path.join("content", "2012", "03", "phuong-7-ra-quan-don-dep-kenh-rach.md") });
    expect(fs.existsSync(path.join(root, "content", "2012", "03", "phuong-7-ra-quan-don-dep-kenh-rach.md"))).toBe(true);
  });
});

describe("wrong usage and unreadable settings", () => {
  it.each([
    [[], /^import: no PATH given: name captured pages or folders of them; /],
    [["--bogus", "a.txt"], /^import: unknown option --bogus; /],
    [["--out"], /^import: option --out needs a value; /],
    [["--json=yes", "a.txt"], /^import: option --json takes no value; /],
  ])("refuses %j in one line with status 2", async (args, message) => {
    const { code, stdout, stderr } = await importing(args);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toMatch(message);
    expect(stderr.endsWith(`usage: ${SYNOPSIS}\n`)).toBe(true);
    expect(stderr.split("\n")).toHaveLength(2);
  });

  it("stops the run when the settings cannot be read: one line, status 2, nothing written", async () => {
    const out = tempDir("out");
    writeFile(path.join(out, "_data", "site.json"), "{ categories: }");
    const { code, stdout, stderr } = await importing(["--out", out, capture("san-choi-phuong-5.txt")]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toMatch(/^\S*site\.json: not valid JSON .*\n$/);
    expect(filesIn(out)).toEqual([path.join("_data", "site.json")]);
  });

  it("prints help on --help, with the exit statuses", async () => {
    const { code, stdout } = await importing(["--help"]);
    expect(code).toBe(0);
    expect(stdout.startsWith(`${SYNOPSIS}\n`)).toBe(true);
    expect(stdout).toContain("Exit status");
  });
});

describe("progress", () => {
  const many = () => {
    const folder = tempDir("many");
    for (let index = 1; index <= 60; index++) writeFile(path.join(folder, `${index}.txt`), bulletin({ title: `Tin số ${index}` }));
    return folder;
  };

  it("shows on a terminal's stderr for many inputs, never on stdout", async () => {
    const { code, stdout, stderr } = await importing(["--out", tempDir("out"), many()], { tty: true });
    expect(code).toBe(0);
    expect(stdout).toBe("imported 60, unchanged 0, conflicts 0, failed 0\n");
    expect(stderr).toMatch(/^\rimporting \d+\/60/);
    expect(stderr.endsWith("\r\x1b[K")).toBe(true);
  });

  it("stays silent when stderr is not a terminal, or for a few inputs", async () => {
    expect((await importing(["--out", tempDir("out"), many()], { tty: false })).stderr).toBe("");
    expect((await importing(["--out", tempDir("out"), capture("san-choi-phuong-5.txt")], { tty: true })).stderr).toBe("");
  });
});
