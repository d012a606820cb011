// Builds are complete or not there (issue 10): a build killed, failing or racing another never
// leaves a folder that offline, a web server or the next build takes for a complete site.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { bantinInEnglish as bantin } from "../helpers/cli.ts";
import { copyFixture, PROJECT, tempDir } from "../helpers/site.ts";
import { holdsWhatItLists, leftoversBeside, MANIFEST, manifestOf, snapshot } from "./output-helpers.ts";
import { setLanguage } from "../../src/core/messages.ts";

// These tests are about what bantin does, not its wording: they read its messages in English.
beforeAll(() => setLanguage("en"));

afterEach(() => vi.restoreAllMocks());

/** A fixture content folder and an output folder beside it, in a folder of their own. */
function workspace(): { root: string; content: string; out: string } {
  const root = tempDir("workspace");
  const content = path.join(root, "content");
  fs.renameSync(copyFixture("site"), content);
  return { root, content, out: path.join(root, "dist") };
}

const build = (content: string, out: string) => bantin(["build", "--content", content, "--out", out]);

/** Gives an article a new title: the sources change, and the new page shows which build a folder holds. */
function retitle(content: string, title: string): void {
  const file = path.join(content, "2011/09/nua-dem.md");
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/^title: .*$/m, `title: "${title}"`));
}

/** The id of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.once("exit", resolve));
  return child.pid!;
}

describe("a build that does not finish leaves the previous complete site", () => {
  it("a disk that fills as the build ends: one line, the previous site byte for byte", async () => {
    const { root, content, out } = workspace();
    expect((await build(content, out)).code).toBe(0);
    const before = snapshot(out);
    retitle(content, "Tin lúc nửa đêm, bản mới");
    const sources = snapshot(content);
    const write = fs.writeFileSync;
    vi.spyOn(fs, "writeFileSync").mockImplementation((file, data, options) => {
      if (String(file).includes(MANIFEST) && String(data).includes('"complete": true')) {
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", syscall: "write", path: String(file) });
      }
      write(file, data, options);
    });
    const { code, stderr } = await build(content, out);
    expect(stderr).toMatch(/^cannot write \S+dist: no space left on the disk \(at \S+\) \[ENOSPC\]; free some space, or write somewhere else\n$/);
    expect(code).toBe(1);
    expect(snapshot(out)).toEqual(before);
    expect(snapshot(content)).toEqual(sources);
    expect(fs.readdirSync(root).sort()).toEqual(["content", "dist"]);
  });

  it("a build killed midway (SIGKILL): offline builds again rather than reuse it, and the next command clears what it left", async () => {
    const { root, content, out } = workspace();
    expect((await build(content, out)).code).toBe(0);
    const before = snapshot(out);
    retitle(content, "Tin lúc nửa đêm, bản bị ngắt");
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "build", "--content", content, "--out", out], { cwd: PROJECT, stdio: "ignore" });
    const next = path.join(root, `.dist.bantin-tmp-${child.pid}`);
    // Killed once pages are being written into the new folder.
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (fs.existsSync(path.join(next, "2011"))) {
          clearInterval(timer);
          child.kill("SIGKILL");
          resolve();
        }
      }, 2);
      child.once("exit", () => {
        clearInterval(timer);
        reject(new Error("the build ended before it could be killed"));
      });
    });
    await new Promise((resolve) => child.once("exit", resolve));
    expect(snapshot(out)).toEqual(before);
    // What it left: a half folder marked incomplete, and its lock.
    expect(manifestOf(next).complete).toBe(false);
    expect(leftoversBeside(out).sort()).toEqual([".dist.bantin-lock", `.dist.bantin-tmp-${child.pid}`]);

    const offline = await bantin(["offline", "--content", content, "--site", out, "--out", path.join(root, "ban-sao")]);
    expect(offline.stderr).toBe("");
    expect(offline.stdout).not.toMatch(/^Reusing/m);
    expect(fs.existsSync(path.join(root, "ban-sao/2011/09/20/tin-luc-nua-dem-ban-bi-ngat/index.html"))).toBe(true);
    expect(holdsWhatItLists(out)).toBe(true);
    expect(leftoversBeside(out)).toEqual([]);
  });

  it("a site whose manifest says incomplete (npm start writes in place) or lacks a listed file is built again", async () => {
    const { root, content, out } = workspace();
    const offline = async () => (await bantin(["offline", "--content", content, "--site", out, "--out", path.join(root, "ban-sao")])).stdout;
    expect(await offline()).not.toMatch(/^Reusing/m);
    expect(await offline()).toMatch(/^Reusing/m);
    fs.writeFileSync(path.join(out, MANIFEST), JSON.stringify({ ...manifestOf(out), complete: false }));
    expect(await offline()).not.toMatch(/^Reusing/m);
    fs.rmSync(path.join(out, "2011/09/20/index.html"));
    expect(await offline()).not.toMatch(/^Reusing/m);
    expect(fs.existsSync(path.join(out, "2011/09/20/index.html"))).toBe(true);
    expect(holdsWhatItLists(out)).toBe(true);
  });
});

describe("what a killed swap leaves is finished by the next command", () => {
  it("killed between its two renames: the previous site comes back; killed while retiring it: the user's files move across", async () => {
    const { root, content, out } = workspace();
    expect((await build(content, out)).code).toBe(0);
    fs.writeFileSync(path.join(out, "CNAME"), "ban-tin.example.org\n");
    const before = snapshot(out);
    const old = path.join(root, `.dist.bantin-old-${await deadPid()}`);
    fs.renameSync(out, old);
    const offline = async () => (await bantin(["offline", "--content", content, "--site", out, "--out", path.join(root, "ban-sao")])).stdout;
    expect(await offline()).toMatch(/^Reusing /m);
    expect(snapshot(out)).toEqual(before);

    // The new site in place, the old one aside with a file of the user's in it.
    fs.cpSync(out, old, { recursive: true });
    fs.rmSync(path.join(out, "CNAME"));
    fs.writeFileSync(path.join(old, "2011", "ghi-chu.txt"), "của người dùng");
    expect(await offline()).toMatch(/^Reusing /m);
    expect(fs.readFileSync(path.join(out, "CNAME"), "utf8")).toBe("ban-tin.example.org\n");
    expect(fs.readFileSync(path.join(out, "2011", "ghi-chu.txt"), "utf8")).toBe("của người dùng");
    expect(fs.readdirSync(root).sort()).toEqual(["ban-sao", "content", "dist"]);
  });
});

describe("two commands writing one folder at once", () => {
  it("two builds: the second is refused in one line; one complete site, no orphan files", async () => {
    const { root, content, out } = workspace();
    const sources = snapshot(content);
    const [first, second] = await Promise.all([build(content, out), build(content, out)]);
    expect(first.code).toBe(0);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/^\S+dist is being written by another bantin command \(npm run build, process \d+\); wait until it has finished \(or stop it\), then run this again; if no bantin command runs, delete \S+\/\.dist\.bantin-lock\n$/);
    expect(holdsWhatItLists(out)).toBe(true);
    expect(manifestOf(out).complete).toBe(true);
    expect(fs.readdirSync(root).sort()).toEqual(["content", "dist"]);
    expect(snapshot(content)).toEqual(sources);
  });

  it("a build and an offline copy of the same site: the second is refused", async () => {
    const { root, content, out } = workspace();
    const [built, offline] = await Promise.all([build(content, out), bantin(["offline", "--content", content, "--site", out, "--out", path.join(root, "ban-sao")])]);
    expect(built.code).toBe(0);
    expect(offline.stderr).toMatch(/^\S+dist is being written by another bantin command \(npm run build, process \d+\)/);
    expect(offline.code).toBe(1);
    expect(fs.existsSync(path.join(root, "ban-sao"))).toBe(false);
    expect(holdsWhatItLists(out)).toBe(true);
  });

  it("a lock left by a process that no longer runs is taken over", async () => {
    const { root, content, out } = workspace();
    fs.writeFileSync(path.join(root, ".dist.bantin-lock"), JSON.stringify({ pid: await deadPid(), command: "npm run build" }));
    const { code, stderr } = await build(content, out);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(fs.readdirSync(root).sort()).toEqual(["content", "dist"]);
  });
});
