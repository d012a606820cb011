// The dispatcher and the one argument parser, run in-process: help, usage errors, exit statuses,
// and paths read from the working folder. The import command's own report is in cli-import.test.ts.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/main.ts";
import { capture } from "../helpers/captures.ts";
import { bantin } from "../helpers/cli.ts";
import { copyFixture, writeArticle } from "../helpers/site.ts";
import { tempDir } from "../helpers/paths.ts";

const NAMES = COMMANDS.map((command) => command.name);
const commandNamed = (name: string) => COMMANDS.find((command) => command.name === name)!;

describe("bantin", () => {
  it("has the commands of the npm scripts", () => {
    expect(NAMES).toEqual(["build", "serve", "check", "offline", "import", "new"]);
  });

  it.each([[[]], [["--help"]], [["-h"]]])("lists every command on %j, exit status 0", async (argv) => {
    const { code, stdout, stderr } = await bantin(argv);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    for (const command of COMMANDS) expect(stdout).toContain(command.synopsis);
  });

  it("refuses an unknown command in one line naming it, exit status 2", async () => {
    const { code, stdout, stderr } = await bantin(["buidl", "--out", "x"]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toBe('unknown command "buidl"; the commands are build, serve, check, offline, import, new\n');
  });
});

describe("--help and -h", () => {
  it.each(NAMES.flatMap((name) => [[name, "--help"], [name, "-h"]]))("%s %s prints the command's usage to stdout, exit status 0", async (name, flag) => {
    const command = commandNamed(name);
    expect(await bantin([name, flag])).toEqual({ code: 0, stdout: command.usage, stderr: "" });
    expect(command.usage.startsWith(`${command.synopsis}\n`)).toBe(true);
    expect(command.usage).toContain("-h, --help");
  });

  it.each([
    ["build", "--content", "SITE", "--out", "ra", "--help"],
    ["build", "--bogus", "--help"],
    ["serve", "--content", "SITE", "--port", "1", "-h"],
    ["check", "--help", "--content", "khong-co"],
    ["offline", "--content", "SITE", "--site", "trang", "--out", "ban-sao", "--zip", "ban-sao.zip", "--help"],
    ["import", "-h", "CAPTURE"],
    ["import", "--out", "ra", "CAPTURE", "--help"],
    ["new", "--help", "Tiêu đề mới"],
    ["new", "Tiêu đề mới", "--category", "Thông báo", "-h"],
  ])("%s … does nothing else, whatever other arguments it gets: %j", async (...argv) => {
    const cwd = tempDir("help");
    const site = copyFixture("site");
    const args = argv.map((arg) => (arg === "SITE" ? site : arg === "CAPTURE" ? capture("san-choi-phuong-5.txt") : arg));
    const { code, stdout, stderr } = await bantin(args, { cwd });
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: commandNamed(argv[0]!).usage, stderr: "" });
    // Every path given is relative to cwd: nothing built, copied, zipped or written there.
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  it("is an argument like any other after --, or as the value of an option", async () => {
    const cwd = tempDir("after-terminator");
    const afterTerminator = await bantin(["import", "--dry-run", "--", "-h"], { cwd });
    expect(afterTerminator).toEqual({ code: 1, stdout: "-h: no such file or folder\ndry run, nothing written: imported 0, unchanged 0, conflicts 0, failed 1\n", stderr: "" });
    const asValue = await bantin(["new", "Tin", "--category", "-h"], { cwd });
    expect(asValue.code).toBe(2);
    expect(asValue.stderr).toMatch(/^new: option --category needs a value; write --category=VALUE for one that starts with "-"; usage: /);
    expect(fs.readdirSync(cwd)).toEqual([]);
  });
});

describe("wrong arguments", () => {
  const oneLine = (stderr: string) => stderr.split("\n").length === 2 && stderr.endsWith("\n");

  it.each(NAMES)("%s: an unknown option is one line naming it, exit status 2", async (name) => {
    const { code, stdout, stderr } = await bantin([name, "--bogus"], { cwd: tempDir("bogus") });
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toBe(`${name}: unknown option --bogus; usage: ${commandNamed(name).synopsis}\n`);
  });

  it.each([
    [["build", "--out"], "build: option --out needs a value"],
    [["offline", "--zip"], "offline: option --zip needs a value"],
    [["check", "-x"], "check: unknown option -x"],
    [["check", "extra"], 'check: unexpected argument "extra"'],
    [["build", "--content", "content", "dist"], 'build: unexpected argument "dist"'],
    [["new"], 'new: no title given: write it in quotes, e.g. npm run new -- "Tiêu đề"'],
    [["new", "Tin", "thử"], 'new: unexpected argument "thử"'],
    [["serve", "--port", "http"], 'serve: --port: expected a port number from 1 to 65535, found "http"'],
    [["serve", "--port", "70000"], 'serve: --port: expected a port number from 1 to 65535, found "70000"'],
  ])("%j: %s, exit status 2", async (argv, message) => {
    const cwd = tempDir("usage");
    const { code, stdout, stderr } = await bantin(argv, { cwd });
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr.startsWith(`${message}; usage: `)).toBe(true);
    expect(oneLine(stderr)).toBe(true);
    expect(fs.readdirSync(cwd)).toEqual([]);
  });
});

describe("check", () => {
  it("reads the content folder from the working folder and says how much it checked", async () => {
    const site = copyFixture("site");
    const { code, stdout, stderr } = await bantin(["check", "--content", path.basename(site)], { cwd: path.dirname(site) });
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toMatch(new RegExp(`^No problems: \\d+ articles, 1 videos in ${path.basename(site)}/\\n$`));
  });

  it("lists every problem with the file as the editor would open it, exit status 1, no stack trace", async () => {
    const site = copyFixture("site");
    writeArticle(site, "2011/09/a.md", `title: "A"\ndate: "2011-09-01"\ncategory: "Thông báo"\nautor: "X"`);
    writeArticle(site, "2011/09/b.md", `title: "B"\ndate: "2011-02-30"\ncategory: "Thông báo"`);
    const given = path.basename(site);
    const { code, stdout, stderr } = await bantin(["check", "--content", given], { cwd: path.dirname(site) });
    expect({ code, stdout }).toEqual({ code: 1, stdout: "" });
    const lines = stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("2 problems in 2 files:");
    expect(lines.slice(1)).toEqual([
      `  ${path.join(given, "2011/09/a.md")}:5: \`autor\`: unknown field — did you mean \`author\`?`,
      expect.stringMatching(new RegExp(`^  ${path.join(given, "2011/09/b.md")}:3: \`date\`: not a real date or time`)),
    ]);
  });
});

describe("new", () => {
  it("writes the article under the working folder, then refuses to write over it in one line", async () => {
    const cwd = tempDir("new");
    const first = await bantin(["new", "Tin thử nghiệm", "--category", "Thông báo"], { cwd });
    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: "" });
    const written = /^Wrote (content\/\d{4}\/\d{2}\/tin-thu-nghiem\.md)\n$/.exec(first.stdout)?.[1];
    expect(written).toBeDefined();
    expect(fs.readFileSync(path.join(cwd, written!), "utf8")).toContain('\ncategory: "Thông báo"\n');

    const again = await bantin(["new", "Tin thử nghiệm"], { cwd });
    expect({ code: again.code, stdout: again.stdout }).toEqual({ code: 1, stdout: "" });
    expect(again.stderr).toMatch(/tin-thu-nghiem\.md already exists; choose another title or edit that file\n$/);
    expect(again.stderr.split("\n")).toHaveLength(2);
  });
});
