// The zip of an offline copy (issue 10): names readable by Info-ZIP unzip, written whole or not at all.
import fs from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { bantinInEnglish as bantin } from "../helpers/cli.ts";
import { copyFixture, tempDir } from "../helpers/site.ts";
import { leftoversBeside, snapshot } from "./output-helpers.ts";
import { setLanguage } from "../../src/core/messages.ts";

// These tests are about what bantin does, not its wording: they read its messages in English.
beforeAll(() => setLanguage("en"));

afterEach(() => vi.restoreAllMocks());

const FOLDER = "Bản tin lưu trữ";
let root: string;
let content: string;
let zipFile: string;

const offline = () => bantin(["offline", "--content", content, "--site", path.join(root, "dist"), "--out", path.join(root, FOLDER), "--zip", zipFile]);

beforeAll(async () => {
  root = tempDir("zip");
  content = copyFixture("site");
  zipFile = path.join(root, "ban-tin.zip");
  const { code, stderr } = await offline();
  expect(stderr).toBe("");
  expect(code).toBe(0);
});

interface CentralEntry {
  /** High byte of "version made by": the system the entry was made on (0 MS-DOS, 3 Unix). */
  madeBy: number;
  flags: number;
  externalAttributes: number;
  name: string;
}

/** The entries of a zip's central directory, read by hand (APPNOTE 4.3.12, 4.3.16). */
function centralDirectory(zip: Buffer): { entries: CentralEntry[]; comment: string } {
  const end = zip.lastIndexOf(Buffer.from("PK\x05\x06", "latin1"));
  const count = zip.readUInt16LE(end + 10);
  const entries: CentralEntry[] = [];
  for (let at = zip.readUInt32LE(end + 16), index = 0; index < count; index++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({ madeBy: zip[at + 5]!, flags: zip.readUInt16LE(at + 8), externalAttributes: zip.readUInt32LE(at + 38), name: zip.subarray(at + 46, at + 46 + nameLength).toString("utf8") });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return { entries, comment: zip.subarray(end + 22, end + 22 + zip.readUInt16LE(end + 20)).toString("utf8") };
}

describe("the zip of an offline copy", () => {
  it("a Vietnamese folder name: every entry made on Unix, marked UTF-8 (flag bit 11), rw-r--r--", () => {
    const { entries, comment } = centralDirectory(fs.readFileSync(zipFile));
    expect(entries.length).toBeGreaterThan(50);
    for (const entry of entries) {
      expect(entry.name.startsWith(`${FOLDER}/`), entry.name).toBe(true);
      expect(entry.madeBy, entry.name).toBe(3);
      expect(entry.flags & 0x800, entry.name).toBe(0x800);
      expect(entry.externalAttributes >>> 16, entry.name).toBe(0o100644);
    }
    expect(entries.map((entry) => entry.name)).toContain(`${FOLDER}/2011/09/20/tin-luc-nua-dem/index.html`);
    expect(comment).toMatch(/^bantin offline copy/);
  });

  it("a disk that fills while zipping: one line, the previous zip and copy byte for byte, no partial file", async () => {
    const before = snapshot(root);
    const sources = snapshot(content);
    // A file stream that takes 64 KiB, then fails as a full disk does, leaving what it wrote.
    vi.spyOn(fs, "createWriteStream").mockImplementation(((file: string) => {
      const fd = fs.openSync(file, "w");
      let written = 0;
      return new Writable({
        write(chunk: Buffer, _encoding, done) {
          if (written + chunk.length > 2 ** 16) return done(Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", syscall: "write" }));
          fs.writeSync(fd, chunk);
          written += chunk.length;
          done();
        },
        destroy(error, done) {
          fs.closeSync(fd);
          done(error);
        },
      });
    }) as unknown as typeof fs.createWriteStream);
    const { code, stdout, stderr } = await offline();
    expect(stdout).toMatch(/^Reusing /);
    expect(stderr).toMatch(/^cannot write \S+ban-tin\.zip: no space left on the disk \[ENOSPC\]; free some space, or write somewhere else\n$/);
    expect(code).toBe(1);
    expect(snapshot(root)).toEqual(before);
    expect(snapshot(content)).toEqual(sources);
    expect(leftoversBeside(zipFile)).toEqual([]);
  });

  it("replaces a zip bantin wrote, and only such a zip", async () => {
    const { code } = await offline();
    expect(code).toBe(0);
    fs.writeFileSync(zipFile, Buffer.concat([fs.readFileSync(zipFile), Buffer.from("?")]));
    const before = snapshot(root);
    const refused = await offline();
    expect(refused.stderr).toMatch(/^zip file \S+ban-tin\.zip was not written by bantin/);
    expect(snapshot(root)).toEqual(before);
  });
});
