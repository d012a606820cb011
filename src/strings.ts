/** Every Vietnamese label the site shows, in one place. */
export const strings = {
  siteNav: "Điều hướng chính",
  home: "Trang chủ",
  breadcrumb: "Đường dẫn",
  categories: "Chuyên mục",
  archive: "Lưu trữ",
  browseByDate: "Xem theo ngày",
  pickDate: "Chọn ngày",
  openDay: "Xem",
  noArticleOnDay: "Không có tin nào trong ngày {date}.",
  videos: "Thư viện video",
  allVideos: "Xem tất cả video",
  searchLabel: "Tìm kiếm trong bản tin",
  searchPlaceholder: "Nhập từ khóa…",
  searchButton: "Tìm",
  skipToContent: "Bỏ qua, đến nội dung chính",
  source: "Theo {source}",
  views: "Số lượt người xem: {views}",
  viewsNote: "số liệu lưu từ cổng thông tin cũ",
  tags: "Từ khóa",
  newer: "Tin mới hơn",
  older: "Tin đã đưa",
  more: "Xem tiếp",
  previousArticle: "Tin trước",
  nextArticle: "Tin sau",
  latest: "Tin mới nhất",
  pagination: "Phân trang",
  page: "Trang {n}",
  previousPage: "Trang trước",
  nextPage: "Trang sau",
  articleCount: "{count} tin",
  year: "Năm {year}",
  month: "Tháng {month}/{year}",
  day: "Ngày {date}",
  calendar: "Lịch tháng {month}/{year}",
  monthNames: ["Tháng Một", "Tháng Hai", "Tháng Ba", "Tháng Tư", "Tháng Năm", "Tháng Sáu", "Tháng Bảy", "Tháng Tám", "Tháng Chín", "Tháng Mười", "Tháng Mười Một", "Tháng Mười Hai"],
  weekdays: ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"],
  weekdaysShort: ["T2", "T3", "T4", "T5", "T6", "T7", "CN"],
  noArticles: "Chưa có tin nào.",
  notFoundTitle: "Không tìm thấy trang",
  notFoundText: "Trang bạn tìm không có trong bản tin lưu trữ. Hãy thử trang chủ, mục lưu trữ hoặc ô tìm kiếm.",
  feed: "Nguồn tin Atom",
  videoFile: "Tải tệp video",
  videoLink: "Xem video",
  legacyLink: "Địa chỉ trên cổng thông tin cũ",
  visitCounter: "Số lượt truy cập (lưu từ cổng cũ)",
  footer: "Bản tin lưu trữ, tạo bằng bantin.",
} as const;

/** Fills `{name}` placeholders of a label. */
export function label(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Whole numbers in Vietnamese style: 9638 → "9.638". */
export function formatNumber(value: number): string {
  return String(Math.trunc(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}
