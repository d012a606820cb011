import path from "node:path";
import { parseArgs } from "node:util";
import { buildSite, isBuildFresh, serveSite } from "../site/build.ts";
import { pathPrefixOf } from "../content/urls.ts";
import { loadContent, readSettings } from "../content/load.ts";
import { type ContentError, findContentError, formatProblem } from "../core/errors.ts";
import { runImport } from "../importer/import.ts";
import { writeOfflineCopy } from "../offline/copy.ts";
import { zipFolder } from "../offline/zip.ts";
import { scaffoldArticle } from "../content/scaffold.ts";

const USAGE = `bantin — builds a static website from an archive of news bulletins

  npm run build -- [--content DIR] [--out DIR]   build the site (default content/ → dist/)
  npm start -- [--content DIR] [--port N]        build, serve with live reload
  npm run check -- [--content DIR]               list every problem in every content file
  npm run offline -- [--content DIR] [--site DIR] [--out DIR] [--zip FILE]
                                                 write a copy that works opened from disk (default dist-offline/)
  npm run import -- [--out DIR] [--dry-run] [--force] [--json] PATH…
                                                 turn captured legacy pages into article files (default content/)
  npm run new -- "Tiêu đề" [--category NAME] [--content DIR]
                                                 write a new article file, dated now
`;

async function run(command: string | undefined, args: string[]): Promise<number> {
  // The importer reads its own options (paths, --dry-run, --json…).
  if (command === "import") return runImport(args);
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: command === "new",
    options: {
      content: { type: "string", default: "content" },
      category: { type: "string", default: "Tin tức - Sự kiện" },
      out: { type: "string" },
      site: { type: "string", default: "dist" },
      zip: { type: "string" },
      port: { type: "string", default: "8080" },
      help: { type: "boolean", short: "h" },
    },
  });
  const options = { contentDir: values.content, outDir: values.out ?? "dist" };
  try {
    switch (command) {
      case "build": {
        const result = await buildSite(options);
        console.log(`Built ${result.pages} pages from ${options.contentDir}/ into ${options.outDir}/ in ${(result.milliseconds / 1000).toFixed(2)} s`);
        return 0;
      }
      case "serve":
        await serveSite(options, Number(values.port));
        return 0;
      case "check": {
        const { articles, videos } = loadContent(options.contentDir);
        console.log(`No problems: ${articles.length} articles, ${videos.length} videos in ${options.contentDir}/`);
        return 0;
      }
      case "offline": {
        const site = { contentDir: values.content, outDir: values.site };
        if (isBuildFresh(site)) console.log(`Reusing ${site.outDir}/, newer than every source file`);
        else await buildSite(site);
        const offlineDir = values.out ?? "dist-offline";
        const copy = await writeOfflineCopy(site.outDir, offlineDir, pathPrefixOf(readSettings(site.contentDir).url));
        console.log(`Wrote an offline copy: ${copy.files} files, ${(copy.bytes / 2 ** 20).toFixed(1)} MiB in ${offlineDir}/; open ${path.join(offlineDir, "index.html")}`);
        if (copy.search) console.log(`  search from disk: ${copy.search.files} files, ${(copy.search.bytes / 2 ** 20).toFixed(1)} MiB of it`);
        else console.log(`  no search index in ${site.outDir}/pagefind/: the copy has no search`);
        if (values.zip) {
          const bytes = await zipFolder(offlineDir, values.zip, path.basename(path.resolve(offlineDir)));
          console.log(`Wrote ${values.zip} (${(bytes / 2 ** 20).toFixed(1)} MiB)`);
        }
        return 0;
      }
      case "new": {
        if (positionals.length !== 1) {
          process.stderr.write(USAGE);
          return 2;
        }
        try {
          console.log(`Wrote ${scaffoldArticle(options.contentDir, { title: positionals[0]!, category: values.category })}`);
          return 0;
        } catch (error) {
          console.error((error as Error).message);
          return 1;
        }
      }
      default:
        process.stderr.write(USAGE);
        return command === undefined || values.help ? 0 : 2;
    }
  } catch (error) {
    const contentError = findContentError(error);
    if (!contentError) throw error;
    printProblems(contentError, options.contentDir);
    return 1;
  }
}

/** One line a problem, with paths as the editor would open them. */
function printProblems(error: ContentError, contentDir: string): void {
  console.error(error.message.split("\n")[0]);
  for (const problem of error.problems) console.error(`  ${formatProblem({ ...problem, file: path.join(contentDir, problem.file) })}`);
}

const [command, ...args] = process.argv.slice(2);
run(command, args).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
