// What an import run says about each input: the shape both the text and the JSON report are made from.

export type ImportStatus = "imported" | "unchanged" | "conflict" | "failed";

/** One input file and what became of it; every key is always present so the JSON is easy to query. */
export interface ImportResult {
  /** The input as given, or joined to the folder it was found in. */
  path: string;
  status: ImportStatus;
  /** The article file written, found identical, or in the way (conflict); null when the page failed. */
  output: string | null;
  /** Why the page failed or conflicts; null otherwise. */
  reason: string | null;
  /** The encoding the file was read in; null when it could not be read. */
  encoding: string | null;
  warnings: string[];
}

export interface ImportReport {
  /** True when nothing was written: statuses say what would have happened. */
  dryRun: boolean;
  out: string;
  summary: Record<ImportStatus, number>;
  results: ImportResult[];
  /** What went wrong for the run rather than for one page (the record of imported pages could not be written), one line each. */
  errors: string[];
}

/** An input that could not be imported, and why. */
export function failedResult(path: string, reason: string, encoding: string | null = null, warnings: string[] = []): ImportResult {
  return { path, status: "failed", output: null, reason, encoding, warnings };
}
