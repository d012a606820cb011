// The help of each command in Vietnamese, the language it speaks by default. The English is what
// each command declares beside its options (build.ts, check.ts, …), where a new option gets its
// help; tests/unit/cli.test.ts checks that every command and every option has a Vietnamese one here.

export interface CommandHelp {
  summary: string;
  description: string;
  /** By option name, without "--". */
  options: Readonly<Record<string, string>>;
  notes?: string;
  /** What to say when a required argument is missing. */
  missing?: string;
}

const CONTENT = "thư mục nội dung: các bài viết, video, _data/site.json";
const SITE_OUT = "thư mục ghi trang web vào";
const BASE_URL = "dựng cho địa chỉ trang này thay cho `url` trong cài đặt (bản xem trước, trang GitHub Pages của một bản fork)";

export const VIETNAMESE_HELP: Readonly<Record<string, CommandHelp>> = {
  build: {
    summary: "dựng trang web (mặc định content/ → dist/)",
    description:
      "Dựng trang web từ thư mục nội dung vào thư mục đầu ra, kèm chỉ mục tìm kiếm.\nNội dung có lỗi thì không dựng, và mọi lỗi của mọi tệp được liệt kê; mã thoát 0 chỉ khi thành công.",
    options: { content: CONTENT, out: SITE_OUT, "base-url": BASE_URL },
  },
  serve: {
    summary: "dựng trang web, mở xem và tự tải lại khi sửa",
    description:
      "Dựng trang web, phục vụ ở http://localhost:N/ (dưới đường dẫn con của địa chỉ trang) và\ndựng lại khi nội dung hoặc mẫu trang thay đổi. Dừng bằng Ctrl+C.",
    options: { content: CONTENT, out: SITE_OUT, port: "cổng để phục vụ", "base-url": BASE_URL },
  },
  cms: {
    summary: "sửa bài trên trình duyệt: trang quản trị ở /quan-tri/, lưu vào máy này",
    description:
      "Chạy máy chủ trung gian của trang quản trị (decap-server), ghi các bài lưu ở\nhttp://localhost:N/quan-tri/ vào thư mục chứa thư mục nội dung, rồi dựng và phục vụ trang web như\nnpm start. Không có gì được commit: hãy xem lại và commit bằng git. Máy chủ trung gian chỉ nghe trên\nmáy này. Dừng cả hai bằng Ctrl+C.",
    options: { content: CONTENT, out: SITE_OUT, port: "cổng để phục vụ trang web", "proxy-port": "cổng của máy chủ trung gian" },
  },
  check: {
    summary: "liệt kê mọi lỗi trong mọi tệp nội dung, kể cả bản nháp",
    description:
      "Đọc và kiểm tra mọi tệp nội dung và cài đặt của trang, kể cả bản nháp, mà không dựng trang,\n" +
      "và liệt kê mọi lỗi cùng một lúc (những gì bản dựng không nhận, liên kết tới trang hay tệp mà trang web không có, chữ\n" +
      "chưa ở dạng NFC), mọi cảnh báo (một từ đặt dấu thanh hai cách, chuyên mục không phải của trang) và mọi\n" +
      "bản nháp: tệp, dòng, trường, giá trị đang có, giá trị cần có. Mã thoát 1 khi có lỗi; chỉ có cảnh báo thì 0.",
    options: {
      content: CONTENT,
      fix: "trước hết ghi lại ở dạng NFC các tệp có chữ chưa ở dạng đó (không đổi gì khác) và nêu tên chúng",
      json: "in một tài liệu JSON cho các chương trình: lỗi, cảnh báo, bản nháp (tệp, dòng, trường, thông báo, loại)",
    },
  },
  offline: {
    summary: "tạo bản sao mở được ngay trên máy, không cần mạng (mặc định dist-offline/)",
    description:
      "Dựng trang web (hoặc dùng lại thư mục trang nếu lần dựng hoàn chỉnh gần nhất làm từ đúng nội dung\nhiện tại) rồi tạo một bản sao mở thẳng từ ổ đĩa, không cần máy chủ hay mạng, tìm kiếm vẫn dùng được.",
    options: {
      content: CONTENT,
      site: "trang web đã dựng để sao chép; được dựng trước nếu không làm từ nội dung hiện tại",
      out: "thư mục ghi bản sao vào",
      zip: "nén thêm bản sao thành tệp zip này",
      "base-url": BASE_URL,
    },
  },
  zim: {
    summary: "đóng gói cả kho bản tin thành một tệp ZIM để đọc bằng Kiwix (mặc định ban-tin.zim)",
    description:
      "Dựng trang web (hoặc dùng lại thư mục trang nếu lần dựng hoàn chỉnh gần nhất làm từ đúng nội dung\nhiện tại) rồi đóng gói bằng zimwriterfs của Debian (apt-get install zim-tools) thành một tệp ZIM có\nchỉ mục tìm kiếm của Kiwix, mở được bằng các ứng dụng Kiwix và phục vụ được bằng kiwix-serve.",
    options: {
      content: CONTENT,
      site: "trang web đã dựng để đóng gói; được dựng trước nếu không làm từ nội dung hiện tại",
      out: "tệp ZIM để ghi",
      "base-url": "địa chỉ trang mà tệp ZIM ghi là nguồn, thay cho `url` trong cài đặt",
    },
  },
  import: {
    summary: "chuyển các trang đã lưu của cổng cũ thành tệp bài viết (mặc định content/)",
    description:
      "Chuyển các trang đã lưu của cổng thông tin cũ thành tệp bài viết DIR/YYYY/MM/slug.md.\nPATH là một trang đã lưu, hoặc một thư mục: mọi tệp trong đó và trong thư mục con, trừ tệp ẩn.",
    options: {
      out: "thư mục nội dung để ghi vào; tệp _data/site.json trong đó có thể đổi tên chuyên mục",
      "dry-run": "không ghi gì, chỉ báo những gì sẽ làm",
      force: "thay tệp đã có của cùng bài viết khi nội dung khác",
      json: "in báo cáo dạng JSON thay cho văn bản",
    },
    notes:
      "Các bài đã ghi được ghi chép trong DIR/_data/imported.json, để lần nhập lại một trang vẫn tìm\nđúng bài của nó kể cả khi biên tập viên đã sửa: hãy giữ tệp đó cùng các bài viết.\n" +
      "Mã thoát: 0 khi mọi trang đã được nhập hoặc đã có, 1 khi có trang lỗi hoặc\nvướng một tệp đã có, 2 khi dùng sai lệnh.",
    missing: "chưa có PATH: hãy ghi các trang đã lưu hoặc thư mục chứa chúng",
  },
  new: {
    summary: "tạo tệp bài viết mới, một bản nháp đề ngày giờ hiện tại",
    description:
      "Tạo DIR/YYYY/MM/slug.md, một bản nháp (draft: true) với tiêu đề, ngày giờ hiện tại (giờ Việt Nam), chuyên\n" +
      "mục và mọi trường khác một bài viết có thể có (đã đánh dấu # để tắt), sẵn sàng để sửa. Chuyên mục phải là\n" +
      "một chuyên mục của trang: có trong cài đặt của trang, hoặc, nếu cài đặt không nêu, có ở một bài khác.\n" +
      "Không bao giờ ghi đè lên tệp đã có.",
    options: { category: "tên chuyên mục", "new-category": "nhận một chuyên mục chưa có, mở một mục mới của trang", content: CONTENT },
    missing: 'chưa có tiêu đề: hãy ghi trong dấu ngoặc kép, ví dụ npm run new -- "Tiêu đề"',
  },
};
