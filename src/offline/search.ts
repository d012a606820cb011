// Search in an offline copy opened from disk. Chromium refuses module scripts, fetch and workers on
// file:// pages, and Pagefind uses all three; it runs classic scripts, WebAssembly from bytes and
// data: URLs. So the copy gets Pagefind's own code bundled as a classic script (esbuild), whose
// fetches are answered from index files wrapped as small scripts. Search is Pagefind's, unchanged.
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { siteFiles } from "../core/files.ts";

/** Pagefind as a classic script, inside pagefind/; the search page loads it by this name from disk (src/client/search/pagefind.ts). */
const OFFLINE_BUNDLE = "pagefind-offline.js";
/** Where, inside pagefind/, the wrapped index files go. */
const WRAPPED_FOLDER = "offline";
/** Called by every wrapped index file; defined by the shim below. */
export const CALLBACK = "__bantinPagefindFile";

// Each index file's bytes are carried by a double-quoted JS string, 7 bits to a character, the first
// bits first, the last character padded with zeros. Pagefind's files are gzip, near-random bytes that
// re-compression does not shrink: base64 (6 bits a character) made the scripts 4/3 of the index;
// this makes them 8/7, with 1 character in 32 escaped (", \, LF, CR; NUL and the other control
// characters are valid in a JS string as they are). Every byte is below 0x80, so any ASCII-compatible
// decoding of the script reads the same string. Strings of 2-byte UTF-8 characters (base-122) come
// 3% smaller, but are not ASCII and zip worse.
/** The characters a double-quoted string cannot hold as they are, each with the one it escapes them as after a backslash. */
const ESCAPED = new Map([
  [0x22, 0x22], // \"
  [0x5c, 0x5c], // \\
  [0x0a, 0x6e], // \n
  [0x0d, 0x72], // \r
]);

/** The wrapped index file: a script handing the bytes of `name` (a path inside pagefind/) to CALLBACK. */
export function wrapIndexFile(name: string, bytes: Uint8Array): string {
  // 7 bits a character, and at worst two characters for each.
  const text = Buffer.alloc(Math.ceil((bytes.length * 8) / 7) * 2);
  let length = 0;
  const put = (code: number) => {
    const escaped = ESCAPED.get(code);
    if (escaped !== undefined) text[length++] = 0x5c;
    text[length++] = escaped ?? code;
  };
  let bits = 0;
  let count = 0;
  for (const byte of bytes) {
    bits = ((bits << 8) | byte) & 0x3fff; // at most 6 bits left over and 8 new
    count += 8;
    while (count >= 7) put((bits >> (count -= 7)) & 0x7f);
  }
  if (count > 0) put((bits << (7 - count)) & 0x7f);
  return `${CALLBACK}(${JSON.stringify(name)},"${text.toString("latin1", 0, length)}");\n`;
}

/** The reverse of wrapIndexFile's string, in the shim: the padding bits, fewer than 8, make no byte. */
export const DECODE = `function decodeIndexFile(text) {
  const bytes = new Uint8Array(Math.floor((text.length * 7) / 8));
  let bits = 0;
  let count = 0;
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    bits = ((bits << 7) | text.charCodeAt(i)) & 0x3fff; // at most 7 bits left over and 7 new
    count += 7;
    if (count >= 8) bytes[length++] = bits >> (count -= 8); // the array keeps the low 8 bits
  }
  return bytes;
}`;

// Stands in for `fetch` inside Pagefind's bundle. From file:// Chromium refuses fetch, but runs classic
// scripts: each index file is wrapped in one that hands its bytes to CALLBACK, loaded on demand.
const FETCH_SHIM = `
const base = document.currentScript ? document.currentScript.src.replace(/[^/]*$/, "") : "";
const waiting = new Map();
const loaded = new Map();
${DECODE}
window.${CALLBACK} = (name, text) => {
  const bytes = decodeIndexFile(text);
  loaded.set(name, bytes);
  const done = waiting.get(name);
  if (done) done.resolve(bytes);
};
function load(name) {
  if (loaded.has(name)) return Promise.resolve(loaded.get(name));
  if (!waiting.has(name)) {
    let resolve, reject;
    const promise = new Promise((yes, no) => { resolve = yes; reject = no; });
    waiting.set(name, { promise, resolve });
    const script = document.createElement("script");
    script.src = base + "${WRAPPED_FOLDER}/" + name + ".js";
    script.onerror = () => { waiting.delete(name); reject(new TypeError("Failed to fetch " + name)); };
    document.head.appendChild(script);
  }
  return waiting.get(name).promise;
}
export async function __bantinFetch(input) {
  // Pagefind strips the page's origin from its paths; resolve them again against the page.
  const url = new URL(String(input instanceof Request ? input.url : input), location.href).href;
  if (!url.startsWith(base)) return globalThis.fetch(input);
  const name = url.slice(base.length).replace(/[?#].*$/, "");
  const bytes = await load(name);
  const type = name.endsWith(".json") ? "application/json" : name.startsWith("wasm.") ? "application/wasm" : "application/octet-stream";
  return new Response(bytes, { status: 200, headers: { "Content-Type": type } });
}
export const __bantinPagefindUrl = base + "pagefind.js";
`;

export interface OfflineSearchResult {
  /** Files added: the bundle and one script per index file. */
  files: number;
  /** Bytes added on disk. */
  bytes: number;
  /** Size of the wrapped index files, and of the files they wrap. */
  wrappedBytes: number;
  originalBytes: number;
}

/**
 * Makes the Pagefind bundle of a copied site usable from file://: a classic-script build of
 * pagefind.js (global `BantinPagefind`) whose fetches read the index from wrapped script files.
 * Without `keepIndexFiles` the files they wrap go: a copy that never searches over http needs only the scripts.
 */
export async function writeOfflineSearch(pagefindDir: string, { keepIndexFiles = true } = {}): Promise<OfflineSearchResult> {
  const shimFile = path.join(pagefindDir, "offline-fetch-shim.mjs");
  fs.writeFileSync(shimFile, FETCH_SHIM);
  try {
    await build({
      entryPoints: [path.join(pagefindDir, "pagefind.js")],
      outfile: path.join(pagefindDir, OFFLINE_BUNDLE),
      bundle: true,
      format: "iife",
      // The search page reads Pagefind from this global (src/client/search/pagefind.ts).
      globalName: "BantinPagefind",
      inject: [shimFile],
      // Pagefind finds its folder from import.meta.url, which a classic script does not have.
      define: { "import.meta.url": "__bantinPagefindUrl", fetch: "__bantinFetch" },
      logLevel: "silent",
      target: "es2020",
    });
  } finally {
    fs.rmSync(shimFile);
  }
  const indexFiles = siteFiles(pagefindDir)
    .map((file) => file.slice(1))
    .filter(isIndexFile);
  for (const folder of new Set(indexFiles.map((name) => path.posix.dirname(name)))) fs.mkdirSync(path.join(pagefindDir, WRAPPED_FOLDER, folder), { recursive: true });
  let wrappedBytes = 0;
  let originalBytes = 0;
  for (const name of indexFiles) {
    const bytes = fs.readFileSync(path.join(pagefindDir, name));
    const wrapped = wrapIndexFile(name, bytes);
    fs.writeFileSync(path.join(pagefindDir, WRAPPED_FOLDER, `${name}.js`), wrapped);
    if (!keepIndexFiles) fs.rmSync(path.join(pagefindDir, name));
    originalBytes += bytes.length;
    wrappedBytes += Buffer.byteLength(wrapped);
  }
  const bundleBytes = fs.statSync(path.join(pagefindDir, OFFLINE_BUNDLE)).size;
  return { files: indexFiles.length + 1, bytes: bundleBytes + wrappedBytes, wrappedBytes, originalBytes };
}

/** The files Pagefind fetches at search time (paths inside pagefind/): entry, metadata, index and fragment chunks, WebAssembly. */
function isIndexFile(name: string): boolean {
  return !name.startsWith(`${WRAPPED_FOLDER}/`) && (/\.pf_\w+$/.test(name) || name === "pagefind-entry.json" || /^wasm\.[\w-]+\.pagefind$/.test(name));
}
