import fs from "node:fs";
import path from "node:path";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import { UserError } from "../core/errors.ts";
import { siteFiles } from "../core/files.ts";
import { type Guard, realPath } from "../core/output-folder.ts";
import { say } from "../core/messages.ts";
import { checkFileTarget, writeFileBeside } from "./file-output.ts";

/**
 * The zip's own comment (end of its central directory): how bantin knows a zip it may replace, and
 * what `unzip -z` or an archive manager shows a reader.
 */
export const ZIP_COMMENT = "bantin offline copy: unzip, then open index.html in the folder";
/** The end-of-central-directory record: its signature, and its size before the comment. */
const END_SIGNATURE = 0x06054b50;
const END_SIZE = 22;
/** "Made by" Unix, regular file rw-r--r--: Info-ZIP unzip then reads names as UTF-8 (with flag bit 11, which fflate sets for them) and not as MS-DOS code page 437. */
const UNIX = 3;
const FILE_ATTRIBUTES = (0o100644 << 16) >>> 0;

/** True when `file` ends with the end record and comment bantin writes. */
export function isBantinZip(file: string): boolean {
  const comment = Buffer.from(ZIP_COMMENT);
  const size = fs.statSync(file).size;
  if (size < END_SIZE + comment.length) return false;
  const tail = Buffer.alloc(END_SIZE + comment.length);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, tail, 0, tail.length, size - tail.length);
  } finally {
    fs.closeSync(fd);
  }
  return tail.readUInt32LE(0) === END_SIGNATURE && tail.readUInt16LE(END_SIZE - 2) === comment.length && tail.subarray(END_SIZE).equals(comment);
}

/** Refuses a zip target in or around a guarded folder, a folder or other non-file, and a file bantin did not write. */
export function checkZipTarget(zipFile: string, guards: readonly Guard[]): void {
  const target = realPath(zipFile);
  if (checkFileTarget(target, guards, "zipFile") && !isBantinZip(target)) throw new UserError(say("zipForeign", { target }), 2);
}

/**
 * Zips a folder with its files under `rootName/`, streaming so that a large archive does not fill
 * memory, into `zipFile`, written whole or not at all (writeFileBeside). `guards`: folders the zip
 * must keep clear of besides the project's own and `dir`. Returns the zip's size.
 */
export async function zipFolder(dir: string, zipFile: string, rootName: string, guards: readonly Guard[] = []): Promise<number> {
  const target = realPath(zipFile);
  checkZipTarget(target, [...guards, { path: dir, name: say("guardZipped") }]);
  await writeFileBeside(target, (partial) => writeZip(dir, partial, rootName));
  return fs.statSync(target).size;
}

async function writeZip(dir: string, file: string, rootName: string): Promise<void> {
  const output = fs.createWriteStream(file);
  let failure: Error | undefined;
  const done = new Promise<void>((resolve, reject) => {
    output.on("close", () => (failure ? reject(failure) : resolve()));
    output.on("error", (error) => (failure ??= error));
  });
  const zip = new Zip((error, chunk, final) => {
    if (error) failure ??= error;
    else output.write(final ? withComment(chunk) : chunk);
    if (final || error) output.end();
  });
  for (const sitePath of siteFiles(dir)) {
    if (failure) break;
    // Already-compressed media gain nothing from deflate.
    const entry = /\.(webm|mp4|mp3|jpe?g|png|gif|webp|zip|gz|pf_\w+)$/i.test(sitePath) ? new ZipPassThrough(`${rootName}${sitePath}`) : new ZipDeflate(`${rootName}${sitePath}`, { level: 6 });
    entry.os = UNIX;
    entry.attrs = FILE_ATTRIBUTES;
    zip.add(entry);
    entry.push(fs.readFileSync(path.join(dir, sitePath)), true);
    if (output.writableNeedDrain) await drained(output);
  }
  if (failure) output.destroy();
  else zip.end();
  await done;
}

/** Resolves when a stream can take more, or has closed: a stream that failed never drains. */
function drained(output: fs.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      output.off("drain", done).off("close", done);
      resolve();
    };
    output.on("drain", done).on("close", done);
  });
}

/** fflate's last chunk ends with the end record and no comment: give it bantin's. */
function withComment(chunk: Uint8Array): Uint8Array {
  const end = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (end.length < END_SIZE || end.readUInt32LE(end.length - END_SIZE) !== END_SIGNATURE) throw new Error("zip: the archive's last chunk does not end with its end record");
  const comment = Buffer.from(ZIP_COMMENT);
  const length = Buffer.alloc(2);
  length.writeUInt16LE(comment.length);
  return Buffer.concat([end.subarray(0, end.length - 2), length, comment]);
}
