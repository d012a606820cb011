import { parseArgs } from "node:util";
import { buildSite, serveSite } from "./build.ts";
import { loadContent } from "./content.ts";
import { findContentError } from "./errors.ts";

const USAGE = `bantin — builds a static website from an archive of news bulletins

  npm run build -- [--content DIR] [--out DIR]   build the site (default content/ → dist/)
  npm start -- [--content DIR] [--port N]        build, serve with live reload
  npm run check -- [--content DIR]               list every problem in every content file
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      content: { type: "string", default: "content" },
      out: { type: "string", default: "dist" },
      port: { type: "string", default: "8080" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: false,
  });
  const options = { contentDir: values.content, outDir: values.out };

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
    default:
      process.stderr.write(USAGE);
      return command === undefined || values.help ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    const contentError = findContentError(error);
    if (contentError) {
      console.error(contentError.message);
    } else {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    process.exitCode = 1;
  },
);
