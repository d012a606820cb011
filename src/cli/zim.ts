// `npm run zim`: the archive as one ZIM file, for Kiwix readers and kiwix-serve.
import path from "node:path";
import { readSettings } from "../content/load.ts";
import { ONLINE_ONLY_FOLDERS, pathPrefixOf } from "../content/urls.ts";
import { decimal, say } from "../core/messages.ts";
import { checkZimTarget, writeZim } from "../offline/zim.ts";
import { withCurrentSite } from "../site/build.ts";
import { defineCommand } from "./args.ts";
import { reportingContentProblems } from "./errors.ts";
import { baseUrlOf, baseUrlOption, contentOption, siteOutOption } from "./options.ts";

export const zimCommand = defineCommand({
  name: "zim",
  invocation: "npm run zim --",
  arguments: "[--content DIR] [--site DIR] [--out FILE] [--base-url URL]",
  summary: "write the archive as one ZIM file for Kiwix (default ban-tin.zim)",
  description:
    "Builds the site (or reuses the site folder when its last complete build was made from the current\nsources, for the same site URL) and packs it with Debian's zimwriterfs (apt-get install zim-tools)\ninto a ZIM file, with Kiwix's full-text index, that Kiwix readers open and kiwix-serve serves.",
  options: {
    content: contentOption,
    site: { ...siteOutOption, help: "the built site to pack; built first unless it was built from the current sources" },
    out: { type: "string", value: "FILE", default: "ban-tin.zim", help: "the ZIM file to write" },
    "base-url": { ...baseUrlOption, help: "the site URL the ZIM names as its source, instead of the `url` of the site settings" },
  },
  async run({ values }, io) {
    const site = { contentDir: path.resolve(io.cwd, values.content), outDir: path.resolve(io.cwd, values.site), siteUrl: baseUrlOf(values["base-url"]) };
    const zimFile = path.resolve(io.cwd, values.out);
    const guards = [{ path: site.contentDir, name: say("guardContent") }];
    const print = (line: string) => io.stdout.write(`${line}\n`);
    // A refused --out is said before anything is built.
    await checkZimTarget(zimFile, [...guards, { path: site.outDir, name: say("guardCopiedSite") }]);
    await reportingContentProblems(values.content, () =>
      withCurrentSite(site, "npm run zim", async (reused) => {
        if (reused) print(say("offlineReused", { site: values.site }));
        const settings = readSettings(site.contentDir);
        const url = site.siteUrl ?? settings.url;
        const started = performance.now();
        const zim = await writeZim(site.outDir, zimFile, { ...settings, url }, { pathPrefix: pathPrefixOf(url), guards, leaveOut: ONLINE_ONLY_FOLDERS });
        const seconds = decimal((performance.now() - started) / 1000, 1);
        print(say("zimWritten", { zim: values.out, size: say("mebibytes", { size: decimal(zim.bytes / 2 ** 20, 1) }), files: zim.files, redirects: zim.redirects, seconds }));
      }),
    );
    return 0;
  },
});
