// The dispatcher and the one argument parser, run in-process: help, usage errors, exit statuses,
// and paths read from the working folder. The import command's own report is in cli-import.test.ts.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { VIETNAMESE_HELP } from "../../src/cli/help.ts";
import { COMMANDS } from "../../src/cli/main.ts";
import { capture } from "../helpers/captures.ts";
import { bantin } from "../helpers/cli.ts";
import { changes, NO_CHANGE, snapshot, systemError } from "../helpers/folder-state.ts";
import { copyFixture, writeArticle } from "../helpers/site.ts";
import { PROJECT, tempDir } from "../helpers/paths.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

const NAMES = COMMANDS.map((command) => command.name);
const commandNamed = (name: string) => COMMANDS.find((command) => command.name === name)!;

describe("bantin", () => {
  it("has the commands of the npm scripts", () => {
    expect(NAMES).toEqual(["build", "serve", "check", "offline", "zim", "import", "new", "cms"]);
  });

  it.each([[[]], [["--help"]], [["-h"]]])("lists every command on %j, exit status 0", async (argv) => {
    const { code, stdout, stderr } = await bantin(argv);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    for (const command of COMMANDS) expect(stdout).toContain(command.synopsis);
  });

  it("refuses an unknown command in one line naming it, exit status 2", async () => {
    const { code, stdout, stderr } = await bantin(["buidl", "--out", "x"]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toBe('không có lệnh "buidl"; các lệnh là build, serve, check, offline, zim, import, new, cms\n');
  });
});

describe("--help and -h", () => {
  it.each(NAMES.flatMap((name) => [[name, "--help"], [name, "-h"]]))("%s %s prints the command's usage to stdout, exit status 0", async (name, flag) => {
    const command = commandNamed(name);
    expect(await bantin([name, flag])).toEqual({ code: 0, stdout: command.usage(), stderr: "" });
    expect(command.usage().startsWith(`${command.synopsis}\n`)).toBe(true);
    expect(command.usage()).toContain("-h, --help");
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
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: commandNamed(argv[0]!).usage(), stderr: "" });
    // Every path given is relative to cwd: nothing built, copied, zipped or written there.
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  it("is an argument like any other after --, or as the value of an option", async () => {
    const cwd = tempDir("after-terminator");
    const afterTerminator = await bantin(["import", "--dry-run", "--", "-h"], { cwd });
    expect(afterTerminator).toEqual({ code: 1, stdout: "-h: no such file or folder\ndry run, nothing written: imported 0, unchanged 0, conflicts 0, failed 1\n", stderr: "" });
    const asValue = await bantin(["new", "Tin", "--category", "-h"], { cwd });
    expect(asValue.code).toBe(2);
    expect(asValue.stderr).toMatch(/^new: tùy chọn --category cần một giá trị; giá trị bắt đầu bằng "-" thì viết --category=VALUE; cách dùng: /);
    expect(fs.readdirSync(cwd)).toEqual([]);
  });
});

describe("--lang", () => {
  it.each(COMMANDS.map((command) => [command.name, command] as const))("%s has its summary, description and every option's help in Vietnamese", (name, command) => {
    const help = VIETNAMESE_HELP[name];
    expect(help).toBeDefined();
    expect(Object.keys(help!.options).sort()).toEqual([...command.optionNames].sort());
  });

  it("gives the help in Vietnamese by default, in English with --lang en before or after the command", async () => {
    const vietnamese = await bantin(["check", "--help"]);
    expect(vietnamese.stdout).toContain("liệt kê mọi lỗi cùng một lúc");
    expect(vietnamese.stdout).toContain("--content DIR   thư mục nội dung: các bài viết, video, _data/site.json (mặc định: content)");
    for (const argv of [["check", "--help", "--lang", "en"], ["--lang", "en", "check", "--help"], ["check", "--lang=en", "-h"]]) {
      const english = await bantin(argv);
      expect(english.stdout).toContain("lists\n  at once every error");
      expect(english.stdout).toContain("--content DIR   content folder: articles, videos, _data/site.json (default: content)");
    }
    expect((await bantin([])).stdout).toContain("liệt kê mọi lỗi trong mọi tệp nội dung");
    expect((await bantin(["--lang", "en"])).stdout).toContain("list every problem in every content file");
  });

  it("takes English from the locale: LC_ALL, then LC_MESSAGES, then LANG", async () => {
    const say = async (env: Record<string, string>) => (await bantin(["check", "--bogus"], { env })).stderr;
    expect(await say({ LANG: "en_US.UTF-8" })).toMatch(/^check: unknown option --bogus; usage: /);
    expect(await say({ LC_ALL: "vi_VN.UTF-8", LANG: "en_US.UTF-8" })).toMatch(/^check: không có tùy chọn --bogus; cách dùng: /);
    expect(await say({ LC_MESSAGES: "en_US.UTF-8" })).toMatch(/^check: unknown option --bogus; usage: /);
    expect(await say({ LANG: "C.UTF-8" })).toMatch(/^check: không có tùy chọn --bogus; cách dùng: /);
  });

  it("refuses an unknown language before the command in one line, exit status 2", async () => {
    expect(await bantin(["--lang", "fr", "check"])).toEqual({ code: 2, stdout: "", stderr: 'check: không có ngôn ngữ "fr" cho --lang; hãy chọn vi hoặc en; cách dùng: npm run check -- [--content DIR] [--fix] [--json]\n' });
    expect(await bantin(["--lang=fr"])).toEqual({ code: 2, stdout: "", stderr: 'không có ngôn ngữ "fr" cho --lang; hãy chọn vi hoặc en\n' });
  });
});

describe("wrong arguments", () => {
  const oneLine = (stderr: string) => stderr.split("\n").length === 2 && stderr.endsWith("\n");

  it.each(NAMES)("%s: an unknown option is one line naming it, exit status 2", async (name) => {
    const { code, stdout, stderr } = await bantin([name, "--bogus"], { cwd: tempDir("bogus") });
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toBe(`${name}: không có tùy chọn --bogus; cách dùng: ${commandNamed(name).synopsis}\n`);
  });

  it.each([
    [["build", "--out"], "build: tùy chọn --out cần một giá trị"],
    [["offline", "--zip"], "offline: tùy chọn --zip cần một giá trị"],
    [["check", "-x"], "check: không có tùy chọn -x"],
    [["check", "extra"], 'check: thừa đối số "extra"'],
    [["build", "--content", "content", "dist"], 'build: thừa đối số "dist"'],
    [["new"], 'new: chưa có tiêu đề: hãy ghi trong dấu ngoặc kép, ví dụ npm run new -- "Tiêu đề"'],
    [["new", "Tin", "thử"], 'new: thừa đối số "thử"'],
    [["serve", "--port", "http"], 'serve: --port: cần số cổng từ 1 đến 65535, nhưng thấy "http"'],
    [["serve", "--port", "70000"], 'serve: --port: cần số cổng từ 1 đến 65535, nhưng thấy "70000"'],
    [["check", "--lang", "fr"], 'check: không có ngôn ngữ "fr" cho --lang; hãy chọn vi hoặc en'],
    [["check", "--lang"], "check: tùy chọn --lang cần một giá trị"],
  ])("%j: %s, exit status 2", async (argv, message) => {
    const cwd = tempDir("usage");
    const { code, stdout, stderr } = await bantin(argv, { cwd });
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr.startsWith(`${message}; cách dùng: `)).toBe(true);
    expect(oneLine(stderr)).toBe(true);
    expect(fs.readdirSync(cwd)).toEqual([]);
  });
});

describe("check", () => {
  it("reads the content folder from the working folder and says how much it checked", async () => {
    const site = copyFixture("site");
    const { code, stdout, stderr } = await bantin(["check", "--content", path.basename(site)], { cwd: path.dirname(site) });
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    // The fixture has a category of one article, which is worth a warning, and a draft.
    expect(stdout.trimEnd().split("\n").at(-1)).toBe(`Không có lỗi, 1 cảnh báo: 7 bài viết, 1 video, 1 bản nháp trong ${path.basename(site)}/`);
  });

  it("lists every problem with the file as the editor would open it, exit status 1, no stack trace", async () => {
    const site = copyFixture("site");
    writeArticle(site, "2011/09/a.md", `title: "A"\ndate: "2011-09-01"\ncategory: "Thông báo"\nautor: "X"`);
    writeArticle(site, "2011/09/b.md", `title: "B"\ndate: "2011-02-30"\ncategory: "Thông báo"`);
    const given = path.basename(site);
    const { code, stdout, stderr } = await bantin(["check", "--content", given], { cwd: path.dirname(site) });
    expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
    const lines = stdout.trimEnd().split("\n");
    expect(lines.slice(0, 3)).toEqual([
      "2 lỗi trong 2 tệp:",
      `  ${path.join(given, "2011/09/a.md")}:5: \`autor\`: trường không có trong mẫu — có phải ý bạn là \`author\`?`,
      expect.stringMatching(new RegExp(`^  ${path.join(given, "2011/09/b.md")}:3: \`date\`: không phải ngày giờ có thật`)),
    ]);
    expect(lines.at(-1)).toBe(`2 lỗi, 1 cảnh báo: 7 bài viết, 1 video, 1 bản nháp trong ${given}/`);
  });
});

describe("new", () => {
  it("writes the article under the working folder, then refuses to write over it in one line", async () => {
    const cwd = tempDir("new");
    const first = await bantin(["new", "Tin thử nghiệm", "--category", "Thông báo", "--new-category"], { cwd });
    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: "" });
    const written = /^Đã tạo (content\/\d{4}\/\d{2}\/tin-thu-nghiem\.md), một bản nháp\. Tiếp theo:\n/.exec(first.stdout)?.[1];
    expect(written).toBeDefined();
    expect(fs.readFileSync(path.join(cwd, written!), "utf8")).toContain('\ncategory: "Thông báo"\n');

    const again = await bantin(["new", "Tin thử nghiệm"], { cwd });
    expect({ code: again.code, stdout: again.stdout }).toEqual({ code: 1, stdout: "" });
    expect(again.stderr).toMatch(/tin-thu-nghiem\.md đã có; hãy chọn tiêu đề khác hoặc sửa tệp đó\n$/);
    expect(again.stderr.split("\n")).toHaveLength(2);
  });
});

describe("errors, and --debug", () => {
  const CAPTURE = capture("san-choi-phuong-5.txt");
  const oneLine = (stderr: string) => stderr.split("\n").length === 2 && stderr.endsWith("\n");
  /** A bug inside a command: statSync of the content folder throws what no user could cause. */
  const bug = (cwd: string) => {
    const stat = fs.statSync;
    vi.spyOn(fs, "statSync").mockImplementation(((file: fs.PathLike, options?: fs.StatSyncOptions) => {
      if (file === path.join(cwd, "content")) throw new TypeError("Cannot read properties of undefined (reading 'size')");
      return stat(file, options);
    }) as typeof fs.statSync);
  };

  it("an unexpected error is one line naming it and --debug, exit status 1, no stack trace", async () => {
    const cwd = tempDir("bug");
    fs.mkdirSync(path.join(cwd, "content"));
    bug(cwd);
    const before = snapshot(cwd);
    expect(await bantin(["import", CAPTURE], { cwd })).toEqual({
      code: 1,
      stdout: "",
      stderr: "import: lỗi không lường trước (TypeError: Cannot read properties of undefined (reading 'size')); hãy chạy lại với --debug để xem chi tiết\n",
    });
    expect(changes(before, snapshot(cwd))).toEqual(NO_CHANGE);
  });

  it.each([
    ["after the command", ["import", "--debug", CAPTURE]],
    ["before the command", ["--debug", "import", CAPTURE]],
    ["after the paths", ["import", CAPTURE, "--debug"]],
  ])("--debug %s prints the stack trace of an unexpected error", async (_, argv) => {
    const cwd = tempDir("bug");
    fs.mkdirSync(path.join(cwd, "content"));
    bug(cwd);
    const { code, stdout, stderr } = await bantin(argv, { cwd });
    expect({ code, stdout }).toEqual({ code: 1, stdout: "" });
    expect(stderr).toMatch(/^TypeError: Cannot read properties of undefined \(reading 'size'\)\n\s+at /);
  });

  it("--debug prints a user's error, then its stack trace", async () => {
    const cwd = tempDir("debug-user");
    fs.writeFileSync(path.join(cwd, "notes.txt"), "ghi chú\n");
    const { code, stdout, stderr } = await bantin(["import", "--debug", "--out", "notes.txt", CAPTURE], { cwd });
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toMatch(/^the content folder notes\.txt is a file; expected a folder to write the articles into\nUserError: the content folder notes\.txt is a file[^\n]*\n\s+at /);
  });

  it.each([
    [["--debug", "build", "--bogus"], "build: không có tùy chọn --bogus; cách dùng: npm run build -- [--content DIR] [--out DIR] [--base-url URL]\n", 2],
    [["import", "--debug", "--bogus", "a.txt"], "import: không có tùy chọn --bogus; cách dùng: npm run import -- [--out DIR] [--dry-run] [--force] [--json] PATH…\n", 2],
    [["--debug", "buidl"], 'không có lệnh "buidl"; các lệnh là build, serve, check, offline, zim, import, new, cms\n', 2],
  ])("%j: wrong usage stays one line, --debug or not", async (argv, stderr, code) => {
    const cwd = tempDir("debug-usage");
    const run = await bantin(argv, { cwd });
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code, stderr });
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  it("--debug after -- is a path like any other", async () => {
    const { stdout } = await bantin(["import", "--dry-run", "--", "--debug"], { cwd: tempDir("debug-path") });
    expect(stdout).toBe("--debug: no such file or folder\ndry run, nothing written: imported 0, unchanged 0, conflicts 0, failed 1\n");
  });

  it.each([
    ["a file", "notes.txt", "the content folder notes.txt is a file; expected a folder to write the articles into", 2],
    ["inside a file", path.join("notes.txt", "content"), `the content folder ${path.join("notes.txt", "content")} is inside CWD/notes.txt, which is a file; expected a folder to write the articles into`, 2],
  ])("import --out naming %s: one line, exit status 2, nothing written", async (_, out, message, status) => {
    const cwd = tempDir("out-file");
    fs.writeFileSync(path.join(cwd, "notes.txt"), "ghi chú\n");
    const before = snapshot(cwd);
    for (const dryRun of [[], ["--dry-run"]]) {
      expect(await bantin(["import", ...dryRun, "--out", out, CAPTURE], { cwd })).toEqual({ code: status, stdout: "", stderr: `${message.replace("CWD", cwd)}\n` });
    }
    expect(changes(before, snapshot(cwd))).toEqual(NO_CHANGE);
  });

  it("import --out a folder that cannot be written (EACCES): one line, exit status 1, nothing written", async () => {
    const cwd = tempDir("out-denied");
    const out = path.join(cwd, "content");
    fs.mkdirSync(out);
    vi.spyOn(fs, "accessSync").mockImplementation((file) => {
      throw systemError("EACCES", "permission denied", "access", String(file));
    });
    const before = snapshot(cwd);
    const run = await bantin(["import", "--out", "content", CAPTURE, CAPTURE.replace("san-choi", "giai-bong-da")], { cwd });
    expect(run).toEqual({ code: 1, stdout: "", stderr: `cannot write into the content folder content: EACCES: permission denied, access '${out}'\n` });
    expect(oneLine(run.stderr)).toBe(true);
    expect(changes(before, snapshot(cwd))).toEqual(NO_CHANGE);
  });

  // In a process of its own: Node's recursive mkdir spins there for ever, which would hang the test run rather than fail it.
  it.skipIf(!fs.existsSync("/proc/self"))("import --out a folder under /proc, which no one can make (and Node's recursive mkdir never returns from): one line, exit status 1", () => {
    const run = spawnSync(path.join(PROJECT, "node_modules", ".bin", "tsx"), [path.join(PROJECT, "src", "cli", "main.ts"), "import", "--out", "/proc/bantin-thu/content", CAPTURE], { cwd: tempDir("out-proc"), encoding: "utf8", timeout: 30_000 });
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 1, stdout: "", stderr: "cannot write into the content folder /proc/bantin-thu/content: ENOENT: no such file or directory, mkdir '/proc/bantin-thu'\n" });
    expect(fs.existsSync("/proc/bantin-thu")).toBe(false);
  }, 40_000);
});
