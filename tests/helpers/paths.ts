import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
export const PROJECT = fileURLToPath(new URL("../../", import.meta.url));

const created: string[] = [];

/** A new temporary folder, removed after the test file (see tests/setup.ts). */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bantin-${prefix}-`));
  created.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** The sample archive's seed article (content/2011/09/hoc-tap-va-lam-theo-tam-guong-dao-duc-ho-chi-minh.md): its title and address. */
export const SAMPLE_SEED = {
  title: "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh: Những kinh nghiệm thực tiễn của Đảng bộ quận Gò Vấp",
  url: "/2011/09/20/hoc-tap-va-lam-theo-tam-guong-dao-duc-ho-chi-minh-nhung-kinh-nghiem-thuc-tien/",
};
