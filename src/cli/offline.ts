// `npm run offline`: a copy of the site that works opened from disk, optionally zipped.
import path from "node:path";
import { readSettings } from "../content/load.ts";
import { pathPrefixOf } from "../content/urls.ts";
import { writeOfflineCopy } from "../offline/copy.ts";
import { zipFolder } from "../offline/zip.ts";
import { buildSite, isBuildFresh } from "../site/build.ts";
import { defineCommand } from "./args.ts";
import { reportingContentProblems } from "./errors.ts";
import { contentOption, siteOutOption } from "./options.ts";

const mebibytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

export const offlineCommand = defineCommand({
  name: "offline",
  invocation: "npm run offline --",
  arguments: "[--content DIR] [--site DIR] [--out DIR] [--zip FILE]",
  summary: "write a copy that works opened from disk (default dist-offline/)",
  description: "Builds the site (or reuses the site folder when it is newer than every source file) and writes\na copy that opens from disk with no server and no network, search included.",
  options: {
    content: contentOption,
    site: { ...siteOutOption, help: "the built site to copy; built first unless it is up to date" },
    out: { type: "string", value: "DIR", default: "dist-offline", help: "folder the offline copy is written into" },
    zip: { type: "string", value: "FILE", help: "also pack the copy into this zip file" },
  },
  async run({ values }, io) {
    const site = { contentDir: path.resolve(io.cwd, values.content), outDir: path.resolve(io.cwd, values.site) };
    const offlineDir = path.resolve(io.cwd, values.out);
    const say = (line: string) => io.stdout.write(`${line}\n`);
    await reportingContentProblems(values.content, async () => {
      if (isBuildFresh(site)) say(`Reusing ${values.site}/, newer than every source file`);
      else await buildSite(site);
      const copy = await writeOfflineCopy(site.outDir, offlineDir, pathPrefixOf(readSettings(site.contentDir).url));
      say(`Wrote an offline copy: ${copy.files} files, ${mebibytes(copy.bytes)} in ${values.out}/; open ${path.join(values.out, "index.html")}`);
      if (copy.search) say(`  search from disk: ${copy.search.files} files, ${mebibytes(copy.search.bytes)} of it`);
      else say(`  no search index in ${values.site}/pagefind/: the copy has no search`);
    });
    if (values.zip) {
      const bytes = await zipFolder(offlineDir, path.resolve(io.cwd, values.zip), path.basename(offlineDir));
      say(`Wrote ${values.zip} (${mebibytes(bytes)})`);
    }
    return 0;
  },
});
