import fs from "node:fs";
import path from "node:path";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import { siteFiles } from "../core/files.ts";

/** Zips a folder with its files under `rootName/`, streaming so that a large archive does not fill memory. */
export async function zipFolder(dir: string, zipFile: string, rootName: string): Promise<number> {
  fs.mkdirSync(path.dirname(path.resolve(zipFile)), { recursive: true });
  const output = fs.createWriteStream(zipFile);
  const done = new Promise<void>((resolve, reject) => {
    output.on("finish", resolve);
    output.on("error", reject);
  });
  let failure: Error | null = null;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else output.write(chunk);
    if (final || error) output.end();
  });
  for (const sitePath of siteFiles(dir)) {
    // Already-compressed media gain nothing from deflate.
    const entry = /\.(webm|mp4|mp3|jpe?g|png|gif|webp|zip|gz|pf_\w+)$/i.test(sitePath)
      ? new ZipPassThrough(`${rootName}${sitePath}`)
      : new ZipDeflate(`${rootName}${sitePath}`, { level: 6 });
    zip.add(entry);
    entry.push(fs.readFileSync(path.join(dir, sitePath)), true);
  }
  zip.end();
  await done;
  if (failure) throw failure;
  return fs.statSync(zipFile).size;
}
