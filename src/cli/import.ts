// `npm run import`: the arguments, the progress line and the report of the importer library.
import { DEFAULT_CONTENT_DIR } from "../core/project.ts";
import { SettingsError } from "../importer/categories.ts";
import { importCaptures } from "../importer/import.ts";
import type { ImportReport } from "../importer/report.ts";
import { defineCommand } from "./args.ts";
import { UserError } from "../core/errors.ts";
import type { IO } from "./io.ts";

/** Progress is worth showing only for runs long enough to wonder whether the importer is stuck. */
const PROGRESS_MIN_INPUTS = 50;
const PROGRESS_INTERVAL_MS = 100;

export const importCommand = defineCommand({
  name: "import",
  invocation: "npm run import --",
  arguments: "[--out DIR] [--dry-run] [--force] [--json] PATH…",
  summary: "turn captured legacy pages into article files (default content/)",
  description: "Turns captured pages of the legacy portal into article files DIR/YYYY/MM/slug.md.\nPATH is a captured page, or a folder: every file in it and its subfolders, except hidden ones.",
  options: {
    out: { type: "string", value: "DIR", default: DEFAULT_CONTENT_DIR, help: "content folder to write into; its _data/site.json may map category names" },
    "dry-run": { type: "boolean", help: "write nothing, report what would happen" },
    force: { type: "boolean", help: "replace an existing file of the same article whose content differs" },
    json: { type: "boolean", help: "print a JSON report instead of text" },
  },
  positionals: { min: 1, max: Infinity, missing: "no PATH given: name captured pages or folders of them" },
  notes:
    "The articles written are recorded in DIR/_data/imported.json, so that importing a page again\nfinds its article even after an editor changed it: keep that file with the articles.\n" +
    "Exit status: 0 when every page was imported or already there, 1 when a page failed or\nconflicts with an existing file, 2 on wrong usage.",
  run({ values, positionals }, io) {
    let report: ImportReport;
    try {
      report = importCaptures(positionals, { out: values.out, cwd: io.cwd, dryRun: values["dry-run"], force: values.force, onProgress: progressLine(io.stderr) });
    } catch (error) {
      if (error instanceof SettingsError) throw new UserError(error.message, 2);
      throw error;
    }
    io.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    return report.summary.failed > 0 || report.summary.conflict > 0 || report.errors.length > 0 ? 1 : 0;
  },
});

/** Text report: one line per page that needs a look, then the counts. */
export function formatReport(report: ImportReport): string {
  const lines: string[] = [];
  for (const result of report.results) {
    if (result.status === "failed") lines.push(`${result.path}: ${result.reason}`);
    if (result.status === "conflict") lines.push(`${result.path}: conflict: ${result.reason}`);
    for (const warning of result.warnings) lines.push(`${result.path}: warning: ${warning}`);
  }
  lines.push(...report.errors);
  const { imported, unchanged, conflict, failed } = report.summary;
  lines.push(`${report.dryRun ? "dry run, nothing written: " : ""}imported ${imported}, unchanged ${unchanged}, conflicts ${conflict}, failed ${failed}`);
  return `${lines.join("\n")}\n`;
}

/** "importing 120/3000", redrawn in place; on stderr and only on a terminal, so stdout stays the report and logs get no control characters. */
function progressLine(stderr: IO["stderr"]): (done: number, total: number) => void {
  let lastShown = 0;
  return (done, total) => {
    if (stderr.isTTY !== true || total <= PROGRESS_MIN_INPUTS) return;
    const now = Date.now();
    if (done < total && now - lastShown < PROGRESS_INTERVAL_MS) return;
    lastShown = now;
    stderr.write(done < total ? `\rimporting ${done}/${total}` : "\r\x1b[K");
  };
}
