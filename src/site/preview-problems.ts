// What `npm start` shows in the browser while the content has problems. The last good build stays
// in the output folder and keeps being served; a page asked for meanwhile is the list of problems
// instead (file, line, field, message, as the terminal prints them), with a link to the last good
// version of that page. The dev server's live reload brings each open page back when a build
// succeeds, and to the list when one fails.
import type { IncomingMessage, ServerResponse } from "node:http";
import { currentLanguage, say } from "../core/messages.ts";

/** Added to a page's address, it shows the last good build's page even while there are problems. */
export const LAST_GOOD_PARAM = "ban-dung-truoc";

export class PreviewProblems {
  #lines: readonly string[] | undefined;

  /** The problems of the last build, the count first, or undefined when it succeeded. */
  get lines(): readonly string[] | undefined {
    return this.#lines;
  }

  show(lines: readonly string[]): void {
    this.#lines = lines;
  }

  clear(): void {
    this.#lines = undefined;
  }

  /** Middleware for Eleventy's dev server: answers a page's request with the problems while there are some. */
  readonly middleware = (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const lines = this.#lines;
    const url = new URL(request.url ?? "/", "http://preview");
    if (lines === undefined || !asksForPage(request.method, url)) return next();
    response.statusCode = 500;
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    url.searchParams.set(LAST_GOOD_PARAM, "");
    response.end(problemsPage(lines, `${url.pathname}${url.search}`));
  };
}

/** A browser's navigation to a page, as opposed to its scripts, styles, pictures or index files. */
function asksForPage(method: string | undefined, url: URL): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (url.searchParams.has(LAST_GOOD_PARAM)) return false;
  return url.pathname.endsWith("/") || url.pathname.endsWith(".html");
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot" }[char]};`);

function problemsPage(lines: readonly string[], lastGood: string): string {
  const [summary = "", ...problems] = lines;
  return `<!DOCTYPE html>
<html lang="${currentLanguage()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(say("previewProblemsTitle"))}</title>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1d1d1f; }
h1 { color: #9b1c1c; font-size: 1.5rem; }
li { font-family: ui-monospace, monospace; white-space: pre-wrap; overflow-wrap: anywhere; margin: .5rem 0; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(say("previewProblemsTitle"))}</h1>
<p>${escapeHtml(summary)}</p>
<ul>
${problems.map((problem) => `<li>${escapeHtml(problem.trim())}</li>`).join("\n")}
</ul>
<p>${escapeHtml(say("previewProblemsHint"))} <a href="${escapeHtml(lastGood)}">${escapeHtml(say("previewLastGood"))}</a></p>
</main>
</body>
</html>
`;
}
