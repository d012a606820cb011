// `npm start`: build, serve with live reload, rebuild on changes.
import path from "node:path";
import { serveSite } from "../site/build.ts";
import { defineCommand } from "./args.ts";
import { reportingContentProblems } from "./errors.ts";
import { baseUrlOf, baseUrlOption, contentOption, portNumber, siteOutOption } from "./options.ts";

export const serveCommand = defineCommand({
  name: "serve",
  invocation: "npm start --",
  arguments: "[--content DIR] [--out DIR] [--port N] [--base-url URL]",
  summary: "build, serve with live reload",
  description: "Builds the site, serves it at http://localhost:N/ (under the sub-path of the site URL) and\nrebuilds when content or layouts change. Stop it with Ctrl+C.",
  options: { content: contentOption, out: siteOutOption, port: { type: "string", value: "N", default: "8080", help: "port to serve on" }, "base-url": baseUrlOption },
  async run({ values }, io) {
    const port = portNumber("port", values.port);
    const options = { contentDir: path.resolve(io.cwd, values.content), outDir: path.resolve(io.cwd, values.out), siteUrl: baseUrlOf(values["base-url"]) };
    // Resolves once serving: the server keeps the process running.
    await reportingContentProblems(values.content, () => serveSite(options, port));
    return 0;
  },
});
