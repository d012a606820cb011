// Captured pages for the importer's tests: the fixtures, invented bulletins, and looking at what an import wrote.
import fs from "node:fs";
import path from "node:path";
import { FIXTURES } from "./paths.ts";

export const CAPTURES = path.join(FIXTURES, "captures");
export const capture = (name: string) => path.join(CAPTURES, name);

/** The fixture with every part of a legacy page, and where it imports to. */
export const FULL_PAGE = capture("hop-tac-xa-rau-phuong-16.txt");
export const FULL_PAGE_SLUG = "hop-tac-xa-rau-an-toan-phuong-16-mo-them-ba-diem-ban-lien-ket-giua-ho-trong-rau";
export const FULL_PAGE_FILE = path.join("2012", "11", `${FULL_PAGE_SLUG}.md`);
export const FULL_PAGE_URL = `/2012/11/14/${FULL_PAGE_SLUG}/`;
/** What that fixture holds, as the importer must read it. */
export const FULL_PAGE_FIELDS = {
  title: "Hợp tác xã rau an toàn phường 16 mở thêm ba điểm bán: Liên kết giữa hộ trồng rau và bếp ăn trường học",
  date: "2012-11-14 15:20:45",
  category: "Kinh tế - Xã hội",
  source: "Bản tin Hội Nông dân quận",
  author: "Đoàn Thị Mỹ Linh",
  authorTitle: "Phó Chủ tịch Hội Nông dân quận",
  views: 5127,
  headings: ["Bắt đầu từ những luống rau trong hẻm", "Liên kết trồng, thu hoạch và giao hàng", "Hướng đi cho năm 2013"],
};

/** A small invented bulletin. */
export function bulletin({ title = "Phường 7 ra quân dọn dẹp kênh rạch", date = "TIN TỨC - SỰ KIỆN 5 Tháng Ba 2012 8:15:00 SA", body = "Sáng Chủ nhật, hơn một trăm đoàn viên đã vớt rác dọc bờ kênh.", views = 42 } = {}): string {
  return `${date}\n\n${title}\n\n${body}\n\nSố lượt người xem: ${views}\n\nGo Search\n`;
}

/** Every file under a folder, relative, sorted; hidden ones included so leftovers show. */
export function filesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => fs.statSync(path.join(dir, file)).isFile())
    .sort();
}

export function writeFile(file: string, content: string | Uint8Array): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}
