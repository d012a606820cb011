// Text in Unicode NFC. A file saved in decomposed form (NFD: "ộ" as "o", a circumflex and a dot)
// looks the same in an editor, and the build normalises what it reads, but the file does not match
// what is searched for in it (grep, an editor's search, git diffs across files), and it shows
// wrongly in tools that do not normalise. `npm run check` names such a file, and `--fix` rewrites it.
import fs from "node:fs";
import path from "node:path";
import { writeFileAtomically } from "../core/atomic-write.ts";
import type { Problem } from "../core/errors.ts";
import { decodeContentFile } from "./file-text.ts";
import { contentFiles, SETTINGS_FILE } from "./sources.ts";
import { say } from "../core/messages.ts";

/** Lines (from 1) of `text` that are not NFC. */
export function nonNfcLines(text: string): number[] {
  const lines: number[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.normalize("NFC") !== line) lines.push(index + 1);
  });
  return lines;
}

/**
 * The problem of a file whose text as decoded, `text`, is not `normalised`, its NFC: named at its
 * first line that is not NFC, with the front-matter field that line is in. Undefined for NFC text.
 */
export function nfcProblem(file: string, text: string, normalised: string, fieldAt: (line: number) => string | undefined): Problem | undefined {
  if (text === normalised) return undefined;
  const lines = nonNfcLines(text);
  const [first] = lines;
  if (first === undefined) return undefined;
  const more = lines.length === 1 ? "" : say("notNfcMore", { lines: lines.length - 1 });
  return {
    file,
    line: first,
    field: fieldAt(first),
    kind: "nfc",
    message: say("notNfc", { more }),
  };
}

const UTF8_BOM = "\uFEFF";

/**
 * Rewrites each file of a content folder that the build reads (the settings, articles, videos)
 * whose text is not NFC with that text normalised, and nothing else changed: a byte-order mark,
 * line endings and every other character stay. A file that cannot be read as UTF-8 is left alone
 * (the check names it). Each file is written beside itself and renamed over it, so it is whole at
 * every moment. Returns the files rewritten, as paths in the folder.
 */
export function normaliseFolder(contentDir: string): string[] {
  // No folder: the check says so.
  if (!fs.statSync(contentDir, { throwIfNoEntry: false })?.isDirectory()) return [];
  const { articles, videos } = contentFiles(contentDir);
  const files = [...(fs.existsSync(path.join(contentDir, SETTINGS_FILE)) ? [SETTINGS_FILE] : []), ...articles, ...videos];
  const rewritten: string[] = [];
  for (const file of files) {
    const target = path.join(contentDir, file);
    const bytes = fs.readFileSync(target);
    const decoded = decodeContentFile(bytes);
    if (!decoded.ok) continue;
    const normalised = decoded.text.normalize("NFC");
    if (normalised === decoded.text) continue;
    // The decoder drops a byte-order mark; written back as U+FEFF, it is the same three bytes.
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? UTF8_BOM : "";
    writeFileAtomically(target, `${bom}${normalised}`, { replace: true });
    rewritten.push(file);
  }
  return rewritten;
}
