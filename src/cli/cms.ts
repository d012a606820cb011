// `npm run cms`: the CMS's local proxy, writing into the repository the content folder is in,
// and the site with live reload, its CMS at /quan-tri/.
import path from "node:path";
import { DEFAULT_PROXY_PORT, startLocalBackend } from "../cms/proxy.ts";
import { say } from "../core/messages.ts";
import { readSettings } from "../content/load.ts";
import { pathPrefixOf, ROUTES } from "../content/urls.ts";
import { serveSite } from "../site/build.ts";
import { defineCommand } from "./args.ts";
import { reportingContentProblems } from "./errors.ts";
import { contentOption, portNumber, siteOutOption } from "./options.ts";

export const cmsCommand = defineCommand({
  name: "cms",
  invocation: "npm run cms --",
  arguments: "[--content DIR] [--out DIR] [--port N] [--proxy-port N]",
  summary: "edit in the browser: the CMS at /quan-tri/, saving here",
  description:
    "Starts the CMS's local proxy (decap-server), which writes the articles saved at\n" +
    "http://localhost:N/quan-tri/ into the folder that holds the content folder, then builds and\n" +
    "serves the site as npm start does. Nothing is committed: review and commit with git. The proxy\n" +
    "listens on this computer only. Stop both with Ctrl+C.",
  options: {
    content: contentOption,
    out: siteOutOption,
    port: { type: "string", value: "N", default: "8080", help: "port to serve the site on" },
    "proxy-port": { type: "string", value: "N", default: String(DEFAULT_PROXY_PORT), help: "port of the local proxy" },
  },
  async run({ values }, io) {
    const port = portNumber("port", values.port);
    const proxyPort = portNumber("proxy-port", values["proxy-port"]);
    const contentDir = path.resolve(io.cwd, values.content);
    const repoDir = path.dirname(contentDir);
    // The site's sub-path, read first: bad settings stop here, before any process starts.
    const prefix = await reportingContentProblems(values.content, () => pathPrefixOf(readSettings(contentDir).url));
    const proxy = await startLocalBackend(repoDir, proxyPort);
    process.once("exit", () => void proxy.close());
    try {
      await reportingContentProblems(values.content, () => serveSite({ contentDir, outDir: path.resolve(io.cwd, values.out), cmsProxyPort: proxyPort }, port));
    } catch (error) {
      await proxy.close();
      throw error;
    }
    io.stdout.write(`${say("cmsAddress", { address: `http://localhost:${port}${prefix}${ROUTES.cms.slice(1)}`, folder: repoDir })}\n`);
    return 0;
  },
});
