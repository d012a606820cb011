// Benchmark of the importer: writes N invented captures of legacy pages (the layout of
// docs/capture-format.md, random words, every month spelling, both clocks, CRLF for some) and imports
// them into a fresh folder, printing pages per second.
//   npm run bench:import -- [--pages 3000] [--keep]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatReport } from "../../src/cli/import.ts";
import { MONTH_SPELLINGS } from "../../src/importer/date-line.ts";
import { importCaptures } from "../../src/importer/import.ts";

const WORDS =
  "học tập làm theo tấm gương đạo đức phường quận khu phố đảng bộ chi bộ thanh niên phụ nữ nhân dân công an trường học bệnh viện chợ cây xanh mùa xuân hội nghị kế hoạch kết quả kinh nghiệm giải thưởng vận động sáng kiến cải cách thủ tục ngân sách lễ hội văn hóa thể thao giao thông môi trường".split(
    " ",
  );

function writeCaptures(dir: string, count: number): void {
  let state = 42;
  const next = (n: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31), state % n);
  const words = (n: number) => Array.from({ length: n }, () => WORDS[next(WORDS.length)]).join(" ");
  const sentence = (n: number) => `${words(n).replace(/^./, (letter) => letter.toUpperCase())}.`;
  for (let index = 0; index < count; index++) {
    const spellings = MONTH_SPELLINGS[1 + next(12)]!;
    const paragraphs = Array.from({ length: 6 + next(10) }, () => sentence(20 + next(60)));
    const lines = [
      "SỐ LƯỢT TRUY CẬP", "", "4", "3", "4", "",
      `TIN TỨC - SỰ KIỆN ${1 + next(28)} Tháng ${spellings[next(spellings.length)]} ${2009 + next(5)} ${1 + next(12)}:${String(next(60)).padStart(2, "0")}:00 ${next(2) ? "SA" : "CH"}`, "",
      `${sentence(6 + next(10)).slice(0, -1)} ${index + 1}`, "", "Theo Phòng Văn hóa quận", "",
      ...paragraphs.slice(0, 3).flatMap((paragraph) => [paragraph, ""]), "Một tiêu đề mục", "",
      ...paragraphs.slice(3).flatMap((paragraph) => [paragraph, ""]),
      "Nguyễn Văn Bình, Phóng viên", "", `Số lượt người xem: ${next(100000)}`, "", "TIN MỚI HƠN", "",
    ];
    const file = path.join(dir, String(Math.floor(index / 500)), `${index + 1}.txt`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, lines.join(index % 5 === 0 ? "\r\n" : "\n"));
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { pages: { type: "string", default: "3000" }, keep: { type: "boolean", default: false } } });
  const count = Number(values.pages);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "bantin-bench-import-"));
  writeCaptures(path.join(root, "captures"), count);
  console.log(`generated ${count} captures`);
  const started = performance.now();
  const report = importCaptures([path.join(root, "captures")], { out: path.join(root, "content") });
  const seconds = (performance.now() - started) / 1000;
  console.log(formatReport(report).trim());
  console.log(`import: ${count} pages in ${seconds.toFixed(2)} s (${Math.round(count / seconds)} pages/s)`);
  console.log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  if (values.keep) console.log(`kept ${root}`);
  else fs.rmSync(root, { recursive: true, force: true });
}

await main();
