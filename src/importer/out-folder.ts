// The content folder an import writes into, checked before any page is read: a wrong or
// unwritable folder is one line for the whole run rather than the same failure for every page.
import fs from "node:fs";
import path from "node:path";
import { UserError } from "../core/errors.ts";
import { makeFolders, removeEmptyFolders } from "../core/folders.ts";

/**
 * Throws a UserError (exit status 2) when `contentDir` or a folder above it is a file, and one
 * (status 1) when the folder cannot be written into. A real run makes the folder now, so that a
 * folder that cannot be made fails here; it returns the folders it made, for the run to remove
 * again if it writes nothing. A dry run makes nothing and checks the nearest folder that exists.
 */
export function checkContentFolder(contentDir: string, shown: string, { write }: { write: boolean }): string[] {
  let existing = path.resolve(contentDir);
  while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  if (!fs.statSync(existing).isDirectory()) {
    const which = existing === path.resolve(contentDir) ? "is a file" : `is inside ${existing}, which is a file`;
    throw new UserError(`the content folder ${shown} ${which}; expected a folder to write the articles into`, 2);
  }
  let created: string[] = [];
  try {
    if (write) created = makeFolders(contentDir);
    fs.accessSync(write ? contentDir : existing, fs.constants.W_OK);
  } catch (error) {
    removeEmptyFolders(created);
    throw new UserError(`cannot write into the content folder ${shown}: ${(error as Error).message}`);
  }
  return created;
}
