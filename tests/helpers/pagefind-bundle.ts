// Pagefind's written bundle run in Node, for build tests that search a built site with Pagefind's own code.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, vi } from "vitest";
import type { PagefindModule } from "../../src/client/search/pagefind-api.ts";

afterEach(() => {
  vi.unstubAllGlobals();
});

/**
 * The written bundle's own pagefind.js, run in Node: its fetches of index files are answered from
 * disk. Each call imports a fresh copy, so that tests over different bundles do not share state.
 */
export async function loadBundle(outDir: string): Promise<PagefindModule> {
  vi.stubGlobal("fetch", async (input: string | URL) => new Response(fs.readFileSync(fileURLToPath(new URL(String(input))))));
  const script = pathToFileURL(path.join(outDir, "pagefind", "pagefind.js"));
  script.search = `?copy=${Math.random()}`;
  const api = (await import(script.href)) as PagefindModule;
  await api.options({ baseUrl: "/" });
  return api;
}
