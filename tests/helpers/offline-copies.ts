// The offline copies the browser tests open from disk, in Chromium and in Firefox.
import path from "node:path";
import { ONLINE_ONLY_FOLDERS } from "../../src/content/urls.ts";
import { writeOfflineCopy } from "../../src/offline/copy.ts";
import { buildFixture, FIXTURES, PROJECT, tempDir } from "./site.ts";

export interface OfflineCopies {
  /** The copy of the fixture site (tests/fixtures/site). */
  fixture: string;
  /** The copy of the sample archive (content/), and the build it was made from. */
  sample: string;
  sampleSite: string;
}

/** Builds the fixture site and the sample archive and writes their offline copies. */
export async function writeOfflineCopies(): Promise<OfflineCopies> {
  const site = await buildFixture(path.join(FIXTURES, "site"));
  // Folder names with a space and Vietnamese letters, as a copy on a USB stick would have.
  const fixture = path.join(tempDir("offline"), "Bản tin lưu trữ");
  await writeOfflineCopy(site.outDir, fixture);
  const built = await buildFixture(path.join(PROJECT, "content"));
  const sample = path.join(tempDir("offline-sample"), "Bản tin lưu trữ");
  // As npm run offline writes it: without the CMS.
  await writeOfflineCopy(built.outDir, sample, "/", { leaveOut: ONLINE_ONLY_FOLDERS });
  return { fixture, sample, sampleSite: built.outDir };
}
