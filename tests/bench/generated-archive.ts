// A generated archive for benchmarks: N articles spread over ten years, the same on every run.
import fs from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { ZONE } from "../../src/core/dates.ts";

const CATEGORIES = ["Tin tức - Sự kiện", "Các chuyên đề", "Kinh tế - Xã hội", "Văn hóa - Thể thao", "Thông báo", "Quốc phòng - An ninh"];
const WORDS =
  "Đảng bộ quận Gò Vấp phường hội nghị nhân dân cán bộ đảng viên học tập làm theo tấm gương đạo đức Hồ Chí Minh kinh tế xã hội văn hóa thể thao giao thông phòng cháy chữa cháy thanh niên phụ nữ giáo dục y tế môi trường đô thị an ninh trật tự".split(
    " ",
  );

/** A deterministic pseudo-random sequence, so every run builds the same archive. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

export function generateArchive(dir: string, count: number): void {
  const next = random(42);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  fs.mkdirSync(path.join(dir, "_data"), { recursive: true });
  fs.writeFileSync(path.join(dir, "_data", "site.json"), JSON.stringify({ title: "Bản tin thử tải", url: "https://bench.example.org" }));
  const start = DateTime.fromObject({ year: 2004, month: 1, day: 1 }, { zone: ZONE });
  for (let index = 0; index < count; index++) {
    const date = start.plus({ minutes: Math.floor(next() * 10 * 365 * 24 * 60) });
    const title = `${words(6)} số ${index + 1}`;
    const folder = path.join(dir, date.toFormat("yyyy"), date.toFormat("MM"));
    fs.mkdirSync(folder, { recursive: true });
    const body = Array.from({ length: 4 }, (_, paragraph) => (paragraph === 2 ? `## ${words(5)}\n\n` : "") + `${words(60)}.`).join("\n\n");
    fs.writeFileSync(
      path.join(folder, `bai-${index + 1}.md`),
      `---\ntitle: "${title}"\ndate: "${date.toFormat("yyyy-MM-dd HH:mm")}"\ncategory: "${pick(CATEGORIES)}"\nviews: ${Math.floor(next() * 20000)}\n---\n${body}\n`,
    );
  }
}
