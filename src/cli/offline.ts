// `npm run offline`: a copy of the site that works opened from disk, optionally zipped.
import path from "node:path";
import { readSettings } from "../content/load.ts";
import { decimal, say } from "../core/messages.ts";
import { ONLINE_ONLY_FOLDERS, pathPrefixOf } from "../content/urls.ts";
import { checkOfflineTargets, writeOfflineCopy } from "../offline/copy.ts";
import { withCurrentSite } from "../site/build.ts";
import { defineCommand } from "./args.ts";
import { reportingContentProblems } from "./errors.ts";
import { baseUrlOf, baseUrlOption, contentOption, siteOutOption } from "./options.ts";

const mebibytes = (bytes: number) => say("mebibytes", { size: decimal(bytes / 2 ** 20, 1) });

export const offlineCommand = defineCommand({
  name: "offline",
  invocation: "npm run offline --",
  arguments: "[--content DIR] [--site DIR] [--out DIR] [--zip FILE] [--base-url URL]",
  summary: "write a copy that works opened from disk (default dist-offline/)",
  description: "Builds the site (or reuses the site folder when its last complete build was made from the current\nsources, for the same site URL) and writes a copy that opens from disk with no server and no network, search included.",
  options: {
    content: contentOption,
    site: { ...siteOutOption, help: "the built site to copy; built first unless it was built from the current sources" },
    out: { type: "string", value: "DIR", default: "dist-offline", help: "folder the offline copy is written into" },
    zip: { type: "string", value: "FILE", help: "also pack the copy into this zip file" },
    "base-url": { ...baseUrlOption, help: "the site URL the copy's pages name as theirs, instead of the `url` of the site settings" },
  },
  async run({ values }, io) {
    const site = { contentDir: path.resolve(io.cwd, values.content), outDir: path.resolve(io.cwd, values.site), siteUrl: baseUrlOf(values["base-url"]) };
    const offlineDir = path.resolve(io.cwd, values.out);
    const options = {
      guards: [{ path: site.contentDir, name: say("guardContent") }],
      zipFile: values.zip === undefined ? undefined : path.resolve(io.cwd, values.zip),
      leaveOut: ONLINE_ONLY_FOLDERS,
    };
    const print = (line: string) => io.stdout.write(`${line}\n`);
    // A refused --out or --zip is said before anything is built.
    checkOfflineTargets(site.outDir, offlineDir, options);
    await reportingContentProblems(values.content, () =>
      withCurrentSite(site, "npm run offline", async (reused) => {
        if (reused) print(say("offlineReused", { site: values.site }));
        const copy = await writeOfflineCopy(site.outDir, offlineDir, pathPrefixOf(site.siteUrl ?? readSettings(site.contentDir).url), options);
        print(say("offlineWritten", { files: copy.files, size: mebibytes(copy.bytes), out: values.out, index: path.join(values.out, "index.html") }));
        if (copy.search) print(say("offlineSearch", { files: copy.search.files, size: mebibytes(copy.search.bytes) }));
        else print(say("offlineNoSearch", { site: values.site }));
        if (copy.zipBytes !== undefined) print(say("zipWritten", { zip: values.zip!, size: mebibytes(copy.zipBytes) }));
      }),
    );
    return 0;
  },
});
