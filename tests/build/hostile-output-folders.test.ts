// Hostile --out, --site and --zip values (issue 10): every command keeps its output apart from the
// sources, removes nothing it did not write, and refuses in one line. The commands run against a
// sandbox copy of the project (its folders stand in for the real ones through core/project.ts), so
// that a regression destroys a copy, never this checkout.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PROJECT_DIR } from "../../src/core/project.ts";
import { bantinInEnglish as bantin } from "../helpers/cli.ts";
import { FIXTURES, PROJECT, tempDir } from "../helpers/paths.ts";
import { holdsWhatItLists, leftoversBeside, MANIFEST, manifestOf, snapshot } from "./output-helpers.ts";
import { setLanguage } from "../../src/core/messages.ts";

// These tests are about what bantin does, not its wording: they read its messages in English.
beforeAll(() => setLanguage("en"));

vi.mock("../../src/core/project.ts", async () => {
  const { default: fs } = await import("node:fs");
  const { default: os } = await import("node:os");
  const { default: path } = await import("node:path");
  const { FIXTURES, PROJECT } = await import("../helpers/paths.ts");
  const project = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bantin-sandbox-")), "project");
  for (const folder of ["layouts", "static", "src"]) fs.cpSync(path.join(PROJECT, folder), path.join(project, folder), { recursive: true });
  fs.cpSync(path.join(FIXTURES, "site"), path.join(project, "content"), { recursive: true });
  fs.copyFileSync(path.join(PROJECT, "package-lock.json"), path.join(project, "package-lock.json"));
  fs.mkdirSync(path.join(project, ".git"));
  fs.writeFileSync(path.join(project, ".git", "HEAD"), "ref: refs/heads/main\n");
  return { PROJECT_DIR: `${project}/`, LAYOUTS_DIR: path.join(project, "layouts"), STATIC_DIR: path.join(project, "static"), DEFAULT_CONTENT_DIR: "content" };
});

const project = path.resolve(PROJECT_DIR);
/** The sandbox: the project, and beside it the user's other folders. */
const root = path.dirname(project);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Runs bantin in the sandbox project, expecting a refusal: one line matching `message`, nothing in the sandbox changed. */
async function expectRefused(args: string[], message: RegExp): Promise<void> {
  const before = snapshot(root);
  const { code, stdout, stderr } = await bantin(args, { cwd: project });
  expect(stderr.trimEnd().split("\n"), `${stdout}${stderr}`).toHaveLength(1);
  expect(stderr.trimEnd()).toMatch(message);
  expect(code).not.toBe(0);
  expect(snapshot(root)).toEqual(before);
}

const user = (...parts: string[]) => path.join(root, ...parts);

beforeAll(async () => {
  // A built site for offline to reuse: a refused offline then changes nothing at all.
  expect((await bantin(["build"], { cwd: project })).code).toBe(0);
  fs.mkdirSync(user("mine", "photos"), { recursive: true });
  fs.writeFileSync(user("mine", "luan-van.txt"), "Luận văn tốt nghiệp, bản cuối.");
  fs.writeFileSync(user("mine", "photos", "anh.jpg"), "not really a photo");
  fs.writeFileSync(user("notes.txt"), "Ghi chú của tôi.");
  fs.writeFileSync(user("other.zip"), zipSync({ "thu/muc.txt": new TextEncoder().encode("của người khác") }));
  fs.mkdirSync(user("elsewhere"));
  fs.cpSync(path.join(project, "content"), user("elsewhere", "content"), { recursive: true });
});

const SOURCE = /^output folder \S+ (is|lies inside|contains) (the sample content folder|the content folder|static\/,|layouts\/,|src\/,|the project folder|the site it copies).*; bantin keeps what it writes apart from the sources: choose another place, e\.g\. dist/;
const ZIP_SOURCE = /^zip file \S+ (is|lies inside|contains) (the sample content folder|the content folder|static\/,|layouts\/,|src\/,|the project folder|the offline copy).*; bantin keeps what it writes apart from the sources/;

describe("an output folder that is, lies inside or contains a source folder is refused", () => {
  it.each([
    ["build", "content"],
    ["build", "content/2011"],
    ["build", "static"],
    ["build", "static/media"],
    ["build", "layouts"],
    ["build", "layouts/_includes"],
    ["build", "src"],
    ["build", "src/site"],
    ["build", "."],
    ["build", ".."],
    ["serve", "content"],
    ["serve", "."],
    ["offline", "content"],
    ["offline", "content/2011"],
    ["offline", "static"],
    ["offline", "layouts"],
    ["offline", "src"],
    ["offline", "."],
    ["offline", ".."],
    ["offline", "dist"],
    ["offline", "dist/ban-sao"],
  ])("%s --out %s", async (command, out) => {
    await expectRefused([command, "--out", out], SOURCE);
  });

  it("build --out a folder holding an outside --content", async () => {
    await expectRefused(["build", "--content", user("elsewhere", "content"), "--out", user("elsewhere")], /^output folder \S+ contains the content folder/);
  });

  it("build --out a folder inside an outside --content", async () => {
    await expectRefused(["build", "--content", user("elsewhere", "content"), "--out", user("elsewhere", "content", "dist")], /^output folder \S+ lies inside the content folder/);
  });

  it.each([["content"], ["static"], ["."]])("offline --site %s", async (site) => {
    await expectRefused(["offline", "--site", site, "--out", user("copy")], SOURCE);
  });

  it.each([["content/ban-tin.zip"], ["static/ban-tin.zip"], ["layouts/ban-tin.zip"], ["src/ban-tin.zip"], ["."], ["content"], ["dist-offline/ban-tin.zip"]])("offline --zip %s", async (zip) => {
    await expectRefused(["offline", "--out", "dist-offline", "--zip", zip], ZIP_SOURCE);
  });
});

describe("what is not a folder bantin wrote is refused", () => {
  it.each([["build"], ["offline"], ["serve"]])("%s --out a folder of the user's own files", async (command) => {
    await expectRefused([command, "--out", user("mine")], /^output folder \S+ holds files bantin did not write \(it has no \.bantin-manifest\.json\)/);
  });

  it.each([["build"], ["offline"]])("%s --out a plain file", async (command) => {
    await expectRefused([command, "--out", user("notes.txt")], /^output folder \S+ is a file, not a folder/);
  });

  it("build --out a path under a plain file", async () => {
    await expectRefused(["build", "--out", user("notes.txt", "dist")], /^output folder \S+: \S+notes\.txt is a file, not a folder/);
  });

  it.each([["a plain file", "notes.txt", /was not written by bantin/], ["a zip bantin did not write", "other.zip", /was not written by bantin/], ["a folder", "mine", /is a folder/]])("offline --zip %s", async (_what, zip, message) => {
    await expectRefused(["offline", "--out", user("copy"), "--zip", user(zip)], message);
  });

  it("build --out an offline copy bantin made", async () => {
    expect((await bantin(["offline", "--out", user("ban-sao")], { cwd: project })).code).toBe(0);
    await expectRefused(["build", "--out", user("ban-sao")], /^output folder \S+ holds an offline copy made by bantin, not a site/);
    await expectRefused(["offline", "--site", user("ban-sao"), "--out", user("copy")], /holds an offline copy made by bantin, not a site/);
  });

  it.each([
    ["not JSON", "{ tool: bantin"],
    ["listing a file outside the folder", JSON.stringify({ tool: "bantin", kind: "site", complete: true, sources: "", files: ["/../notes.txt"] })],
  ])("build --out a folder whose manifest is %s", async (_what, manifest) => {
    fs.mkdirSync(user("forged"), { recursive: true });
    fs.writeFileSync(user("forged", MANIFEST), manifest);
    await expectRefused(["build", "--out", user("forged")], /\.bantin-manifest\.json: not a manifest bantin wrote/);
  });
});

describe("a folder the system will not let bantin write is one line", () => {
  // Tests run as root, where a chmod-ed folder stays writable: /sys is a file system nobody may add to.
  it.each([
    ["build", "--out", "/sys/bantin-dist"],
    ["offline", "--out", "/sys/bantin-offline"],
    ["offline", "--out", "dist-offline", "--zip", "/sys/ban-tin.zip"],
  ])("%s %s %s (read-only)", async (...args) => {
    await expectRefused(args, /^cannot write \/sys\/\S+: (permission denied|not permitted|the file system is read-only)\b.*; choose a folder you can write to$/);
  });

  it("build --out a name longer than the system allows", async () => {
    await expectRefused(["build", "--out", user("d".repeat(300))], /^cannot write \S+: a name in the path is too long\b.*\[ENAMETOOLONG\]; choose a shorter path$/);
  });
});

describe("files bantin did not write, in a folder it did, stay as they are", () => {
  it("keeps a CNAME, a user's page naming bantin as its generator, a saved copy of a built page, a backup folder and a large foreign XML file", async () => {
    const dist = path.join(project, "dist");
    const marked = '<!doctype html><meta name="generator" content="bantin"><title>Ghi chú</title><!-- made by hand, not by <generator>bantin</generator> -->';
    fs.writeFileSync(path.join(dist, "CNAME"), "ban-tin.example.org\n");
    fs.writeFileSync(path.join(dist, "ghi-chu.html"), marked);
    fs.copyFileSync(path.join(dist, "index.html"), path.join(dist, "index.saved.html"));
    fs.cpSync(path.join(dist, "2011"), path.join(dist, "backup", "2011"), { recursive: true });
    // Larger than a string can be (2^29 characters): reading it whole crashed the old clean-up. Sparse, so instant.
    fs.closeSync(fs.openSync(path.join(dist, "lon.xml"), "w"));
    fs.truncateSync(path.join(dist, "lon.xml"), 600 * 2 ** 20);
    const theirs = ["CNAME", "ghi-chu.html", "index.saved.html", "backup", "lon.xml"];
    const outside = () => snapshot(root, (relative) => relative.startsWith(`project${path.sep}dist${path.sep}`));
    const userEntries = () => snapshot(dist, (relative) => !theirs.some((entry) => relative === entry || relative.startsWith(`${entry}${path.sep}`)));
    const [outsideBefore, userBefore] = [outside(), userEntries()];

    const { code, stderr } = await bantin(["build"], { cwd: project });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(outside()).toEqual(outsideBefore);
    expect(userEntries()).toEqual(userBefore);
    // The five entries, backup/2011, and all under it.
    expect(Object.keys(userBefore)).toHaveLength(theirs.length + 1 + fs.readdirSync(path.join(dist, "2011"), { recursive: true }).length);
    for (const entry of theirs) fs.rmSync(path.join(dist, entry), { recursive: true });
  });

  it("refuses a link inside the output folder to a folder elsewhere, where the build writes", async () => {
    const dist = path.join(project, "dist");
    fs.cpSync(path.join(dist, "2012"), user("lien-ket"), { recursive: true });
    fs.renameSync(path.join(dist, "2012"), user("2012-built"));
    fs.symlinkSync(user("lien-ket"), path.join(dist, "2012"));
    await expectRefused(["build"], /^\S+\/dist\/2012: bantin did not write it, and this output writes there; move it out of /);
    fs.rmSync(path.join(dist, "2012"));
    fs.renameSync(user("2012-built"), path.join(dist, "2012"));
  });
});

describe("offline reuses a built site only when it was built from the current sources", () => {
  it("rebuilds after a template changes, and not after time stamps change", async () => {
    const home = path.join(project, "layouts", "index.njk");
    const template = fs.readFileSync(home, "utf8");
    const reused = async () => /^Reusing /m.test((await bantin(["offline", "--out", user("ban-sao-2")], { cwd: project })).stdout);
    fs.appendFileSync(home, "\n{# một dòng mới #}\n");
    expect(await reused()).toBe(false);
    expect(await reused()).toBe(true);
    const later = new Date(Date.now() + 60_000);
    for (const file of fs.readdirSync(path.join(project, "content"), { recursive: true, encoding: "utf8" })) fs.utimesSync(path.join(project, "content", file), later, later);
    expect(await reused()).toBe(true);
    fs.writeFileSync(home, template);
    expect(await reused()).toBe(false);
  });
});

describe("a build that fails midway leaves the previous complete site, and nothing offline would take for one", () => {
  it("a template that throws while the pages are being written", async () => {
    const dist = path.join(project, "dist");
    expect((await bantin(["build"], { cwd: project })).code).toBe(0);
    const before = snapshot(dist);
    const broken = path.join(project, "layouts", "hong.njk");
    fs.writeFileSync(broken, "---\npermalink: /hong/index.html\n---\n{{ khong_co_ham_nay() }}\n");
    try {
      const failed = await bantin(["build"], { cwd: project });
      expect(failed.code).toBe(1);
      expect(snapshot(dist)).toEqual(before);
      expect(holdsWhatItLists(dist)).toBe(true);
      expect(leftoversBeside(dist)).toEqual([]);
      // The sources changed since the complete build: offline builds again, and fails the same way.
      const offline = await bantin(["offline", "--out", user("ban-sao-3")], { cwd: project });
      expect(offline.code).toBe(1);
      expect(offline.stdout).not.toMatch(/Reusing|Wrote/);
      expect(fs.existsSync(user("ban-sao-3"))).toBe(false);
      expect(snapshot(dist)).toEqual(before);
    } finally {
      fs.rmSync(broken);
    }
    expect(manifestOf(dist).complete).toBe(true);
  });
});


// In a process of its own, with a time limit: Node's recursive mkdir spins for ever under /proc,
// which would hang the test run rather than fail it.
describe("a folder under /proc, which no one can make", () => {
  const cli = (...args: string[]) =>
    spawnSync(path.join(PROJECT, "node_modules", ".bin", "tsx"), [path.join(PROJECT, "src", "cli", "main.ts"), ...args], { cwd: tempDir("proc"), encoding: "utf8", timeout: 30_000 });

  it.each([
    ["build --out", ["build", "--content", path.join(FIXTURES, "site"), "--out", "/proc/bantin-thu/dist"], "build"],
    ["offline --zip", ["offline", "--content", path.join(FIXTURES, "site"), "--site", "dist", "--out", "ban-sao", "--zip", "/proc/bantin-thu/a.zip"], "offline"],
  ])("%s: one line, exit status 1, nothing made", (_, args, command) => {
    const run = cli(...args);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`${command}: ENOENT: no such file or directory, mkdir '/proc/bantin-thu'\n`);
    expect(fs.existsSync("/proc/bantin-thu")).toBe(false);
  }, 40_000);
});
