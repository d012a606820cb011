// What bantin's commands tell an editor (content problems, results, refusals, usage errors), in
// Vietnamese, the default, and in English (`--lang en`, or an English LANG). The site's own labels
// are strings.ts; this table sits beside it and fills placeholders with the same label(). Pure
// string code with no Node import.
import { formatNumber } from "./format.ts";
import { label } from "./strings.ts";

export type Language = "vi" | "en";
export const LANGUAGES: readonly Language[] = ["vi", "en"];

/**
 * Placeholders are `{name}`; `{name|one|other}` is the word for a count `name` (English plurals;
 * Vietnamese has none). Field names, paths and values are quoted as the editor wrote them.
 */
const vi = {
  // Front matter and settings (content/schema.ts, front-matter.ts).
  required: "thiếu {what} (trường bắt buộc)",
  expectedText: "cần {what} (dạng chữ), nhưng thấy {found}",
  emptyValue: "cần {what}, nhưng giá trị đang để trống",
  invisibleOnly: "cần {what}, nhưng chỉ thấy ký tự vô hình (khoảng trắng không độ rộng hoặc dấu định hướng)",
  controlCharacterIn: "cần {what} không có ký tự điều khiển, nhưng thấy {found}; hãy xóa ký tự đó",
  controlCharacterAt: "{codePoint} ở ký tự thứ {index}",
  controlCharacterSome: "một ký tự như vậy",
  dateRequired: "thiếu ngày đăng (trường bắt buộc), viết theo dạng YYYY-MM-DD HH:mm",
  dateNotText: 'cần ngày giờ viết trong dấu ngoặc kép "YYYY-MM-DD HH:mm", nhưng thấy {found}',
  dateInvalid: '{reason}: "{value}"; cần viết YYYY-MM-DD HH:mm[:ss] (giờ Việt Nam) hoặc ISO 8601 có múi giờ (2011-09-20T09:05:00+07:00)',
  expectedUrl: "cần {what} bắt đầu bằng http:// hoặc https://, nhưng thấy {found}",
  viewsWithSeparators: "cần một số nguyên ≥ 0 viết liền, không có dấu chấm hay dấu phẩy, nhưng thấy {found}",
  wholeNumberFound: "cần một số nguyên ≥ 0, nhưng thấy {found}",
  tagsNotList: 'cần một danh sách từ khóa, ví dụ ["Gò Vấp", "Đảng bộ"], nhưng thấy {found}',
  slugNotText: "cần slug (dạng chữ), nhưng thấy {found}",
  slugPattern: "slug chỉ được có chữ a-z, số 0-9 và dấu gạch ngang đơn giữa chúng, nhưng thấy {found}",
  slugTooLong: "slug dài tối đa {max} ký tự, như slug tạo từ tiêu đề, nhưng ở đây có {length} ký tự; hãy rút ngắn",
  expectedBoolean: "cần true hoặc false, nhưng thấy {found}",
  videoFilePath: "cần đường dẫn tương đối trong static/, ví dụ media/videos/clip.webm (không bắt đầu bằng /, không có .., không có tiền tố như http:), nhưng thấy {found}",
  videoFileOrUrl: "cần đúng một trong hai: `file` (đường dẫn trong static/) hoặc `url`",
  positiveWholeNumber: "cần {what} là một số nguyên ≥ 1",
  expectedLiteral: 'cần ghi "{value}"',
  expectedList: "cần một danh sách, nhưng thấy {found}",
  expectedNames: 'cần một nhóm tên, ví dụ { "tin-tuc": "Tin tức" }, nhưng thấy {found}',
  expectedOneOf: "cần một trong các giá trị {choices}, nhưng thấy {found}",
  expectedRepository: "cần kho mã dạng chủ/tên, nhưng thấy {found}",
  unknownFieldGuess: "trường không có trong mẫu — có phải ý bạn là `{guess}`?",
  unknownField: "trường không có trong mẫu; các trường dùng được: {known}",
  noFrontMatter: "thiếu phần đầu tệp (front matter): tệp phải bắt đầu bằng một dòng `---`, tiếp theo là các trường như `title:`, rồi một dòng `---`",
  frontMatterNotFields: 'phần đầu tệp phải là các trường (`title: "…"`), nhưng thấy {found}',
  frontMatterNotYaml: "phần đầu tệp viết sai cú pháp YAML: {reason}{hint}",
  quotingHint: '; hãy đặt trong dấu ngoặc kép mọi giá trị có ":" hoặc "#", ví dụ title: "Tiêu đề: phụ đề"',
  // What a field should hold, inside the messages above.
  whatTitle: "tiêu đề",
  whatCategory: "tên chuyên mục",
  whatSource: "nguồn tin",
  whatAuthor: "tên tác giả",
  whatAuthorTitle: "chức vụ của tác giả",
  whatSummary: "đoạn tóm tắt",
  whatTag: "từ khóa",
  whatImage: "đường dẫn hoặc địa chỉ ảnh",
  whatLegacyUrl: "địa chỉ trên cổng thông tin cũ",
  whatVideoFile: "đường dẫn tệp trong static/",
  whatVideoUrl: "địa chỉ video",
  whatSiteTitle: "tên trang",
  whatDescription: "câu mô tả",
  whatSiteUrl: "địa chỉ trang",
  whatHost: "tên máy chủ",
  whatCategoryName: "tên hiển thị của chuyên mục",
  whatRepository: "kho mã dạng chủ/tên",
  whatBranch: "tên nhánh",
  whatSignInUrl: "địa chỉ gốc của dịch vụ đăng nhập",
  whatApiRoot: "địa chỉ API",
  whatAppId: "mã ứng dụng OAuth",
  whatPageSize: "số tin mỗi trang",
  whatCategoryPageSize: "số tin mỗi trang chuyên mục",
  whatRelatedCount: "số tin liên quan",
  // A wrong value as a message shows it (schema.ts, describe()).
  foundNothing: "không có gì",
  foundEmpty: "giá trị rỗng",
  foundList: "một danh sách",
  foundObject: "một nhóm trường lồng nhau",
  foundNumber: "số {value}",
  foundBoolean: "giá trị {value}",
  foundOther: "{type} {value}",
  // Dates (core/dates.ts).
  notRealDate: "không phải ngày giờ có thật ({detail})",
  invalidUnit: "không có {unit} {value}",
  unitYear: "năm",
  unitMonth: "tháng",
  unitDay: "ngày",
  unitHour: "giờ",
  unitMinute: "phút",
  unitSecond: "giây",
  offsetOutside: "múi giờ nằm ngoài khoảng −12:00 … +14:00",
  unknownDateFormat: "không nhận ra dạng ngày giờ",
  yearOutside: "năm {year} nằm ngoài khoảng {first}–{last}",
  // Reading content files (content/load.ts, sources.ts, file-text.ts).
  noSlugFromTitle: "tiêu đề không tạo được slug; hãy thêm trường `slug` gồm chữ a-z, số 0-9 và dấu gạch ngang",
  noCategoryUrl:
    "{name} không tạo được địa chỉ: trang chuyên mục được đặt tên theo các chữ cái a-z và chữ số trong tên (bỏ dấu, đ → d), mà tên này không có; " +
    'hãy viết bằng chữ Latinh (tiếng Việt có dấu vẫn được), ví dụ "Tin tức"; muốn hiện tên khác, hãy gán tên đó cho slug trong cài đặt của trang, ví dụ "categories": { "tin-tuc": "新闻" }',
  contentFolderIsFile: "không phải thư mục: {path} là một tệp; cần thư mục nội dung, nơi chứa các bài viết và {settings}",
  contentFolderMissing: "không có thư mục {path}; cần thư mục nội dung, nơi chứa các bài viết và {settings}",
  videoNoAnchor: "tên tệp không có chữ cái hay chữ số a-z, 0-9 nên video không có neo trên trang video; hãy đổi tên tệp, ví dụ video/le-hoi-dinh.md",
  videoAnchorOfLayout: "tên tệp tạo ra neo #{id}, mà bố cục trang đã dùng; hãy đổi tên tệp",
  cannotRead: "không đọc được tệp: {reason}",
  settingsMissing: "thiếu tệp này: cài đặt của trang (title, url) phải nằm trong đó",
  settingsNotJson: "không phải JSON hợp lệ: {reason}",
  settingsNotObject: "cần một đối tượng JSON chứa các cài đặt, nhưng thấy {found}",
  notRegularFile: "không phải tệp thông thường (là thiết bị, pipe hoặc socket); bài viết phải là tệp văn bản",
  brokenLink: "là liên kết tượng trưng (symbolic link) bị hỏng (trỏ tới {target}, {why}); hãy xóa nó, hoặc thay bằng chính tệp hay thư mục đó",
  linkLoops: "nơi trỏ vòng về chính nó",
  linkMissing: "nơi không tồn tại",
  symbolicLink:
    "là liên kết tượng trưng (symbolic link, trỏ tới {target}), mà bantin không đi theo: liên kết có thể dẫn ra ngoài thư mục nội dung hoặc vòng lại bên trong; hãy thay nó bằng chính {kind} đó",
  kindFile: "tệp",
  kindFolder: "thư mục",
  saveAsUtf8: "hãy lưu lại tệp với bảng mã UTF-8 (trong trình soạn thảo: Save with Encoding → UTF-8)",
  savedAsUtf16: "tệp được lưu bằng bảng mã UTF-16 ({order}), bantin không đọc được; {advice}",
  notUtf8: "không phải UTF-8 hợp lệ: dòng {line} có byte không thuộc ký tự UTF-8 nào ({bytes} ở vị trí byte {offset}); {advice}",
  controlCharacterInFile: "có ký tự điều khiển {codePoint} (dòng {line}), mà trang web và nguồn tin Atom không chứa được; hãy xóa ký tự đó",
  // Ids in body HTML (content/body-ids.ts).
  renameId: 'hãy đổi tên id đó, cùng các liên kết tới nó (href="#…")',
  renameOneId: "hãy đổi tên một trong hai, cùng các liên kết tới nó",
  idNotOneWord: "phần nội dung có id {id}: id phải là một từ, không có khoảng trắng; hãy sửa lại, hoặc bỏ id đó",
  idOfLayout: 'phần nội dung có id "{id}", mà bố cục trang đã dùng cho một phần tử của nó; {advice}',
  idTwice: 'phần nội dung đặt id "{id}" cho hai phần tử{lines}; mỗi id chỉ được dùng một lần trên một trang: {advice}',
  idLines: " (dòng {first} và {second})",
  idIsVideoAnchor: 'phần mô tả có id "{id}", trùng với neo của {file} trên trang video; {advice}',
  idOfEarlierVideo: 'phần mô tả có id "{id}", trùng với một id trong phần mô tả của {file}; cả hai cùng nằm trên trang video: {advice}',
  // Media (content/media.ts).
  mediaNotLocalOrWeb:
    "{value} không phải tệp trong static/ cũng không phải địa chỉ web; cần đường dẫn như media/anh.jpg (tức tệp static/media/anh.jpg) hoặc địa chỉ bắt đầu bằng http:// hay https://",
  mediaMissing: "{value} không phải tệp có trong static/ (hãy đặt tệp ở static/{path}, hoặc ghi một địa chỉ web)",
  // Files that clash (content/clashes.ts).
  sameLegacyUrl: "trùng địa chỉ cũ {url} với {file}{spelling}; hãy giữ ở bài đúng của nó và xóa khỏi bài kia",
  legacySpelling: " (ở đó viết là {url}, vẫn là một địa chỉ nếu không kể tên máy chủ và chữ hoa, chữ thường)",
  sameUrl: "trùng địa chỉ {url} với {file}; hãy đặt `slug` khác cho một trong hai bài",
  sameCategoryPage: '"{name}" và "{other}" ({file}) cùng dẫn tới trang chuyên mục {url}; hãy viết tên chuyên mục giống hệt nhau ở cả hai bài',
  sameVideoAnchor: "trùng neo {url} với {file}; hãy đổi tên một trong hai tệp",
  // npm run new (content/scaffold.ts).
  newTitleNoSlug: 'tiêu đề "{title}" không tạo được slug; hãy dùng tiêu đề có chữ cái hoặc chữ số',
  newFileExists: "{file} đã có; hãy chọn tiêu đề khác hoặc sửa tệp đó",
  // Results of the commands (cli/).
  problemSummary: "{problems} lỗi trong {files} tệp:",
  noProblems: "Không có lỗi nào: {articles} bài viết, {videos} video trong {dir}/",
  wrote: "Đã tạo {file}",
  built: "Đã dựng {pages} trang từ {content}/ vào {out}/ trong {seconds} giây",
  offlineReused: "Dùng lại {site}/, đã dựng từ nội dung hiện tại",
  offlineWritten: "Đã tạo bản xem không cần mạng: {files} tệp, {size} trong {out}/; hãy mở {index}",
  offlineSearch: "  tìm kiếm ngay trên máy: {files} tệp, chiếm {size}",
  offlineNoSearch: "  không có chỉ mục tìm kiếm trong {site}/pagefind/: bản sao này không tìm kiếm được",
  zipWritten: "Đã tạo {zip} ({size})",
  mebibytes: "{size} MiB",
  rebuildFailed: "[bantin] dựng lại không được: {reason}",
  searchIndexed: "[bantin] chỉ mục tìm kiếm: {pages} bài; lập lại {indexed} trong {total} phần, các phần khác giữ nguyên",
  // Wrong usage and failures (cli/).
  unknownCommand: 'không có lệnh "{name}"; các lệnh là {commands}',
  unknownLanguage: 'không có ngôn ngữ "{value}" cho --lang; hãy chọn vi hoặc en',
  usageProblem: "{command}: {problem}; cách dùng: {synopsis}",
  unexpectedError: "{command}: lỗi không lường trước ({what}); hãy chạy lại với --debug để xem chi tiết",
  unknownOption: "không có tùy chọn {option}",
  unexpectedArgument: 'thừa đối số "{argument}"',
  optionTakesNoValue: "tùy chọn {option} không nhận giá trị",
  optionNeedsValue: "tùy chọn {option} cần một giá trị",
  optionNeedsValueDash: 'tùy chọn {option} cần một giá trị; giá trị bắt đầu bằng "-" thì viết {option}=VALUE',
  badPort: '--{option}: cần số cổng từ 1 đến 65535, nhưng thấy "{value}"',
  badBaseUrl: "--base-url: cần một địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://, không có ? hay #, ví dụ https://example.github.io/ban-tin/, nhưng thấy {found}",
  cmsAddress: "Trang quản trị: {address} (lưu vào {folder})",
  previewProblemsTitle: "Bản tin chưa dựng lại được",
  previewProblemsHint: "Sửa các lỗi trên rồi lưu tệp: trang này tự tải lại khi bản tin dựng xong.",
  previewLastGood: "Xem trang này ở lần dựng được gần nhất",
  // Output folders (core/output-folder.ts, lock.ts, manifest.ts, write-errors.ts; offline/).
  outputFolder: "thư mục đầu ra",
  zipFile: "tệp zip",
  guardProject: "thư mục dự án",
  guardSampleContent: "thư mục nội dung mẫu",
  guardStatic: "static/, các tệp được chép vào mọi trang",
  guardLayouts: "layouts/, các mẫu trang",
  guardSrc: "src/, mã nguồn của bantin",
  guardContent: "thư mục nội dung",
  guardCopiedSite: "trang web được sao chép",
  guardOfflineCopy: "bản sao không cần mạng",
  guardZipped: "thư mục được nén",
  placedAtGuard: "{what} {target} chính là {guard}; bantin giữ những gì nó ghi tách khỏi nguồn: hãy chọn chỗ khác, ví dụ {example}",
  placedAroundGuard: "{what} {target} chứa {guard} ({guarded}); bantin giữ những gì nó ghi tách khỏi nguồn: hãy chọn chỗ khác, ví dụ {example}",
  placedInGuard: "{what} {target} nằm trong {guard} ({guarded}); bantin giữ những gì nó ghi tách khỏi nguồn: hãy chọn chỗ khác, ví dụ {example}",
  pathThroughFile: "{what} {target}: {ancestor} là một tệp, không phải thư mục; hãy chọn đường dẫn gồm các thư mục",
  outputIsFile: "thư mục đầu ra {folder} là một tệp, không phải thư mục; bantin để yên tệp đó: hãy chọn một thư mục, ví dụ {example}",
  outputOtherKind: "thư mục đầu ra {folder} đang chứa {found} do bantin tạo, không phải {wanted}; hãy chọn thư mục khác, ví dụ {example}",
  kindSite: "một trang web",
  kindOffline: "một bản sao không cần mạng",
  outputForeign: "thư mục đầu ra {folder} có những tệp không do bantin ghi (không có {manifest}); bantin không xóa gì của bạn: hãy chọn một thư mục mới hoặc trống, ví dụ {example}",
  outputClash: "{file}: tệp này không do bantin ghi, mà lần này bantin cần ghi vào đúng chỗ đó; hãy chuyển nó ra khỏi {folder}, rồi chạy lại",
  manifestUntrusted: "{file}: không phải tệp ghi chép do bantin viết ({reason}); bantin sẽ không xóa gì theo nó: hãy tự làm trống hoặc xóa {dir}, hoặc chọn thư mục khác",
  lockHeld: "{target} đang được một lệnh bantin khác ghi ({command}, tiến trình {pid}); hãy chờ lệnh đó xong (hoặc dừng nó), rồi chạy lại; nếu không có lệnh bantin nào đang chạy, hãy xóa {file}",
  lockFresh: "{target} đang được một lệnh bantin khác nhận (khóa {file} vừa được tạo); hãy chờ lệnh đó xong, rồi chạy lại",
  lockStuck: "{target}: không lấy được khóa {file}; hãy chạy lại",
  cannotWrite: "không ghi được {target}: {reason}{at} [{code}]; {advice}",
  cannotWriteAt: " (tại {path})",
  reasonNoSpace: "ổ đĩa đã hết chỗ trống",
  reasonQuota: "đã dùng hết hạn mức ổ đĩa",
  reasonReadOnly: "ổ đĩa chỉ cho đọc",
  reasonDenied: "không có quyền ghi",
  reasonNotPermitted: "không được phép",
  reasonNameTooLong: "một tên trong đường dẫn quá dài",
  reasonNotFolder: "một phần của đường dẫn là tệp, không phải thư mục",
  reasonBusy: "thư mục đang bận (không thể hoán đổi một điểm gắn ổ đĩa)",
  adviceFreeSpace: "hãy dọn bớt ổ đĩa, hoặc ghi vào chỗ khác",
  adviceWritable: "hãy chọn thư mục mà bạn ghi được",
  adviceShorter: "hãy chọn đường dẫn ngắn hơn",
  adviceFolders: "hãy chọn đường dẫn gồm các thư mục",
  adviceInside: "hãy chọn một thư mục nằm bên trong nó",
  noCompleteSite: "{source} không chứa trang web hoàn chỉnh do bantin dựng ({manifest} của nó {state}); hãy dựng trước bằng npm run build",
  manifestUnfinished: "không phải của một lần dựng đã xong",
  manifestMissing: "không có",
  zipIsFolder: "tệp zip {target} là một thư mục; hãy ghi tên một tệp, ví dụ ban-tin.zip",
  zipNotFile: "tệp zip {target} không phải tệp thông thường; hãy ghi tên một tệp, ví dụ ban-tin.zip",
  zipForeign: "tệp zip {target} không do bantin ghi (thiếu lời chú thích zip của bantin); bantin để yên tệp đó: hãy chọn tên khác, hoặc tự xóa tệp",
  // Help (cli/args.ts, main.ts).
  helpTitle: "bantin — dựng trang web tĩnh từ kho bản tin lưu trữ",
  helpEachCommand: "Mỗi lệnh tự giải thích cách dùng và các tùy chọn với --help, ví dụ npm run import -- --help",
  helpDebugLine: "--debug, trước hoặc sau tên lệnh, in ra vết ngăn xếp (stack trace) của lỗi",
  helpLangLine: "--lang en, trước hoặc sau tên lệnh, in thông báo bằng tiếng Anh (mặc định tiếng Việt; LANG=en_… cũng vậy)",
  helpDefault: "{help} (mặc định: {value})",
  helpDebug: "in ra vết ngăn xếp của lỗi (cũng được đặt trước tên lệnh)",
  helpLang: "ngôn ngữ của thông báo: vi (mặc định) hoặc en",
  helpHelp: "in phần hướng dẫn này và không làm gì khác",
} as const;

export type MessageKey = keyof typeof vi;

/** A missing English message is a compile error here. */
const en: Record<MessageKey, string> = {
  required: "required: {what}",
  expectedText: "expected {what} (text), found {found}",
  emptyValue: "expected {what}, found an empty value",
  invisibleOnly: "expected {what}, found only invisible characters (zero-width spaces or marks)",
  controlCharacterIn: "expected {what} without control characters, found {found}; remove it",
  controlCharacterAt: "{codePoint} at character {index}",
  controlCharacterSome: "one",
  dateRequired: "required: the publication date, as YYYY-MM-DD HH:mm",
  dateNotText: 'expected a date as a quoted string "YYYY-MM-DD HH:mm", found {found}',
  dateInvalid: '{reason}: "{value}"; expected YYYY-MM-DD HH:mm[:ss] (Vietnam time) or ISO 8601 with an offset (2011-09-20T09:05:00+07:00)',
  expectedUrl: "expected {what} starting with http:// or https://, found {found}",
  viewsWithSeparators: "expected a whole number ≥ 0 without separators, found {found}",
  wholeNumberFound: "expected a whole number ≥ 0, found {found}",
  tagsNotList: 'expected a list of tags, e.g. ["Gò Vấp", "Đảng bộ"], found {found}',
  slugNotText: "expected a slug (text), found {found}",
  slugPattern: "expected only a-z, 0-9 and single hyphens between them, found {found}",
  slugTooLong: "expected at most {max} characters, as a slug made from a title has, found {length}; shorten it",
  expectedBoolean: "expected true or false, found {found}",
  videoFilePath: "expected a relative path under static/ such as media/videos/clip.webm (no leading /, no .., no scheme), found {found}",
  videoFileOrUrl: "expected exactly one of `file` (a path under static/) or `url`",
  positiveWholeNumber: "expected {what} as a whole number ≥ 1",
  expectedLiteral: 'expected "{value}"',
  expectedList: "expected a list, found {found}",
  expectedNames: 'expected names by key, e.g. { "tin-tuc": "Tin tức" }, found {found}',
  expectedOneOf: "expected one of {choices}, found {found}",
  expectedRepository: "expected the repository as owner/name, found {found}",
  unknownFieldGuess: "unknown field — did you mean `{guess}`?",
  unknownField: "unknown field; known fields: {known}",
  noFrontMatter: "no front matter: the file must start with a line `---`, then fields such as `title:`, then `---`",
  frontMatterNotFields: 'front matter must be fields (`title: "…"`), found {found}',
  frontMatterNotYaml: "front matter is not valid YAML: {reason}{hint}",
  quotingHint: '; quote text that contains ":" or "#", e.g. title: "Tiêu đề: phụ đề"',
  whatTitle: "a title",
  whatCategory: "a category name",
  whatSource: "a source",
  whatAuthor: "an author name",
  whatAuthorTitle: "the author's position",
  whatSummary: "a summary",
  whatTag: "a tag",
  whatImage: "an image path or URL",
  whatLegacyUrl: "the legacy URL",
  whatVideoFile: "a file path under static/",
  whatVideoUrl: "the video URL",
  whatSiteTitle: "the site title",
  whatDescription: "a description",
  whatSiteUrl: "the site URL",
  whatHost: "a host name",
  whatCategoryName: "a category display name",
  whatRepository: "the repository as owner/name",
  whatBranch: "a branch name",
  whatSignInUrl: "the base URL of the sign-in service",
  whatApiRoot: "the API root",
  whatAppId: "the OAuth application id",
  whatPageSize: "the page size",
  whatCategoryPageSize: "the category page size",
  whatRelatedCount: "the number of related articles",
  foundNothing: "nothing",
  foundEmpty: "an empty value",
  foundList: "a list",
  foundObject: "a nested object",
  foundNumber: "number {value}",
  foundBoolean: "boolean {value}",
  foundOther: "{type} {value}",
  notRealDate: "not a real date or time ({detail})",
  invalidUnit: "you specified {value} (of type number) as a {unit}, which is invalid",
  unitYear: "year",
  unitMonth: "month",
  unitDay: "day",
  unitHour: "hour",
  unitMinute: "minute",
  unitSecond: "second",
  offsetOutside: "offset outside −12:00 … +14:00",
  unknownDateFormat: "unknown date format",
  yearOutside: "year {year} is outside {first}–{last}",
  noSlugFromTitle: "the title gives an empty slug; add a `slug` of a-z, 0-9 and hyphens",
  noCategoryUrl:
    "{name} gives no URL: a category page is named by the letters a-z and digits of its name (tone marks dropped, đ → d), and this name has none; " +
    'write it in Latin letters (Vietnamese is fine), e.g. "Tin tức"; to show it under another name, map its slug in the site settings, e.g. "categories": { "tin-tuc": "新闻" }',
  contentFolderIsFile: "not a folder: {path} is a file; expected the content folder, holding the articles and {settings}",
  contentFolderMissing: "no such folder: {path}; expected the content folder, holding the articles and {settings}",
  videoNoAnchor: "the file name has no letter or digit a-z, 0-9, so the video gets no anchor on the video page; rename the file, e.g. video/le-hoi-dinh.md",
  videoAnchorOfLayout: "the file name gives the anchor #{id}, which the page layout already uses; rename the file",
  cannotRead: "cannot be read: {reason}",
  settingsMissing: "missing: the site settings (title, url) must be in this file",
  settingsNotJson: "not valid JSON: {reason}",
  settingsNotObject: "expected a JSON object of settings, found {found}",
  notRegularFile: "is not a regular file (a device, pipe or socket); an article must be a plain text file",
  brokenLink: "is a broken symbolic link (to {target}, {why}); remove it, or replace it with the file or folder itself",
  linkLoops: "which leads back to itself",
  linkMissing: "which does not exist",
  symbolicLink:
    "is a symbolic link (to {target}), which bantin does not follow: a link can lead outside the content folder or back into it; replace it with the {kind} itself",
  kindFile: "file",
  kindFolder: "folder",
  saveAsUtf8: "save it as UTF-8 (in the editor: Save with Encoding → UTF-8)",
  savedAsUtf16: "saved as UTF-16 ({order}), which bantin does not read; {advice}",
  notUtf8: "not valid UTF-8: line {line} holds bytes that are no UTF-8 character ({bytes} at byte offset {offset}); {advice}",
  controlCharacterInFile: "holds the control character {codePoint} (line {line}), which pages and feeds cannot carry; remove it",
  renameId: 'rename it, and the links to it (href="#…")',
  renameOneId: "rename one of them, and the links to it",
  idNotOneWord: "the body has id {id}: an id is one word with no spaces; write one, or remove the id",
  idOfLayout: 'the body has id "{id}", which the page layout already gives one of its own elements; {advice}',
  idTwice: 'the body gives id "{id}" to two elements{lines}; ids must be unique on a page: {advice}',
  idLines: " (lines {first} and {second})",
  idIsVideoAnchor: 'the description has id "{id}", the anchor of {file} on the video page; {advice}',
  idOfEarlierVideo: 'the description has id "{id}", as the description of {file} does; both are on the video page: {advice}',
  mediaNotLocalOrWeb:
    "{value} is neither a file under static/ nor a web address; expected a path such as media/anh.jpg (the file static/media/anh.jpg) or a URL starting with http:// or https://",
  mediaMissing: "{value} is not a file under static/ (put it at static/{path}, or give a URL)",
  sameLegacyUrl: "same old address {url} as {file}{spelling}; keep it in the article it belongs to and remove it from the other",
  legacySpelling: " (written {url} there, the same address once the host and the case of letters are set aside)",
  sameUrl: "same URL {url} as {file}; give one of them a different `slug`",
  sameCategoryPage: '"{name}" and "{other}" ({file}) share the category page {url}; write the category the same way in both',
  sameVideoAnchor: "same anchor {url} as {file}; rename one of the two files",
  newTitleNoSlug: 'the title "{title}" gives an empty slug; use a title with letters or digits',
  newFileExists: "{file} already exists; choose another title or edit that file",
  problemSummary: "{problems} {problems|problem|problems} in {files} {files|file|files}:",
  noProblems: "No problems: {articles} {articles|article|articles}, {videos} {videos|video|videos} in {dir}/",
  wrote: "Wrote {file}",
  built: "Built {pages} {pages|page|pages} from {content}/ into {out}/ in {seconds} s",
  offlineReused: "Reusing {site}/, built from the current sources",
  offlineWritten: "Wrote an offline copy: {files} {files|file|files}, {size} in {out}/; open {index}",
  offlineSearch: "  search from disk: {files} {files|file|files}, {size} of it",
  offlineNoSearch: "  no search index in {site}/pagefind/: the copy has no search",
  zipWritten: "Wrote {zip} ({size})",
  mebibytes: "{size} MiB",
  rebuildFailed: "[bantin] rebuild failed: {reason}",
  searchIndexed: "[bantin] search index: {pages} {pages|article|articles}; {indexed} of its {total} parts indexed again, the others unchanged",
  unknownCommand: 'unknown command "{name}"; the commands are {commands}',
  unknownLanguage: 'unknown language "{value}" for --lang; expected vi or en',
  usageProblem: "{command}: {problem}; usage: {synopsis}",
  unexpectedError: "{command}: unexpected error ({what}); run again with --debug for details",
  unknownOption: "unknown option {option}",
  unexpectedArgument: 'unexpected argument "{argument}"',
  optionTakesNoValue: "option {option} takes no value",
  optionNeedsValue: "option {option} needs a value",
  optionNeedsValueDash: 'option {option} needs a value; write {option}=VALUE for one that starts with "-"',
  badPort: '--{option}: expected a port number from 1 to 65535, found "{value}"',
  badBaseUrl: "--base-url: expected an absolute http:// or https:// URL without query or fragment, e.g. https://example.github.io/ban-tin/, found {found}",
  cmsAddress: "CMS: {address} (saves into {folder})",
  previewProblemsTitle: "The bulletin could not be rebuilt",
  previewProblemsHint: "Fix the problems above and save the file: this page reloads once the bulletin builds.",
  previewLastGood: "See this page as the last good build made it",
  outputFolder: "output folder",
  zipFile: "zip file",
  guardProject: "the project folder",
  guardSampleContent: "the sample content folder",
  guardStatic: "static/, the files copied into every site",
  guardLayouts: "layouts/, the page templates",
  guardSrc: "src/, bantin's code",
  guardContent: "the content folder",
  guardCopiedSite: "the site it copies",
  guardOfflineCopy: "the offline copy",
  guardZipped: "the folder it zips",
  placedAtGuard: "{what} {target} is {guard}; bantin keeps what it writes apart from the sources: choose another place, e.g. {example}",
  placedAroundGuard: "{what} {target} contains {guard} ({guarded}); bantin keeps what it writes apart from the sources: choose another place, e.g. {example}",
  placedInGuard: "{what} {target} lies inside {guard} ({guarded}); bantin keeps what it writes apart from the sources: choose another place, e.g. {example}",
  pathThroughFile: "{what} {target}: {ancestor} is a file, not a folder; choose a path of folders",
  outputIsFile: "output folder {folder} is a file, not a folder; bantin leaves it alone: choose a folder, e.g. {example}",
  outputOtherKind: "output folder {folder} holds {found} made by bantin, not {wanted}; choose another folder, e.g. {example}",
  kindSite: "a site",
  kindOffline: "an offline copy",
  outputForeign: "output folder {folder} holds files bantin did not write (it has no {manifest}); bantin removes nothing of yours: choose a new or empty folder, e.g. {example}",
  outputClash: "{file}: bantin did not write it, and this output writes there; move it out of {folder}, then run this again",
  manifestUntrusted: "{file}: not a manifest bantin wrote ({reason}); bantin will not remove anything by it: empty or remove {dir} yourself, or choose another folder",
  lockHeld: "{target} is being written by another bantin command ({command}, process {pid}); wait until it has finished (or stop it), then run this again; if no bantin command runs, delete {file}",
  lockFresh: "{target} is being taken by another bantin command (its lock {file} was just made); wait until it has finished, then run this again",
  lockStuck: "{target}: could not take its lock {file}; run this again",
  cannotWrite: "cannot write {target}: {reason}{at} [{code}]; {advice}",
  cannotWriteAt: " (at {path})",
  reasonNoSpace: "no space left on the disk",
  reasonQuota: "the disk quota is used up",
  reasonReadOnly: "the file system is read-only",
  reasonDenied: "permission denied",
  reasonNotPermitted: "not permitted",
  reasonNameTooLong: "a name in the path is too long",
  reasonNotFolder: "a part of the path is a file, not a folder",
  reasonBusy: "it is busy (a mount point cannot be swapped)",
  adviceFreeSpace: "free some space, or write somewhere else",
  adviceWritable: "choose a folder you can write to",
  adviceShorter: "choose a shorter path",
  adviceFolders: "choose a path of folders",
  adviceInside: "give a folder inside it instead",
  noCompleteSite: "{source} holds no complete site built by bantin (its {manifest} is {state}); build it first with npm run build",
  manifestUnfinished: "not that of a finished build",
  manifestMissing: "missing",
  zipIsFolder: "zip file {target} is a folder; name a file, e.g. ban-tin.zip",
  zipNotFile: "zip file {target} is not a file; name a file, e.g. ban-tin.zip",
  zipForeign: "zip file {target} was not written by bantin (it lacks bantin's zip comment); bantin leaves it alone: choose another name, or remove it yourself",
  helpTitle: "bantin — builds a static website from an archive of news bulletins",
  helpEachCommand: "Each command explains itself and its options with --help, e.g. npm run import -- --help",
  helpDebugLine: "--debug, before or after the command, prints the stack trace of an error",
  helpLangLine: "--lang vi, before or after the command, prints messages in Vietnamese (the default unless LANG is English)",
  helpDefault: "{help} (default: {value})",
  helpDebug: "print the stack trace of an error (also before the command)",
  helpLang: "language of the messages: vi (the default) or en",
  helpHelp: "print this help and do nothing else",
};

export const MESSAGES: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { vi, en };

/**
 * Kept on globalThis rather than in this module: Eleventy's config loader may load a second copy
 * of bantin's modules (see findContentError in errors.ts), and a problem made there must still
 * speak the language the command was given. Worker threads are told it by ts-worker.ts.
 */
const LANGUAGE_KEY = Symbol.for("bantin.language");
const holder = globalThis as { [LANGUAGE_KEY]?: Language };

export function setLanguage(language: Language): void {
  holder[LANGUAGE_KEY] = language;
}

/** The language messages are made in now: Vietnamese unless a command was told otherwise. */
export function currentLanguage(): Language {
  return holder[LANGUAGE_KEY] ?? "vi";
}

/** The language a command speaks without `--lang`: English when the locale is (LC_ALL, then LC_MESSAGES, then LANG). */
export function languageOfEnvironment(env: Readonly<Record<string, string | undefined>>): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^en(?:[_.@-]|$)/i.test(locale) ? "en" : "vi";
}

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** Whole numbers as a reader of the language writes them: 10.000 in Vietnamese, 10,000 in English. */
function formatCount(value: number, language: Language): string {
  const vietnamese = formatNumber(value);
  return language === "vi" ? vietnamese : vietnamese.replace(/\./g, ",");
}

/** A number with `digits` decimals: 2,35 in Vietnamese, 2.35 in English. */
export function decimal(value: number, digits: number): string {
  const [whole = "0", fraction] = value.toFixed(digits).split(".");
  const language = currentLanguage();
  const grouped = (whole.startsWith("-") ? "-" : "") + formatCount(Math.abs(Number(whole)), language);
  return fraction === undefined ? grouped : `${grouped}${language === "vi" ? "," : "."}${fraction}`;
}

/**
 * A message in the current language, its placeholders filled: numbers are counts, written with the
 * language's separators (pass a line number or a year as a string); `{n|one|other}` picks the word
 * for the count `n`.
 */
export function say(key: MessageKey, values: Record<string, string | number> = {}): string {
  const language = currentLanguage();
  const template = MESSAGES[language][key].replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (_, name: string, one: string, other: string) => (values[name] === 1 ? one : other));
  const shown = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === "number" ? formatCount(value, language) : value]));
  return label(template, shown);
}

/** The placeholder names of a message, plural choices included; both languages of a message take the same. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)(?:\|[^}]*)?\}/g)].map((match) => match[1]!))].sort();
}
