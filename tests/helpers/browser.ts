import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import { type Browser, chromium } from "playwright-core";

/** Debian's chromium; CI installs it. A missing browser fails the tests: it is never a reason to skip. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  return chromium.launch({
    executablePath: CHROMIUM,
    // Without the networking flags Chromium keeps calling home, which this sandbox refuses.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".webm": "video/webm",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".yml": "text/yaml; charset=utf-8",
};

export interface StaticServer {
  /** Base URL, ending in "/" (with the sub-path, if any). */
  url: string;
  /** Bytes sent in response bodies so far, after compression. */
  bytesSent(): number;
  close(): Promise<void>;
}

/**
 * A static host on loopback, like the ones the site is uploaded to: folders serve index.html,
 * unknown paths get 404.html, text is gzip-compressed when the browser accepts it.
 */
export async function serveStatic(root: string, subPath = "/"): Promise<StaticServer> {
  let sent = 0;
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    let pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(subPath)) return notFound();
    pathname = pathname.slice(subPath.length - 1);
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) return notFound();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!pathname.endsWith("/")) {
        response.writeHead(301, { location: `${url.pathname}/` }).end();
        return;
      }
      file = path.join(file, "index.html");
    }
    if (!fs.existsSync(file)) return notFound();
    send(200, file);

    function notFound() {
      const page = path.join(root, "404.html");
      if (fs.existsSync(page)) send(404, page);
      else response.writeHead(404).end();
    }

    function send(status: number, filePath: string) {
      const type = TYPES[path.extname(filePath)] ?? "application/octet-stream";
      let body = fs.readFileSync(filePath);
      const headers: http.OutgoingHttpHeaders = { "content-type": type, "cache-control": "no-store" };
      // Pagefind's index files are gzip already; text is compressed as a static host would.
      if (/gzip/.test(String(request.headers["accept-encoding"])) && /^(text|application\/(json|xml|wasm)|image\/svg)/.test(type)) {
        body = zlib.gzipSync(body);
        headers["content-encoding"] = "gzip";
      }
      headers["content-length"] = body.length;
      sent += body.length;
      response.writeHead(status, headers).end(body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${subPath}`,
    bytesSent: () => sent,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
