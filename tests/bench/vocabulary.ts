// Word material for the generated archive (generated-archive.ts): common syllables and phrases of
// Vietnamese district news, names of people and places, and a long tail of syllables spelled from
// Vietnamese onsets, rhymes and tones. Written for this benchmark; lists run most frequent first,
// since ranks set the weights.

const words = (text: string) => [...new Set(text.trim().split(/\s+/))];

/** Single syllables of news prose, roughly most frequent first. */
export const COMMON_WORDS = words(`
  của và các những được trong cho với là có đã người năm công tác này không một để đến tại về nhân dân
  cán bộ đảng viên từ theo như phường quận thành phố ngày tháng hội nghị tổ chức hoạt động nhiều trên chính
  quyền địa phương thực hiện kế hoạch phát triển kinh tế xã văn hóa giáo dục học tập đạo đức sinh thanh niên
  phụ nữ hướng dẫn khu vực đồng chí đoàn thể lãnh chỉ khai kết quả nhiệm vụ chương trình phong trào tuyên
  truyền vận an ninh quốc phòng trật tự giao thông môi trường đô thị y sức khỏe gia đình cộng doanh nghiệp
  sản xuất đầu tư xây dựng cải cách hành thủ tục hồ sơ tiếp nhận giải quyết đơn vị ban ngành mặt trận ủy chủ
  tịch phó bí thư trưởng làm gương tấm số bài mới cao tốt lớn sự việc nước nhà cơ sở quản lý đề ra hiệu biện
  pháp tình hình tăng cường nâng chất lượng đời sống vật tinh thần lao trẻ em hộ nghèo vốn vay hỗ trợ chăm lo
  tích cực tham ý kiến thảo luận thống nhất qua báo cáo tổng đánh giá năng lực bồi dưỡng đào tạo khen thưởng
  thi đua yêu tiêu biểu điển mô cụ khó khăn hạn chế nguyên đội ngũ trách lần thứ hai ba bốn nay đây khi sau
  trước cùng đó vào cũng phải còn đang sẽ rất hơn mỗi tất cả bảo vệ đảm kiểm tra giám sát xử vi phạm chống
  nhũng lãng phí cháy chữa rác thải đường hẻm ở tiền đất điện hàng chợ lớp thầy cô cháu tuổi già ông bà anh
  chị thương binh liệt sĩ cựu chiến mừng xuân tết lễ kỷ niệm lịch sử di tích chùa bóng đá thao dục buổi
  gặp mặt trao tặng quà hộp đèn nhằm góp phần đông đảo bước đầu đạt vượt mức chỉ tiêu đề nghị xem xét
  kịp thời đúng quy định luật nghĩa phục đời mục đích yêu cầu nội dung phổ biến rộng rãi toàn thể lực lượng
  thường xuyên liên tục nắm bắt tâm tư nguyện vọng người dân ổn định vững mạnh trong sạch đoàn kết sáng tạo
  đổi mới hiện đại hóa công nghiệp dịch vụ thương mại cửa hàng khách hàng thị trường giá cả ngân sách thuế
  nộp thu chi quý tuần đợt điểm giờ sáng chiều tối hôm qua tới hết cuối đầu bên nơi đâu gì sao vậy nên vì
  bởi nếu thì mà hay hoặc nhưng tuy đều lại rồi chưa vẫn luôn ngay chỉ riêng chung toàn bộ phận
`);

/** Units that stay together: phrases, institutions, slogans, written as in the bulletins. */
export const PHRASES = [
  "Đảng bộ", "Gò Vấp", "cán bộ đảng viên", "Ủy ban nhân dân", "Hồ Chí Minh", "Đảng", "kinh tế - xã hội", "đạo đức",
  "giáo dục", "UBND", "Quận ủy", "Nhà nước", "Mặt trận Tổ quốc", "an ninh trật tự", "thành phố Hồ Chí Minh",
  "học tập và làm theo tấm gương đạo đức Hồ Chí Minh", "phòng cháy chữa cháy", "Thành ủy", "khu phố", "tổ dân phố",
  "Trung ương", "nghị quyết", "trật tự an toàn giao thông", "vệ sinh môi trường", "cải cách hành chính",
  "xây dựng Đảng", "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên", "Hội Cựu chiến binh", "Liên đoàn Lao động",
  "Công an quận", "Ban Chỉ huy Quân sự", "thủ tục hành chính", "Ban Thường vụ", "Ban Chấp hành", "Đại hội",
  "Chủ tịch Hồ Chí Minh", "Bác Hồ", "Bí thư Quận ủy", "Chủ tịch UBND", "Phó Chủ tịch", "Thường trực",
  "Ban Tuyên giáo", "Ban Tổ chức", "Ủy ban Kiểm tra", "Ban Dân vận", "dân vận khéo", "quy chế dân chủ ở cơ sở",
  "Toàn dân đoàn kết xây dựng đời sống văn hóa", "gia đình văn hóa", "đô thị văn minh", "người cao tuổi", "hộ nghèo",
  "hộ cận nghèo", "bảo hiểm y tế", "bảo hiểm xã hội", "an sinh xã hội", "giảm nghèo bền vững", "nghĩa vụ quân sự",
  "dân quân tự vệ", "Quân đội nhân dân", "Công an nhân dân", "thể dục thể thao", "văn hóa văn nghệ", "học sinh",
  "sinh viên", "năm học", "ngày hội", "Tết Nguyên đán", "Quốc khánh", "giải phóng miền Nam thống nhất đất nước",
  "chủ nghĩa Mác - Lênin", "tư tưởng Hồ Chí Minh", "chỉnh đốn Đảng", "sốt xuất huyết", "dịch bệnh",
  "chuyển đổi số", "chính quyền điện tử", "chỉnh trang đô thị", "lấn chiếm vỉa hè", "giải phóng mặt bằng",
  "quyền sử dụng đất", "giấy phép xây dựng", "Công viên Văn hóa Gia Định", "sân bay Tân Sơn Nhất",
  "Bệnh viện quận Gò Vấp", "Trung tâm Văn hóa", "Nhà Thiếu nhi", "Ngày hội Đại đoàn kết toàn dân tộc",
  "đền ơn đáp nghĩa", "uống nước nhớ nguồn", "Mẹ Việt Nam Anh hùng", "nhà tình nghĩa", "nhà tình thương",
  "Quỹ Vì người nghèo", "hiến máu tình nguyện", "mùa hè xanh", "Tháng Thanh niên", "Ngày Thương binh - Liệt sĩ",
];

/** A few words and phrases each category uses far more than the others. */
export const CATEGORIES: { name: string; weight: number; topics: string[] }[] = [
  { name: "Tin tức - Sự kiện", weight: 30, topics: ["sự kiện", "hội nghị", "lễ kỷ niệm", "đoàn công tác", "thăm và làm việc", "trao tặng", "khai mạc", "bế mạc", "tổng kết"] },
  { name: "Kinh tế - Xã hội", weight: 16, topics: ["thuế", "ngân sách", "doanh nghiệp", "giảm nghèo", "việc làm", "giá cả", "tiểu thương", "tín dụng", "vốn vay ưu đãi", "chỉ số"] },
  { name: "Văn hóa - Thể thao", weight: 14, topics: ["hội thi", "văn nghệ", "bóng đá", "cờ tướng", "huy chương", "giải", "vận động viên", "liên hoan", "hội diễn", "câu lạc bộ"] },
  { name: "Xây dựng Đảng", weight: 10, topics: ["chi bộ", "kết nạp", "sinh hoạt", "kiểm điểm", "tự phê bình và phê bình", "đảng viên mới", "Chỉ thị", "nhiệm kỳ", "bầu cử"] },
  { name: "Thông báo", weight: 10, topics: ["thông báo", "lịch tiếp công dân", "thời gian", "địa điểm", "đăng ký", "hạn chót", "danh sách", "niêm yết", "công khai"] },
  { name: "Quốc phòng - An ninh", weight: 8, topics: ["tuyển quân", "tội phạm", "ma túy", "tuần tra", "diễn tập", "huấn luyện", "tân binh", "phòng thủ", "cảnh giác"] },
  { name: "Cải cách hành chính", weight: 7, topics: ["một cửa", "trực tuyến", "chữ ký số", "dịch vụ công", "hài lòng", "tiếp nhận và trả kết quả", "quy trình", "rút ngắn thời gian"] },
  { name: "Các chuyên đề", weight: 5, topics: ["chuyên đề", "tư tưởng", "tấm gương", "làm theo", "phong cách", "điển hình tiên tiến", "người tốt việc tốt", "nêu gương"] },
];

// Family names weighted roughly by how common they are (Nguyễn is about two Vietnamese in five).
export const FAMILY_NAMES: [string, number][] = [
  ["Nguyễn", 38], ["Trần", 11], ["Lê", 9.5], ["Phạm", 7], ["Hoàng", 5], ["Phan", 4.5], ["Huỳnh", 4], ["Vũ", 3.9], ["Võ", 3],
  ["Đặng", 2.1], ["Bùi", 2], ["Đỗ", 1.4], ["Hồ", 1.3], ["Ngô", 1.3], ["Dương", 1], ["Trương", 0.9], ["Đinh", 0.8], ["Lý", 0.5],
  ["Lâm", 0.5], ["Mai", 0.5], ["Cao", 0.4], ["Hà", 0.4], ["Tạ", 0.3], ["Châu", 0.3], ["Lưu", 0.3], ["Tô", 0.2], ["Thái", 0.2], ["La", 0.2],
];
export const MIDDLE_NAMES = words("Văn Thị Minh Thanh Ngọc Hữu Đức Quốc Thành Hoàng Xuân Thu Kim Công Trọng Anh Bảo Hồng Tấn Phước Mỹ Gia");
export const GIVEN_NAMES = words(`
  An Anh Bảo Bình Châu Chi Cường Dũng Dung Duy Dương Đạt Điệp Định Đông Giang Hà Hải Hạnh Hằng Hân Hiền Hiếu Hòa Hoa
  Hoàng Hồng Huệ Hùng Hưng Hương Huy Khang Khánh Khoa Kiên Lan Liên Linh Loan Long Lộc Lợi Mai Minh My Nam Nga Ngân
  Nghĩa Ngọc Nhân Nhung Oanh Phong Phúc Phương Phượng Quang Quân Quốc Quyên Quỳnh Sang Sơn Tài Tâm Tân Thái Thảo Thắng
  Thành Thanh Thịnh Thu Thủy Thư Tiến Toàn Trang Trí Trinh Trung Tú Tuấn Tùng Tuyết Uyên Vân Việt Vinh Vy Xuân Yến Lâm
  Lực Bích Cúc Diệp Đào Hạ Khôi Nhàn
`);
/** How a person is named in running text; "đồng chí" twice, as the most usual. */
export const PERSON_TITLES = ["đồng chí", "đồng chí", "ông", "bà", "anh", "chị", "thầy", "cô", "em", "Đại tá", "Thiếu tá", "bác sĩ"];
export const AUTHOR_TITLES = ["Phóng viên", "Cộng tác viên", "Ban Tuyên giáo Quận ủy", "Văn phòng UBND quận", "Trung tâm Văn hóa - Thể thao quận"];

export const STREETS = [
  "Nguyễn Oanh", "Quang Trung", "Lê Đức Thọ", "Phan Văn Trị", "Nguyễn Văn Lượng", "Phạm Văn Đồng", "Nguyễn Thái Sơn",
  "Dương Quảng Hàm", "Thống Nhất", "Lê Quang Định", "Nguyễn Kiệm", "Phan Huy Ích", "Nguyễn Văn Nghi", "Lê Văn Thọ",
  "Cây Trâm", "Nguyễn Tuân", "Lê Lợi", "Nguyễn Du", "Bùi Quang Là", "Lê Thị Hồng", "Nguyễn Văn Bảo", "Huỳnh Khương An",
  "Phạm Ngũ Lão", "Nguyễn Văn Công", "Lê Lai", "Tân Sơn", "Trần Bá Giao", "Nguyễn Duy Cung", "Hạnh Thông",
  "Nguyễn Bỉnh Khiêm", "Phan Đăng Lưu", "Hoàng Minh Giám", "Trần Quốc Tuấn", "Lý Thường Kiệt", "Nguyễn Thượng Hiền",
  "Đỗ Thúc Tịnh", "Thích Bửu Đăng", "Trưng Nữ Vương", "Nguyễn Hồng Đào", "Lương Ngọc Quyến", "Phạm Huy Thông",
  "Trần Thị Nghĩ", "Lê Hoàng Phái", "Nguyễn Văn Khối", "Thiên Hộ Dương", "Dương Bá Trạc", "Võ Thị Sáu", "Hai Bà Trưng",
  "Cách Mạng Tháng Tám", "Điện Biên Phủ", "Trường Chinh", "Cộng Hòa", "Hoàng Văn Thụ", "Nguyễn Trãi", "Lê Văn Sỹ",
];
export const DISTRICTS = [
  "Quận 1", "Quận 3", "Quận 4", "Quận 5", "Quận 6", "Quận 7", "Quận 8", "Quận 10", "Quận 11", "Quận 12", "quận Bình Thạnh",
  "quận Tân Bình", "quận Phú Nhuận", "quận Bình Tân", "quận Tân Phú", "huyện Hóc Môn", "huyện Củ Chi", "huyện Nhà Bè", "huyện Cần Giờ",
  "huyện Bình Chánh", "thành phố Thủ Đức",
];
export const PROVINCES = [
  "Hà Nội", "Đà Nẵng", "Cần Thơ", "Hải Phòng", "Đồng Nai", "Bình Dương", "Long An", "Tây Ninh", "Tiền Giang", "Bến Tre", "Vĩnh Long",
  "Đồng Tháp", "An Giang", "Kiên Giang", "Cà Mau", "Bạc Liêu", "Sóc Trăng", "Trà Vinh", "Hậu Giang", "Lâm Đồng", "Khánh Hòa", "Phú Yên",
  "Bình Định", "Quảng Ngãi", "Quảng Nam", "Thừa Thiên Huế", "Quảng Trị", "Quảng Bình", "Hà Tĩnh", "Nghệ An", "Thanh Hóa", "Ninh Bình",
  "Nam Định", "Thái Bình", "Hưng Yên", "Hải Dương", "Bắc Ninh", "Bắc Giang", "Lạng Sơn", "Cao Bằng", "Hà Giang", "Lào Cai", "Yên Bái",
  "Tuyên Quang", "Thái Nguyên", "Phú Thọ", "Vĩnh Phúc", "Hòa Bình", "Sơn La", "Điện Biên", "Lai Châu", "Quảng Ninh", "Hà Nam", "Kon Tum",
  "Gia Lai", "Đắk Lắk", "Đắk Nông", "Bình Phước", "Ninh Thuận", "Bình Thuận",
];

export const SOURCES = [
  "Website Thành ủy", "Báo Sài Gòn Giải Phóng", "Ban Tuyên giáo Quận ủy", "Báo Người Lao Động", "Báo Tuổi Trẻ", "Báo Thanh Niên",
  "Báo Nhân Dân", "Báo Quân đội nhân dân", "Thông tấn xã Việt Nam", "Cổng thông tin điện tử Chính phủ", "Phòng Văn hóa và Thông tin quận",
];

// Spelling of the long tail. Onsets and rhymes as Vietnamese writes them; "" is a syllable with no onset.
const ONSETS = ["", ...words("b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x")];
const RHYMES = words(`
  a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây e ec em en eo ep et ê êch êm ên
  ênh êp êt êu i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu o oa oac oach oai oan oang oanh oat oay oc oe
  oen oet oăc oăn oăng oăt oi om on ong op ot ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt u ua uân uât uê uôc uôi uôm uôn uông uôt uy uyên
  uyêt uynh uyt uc ui um un ung up ut ư ưa ưc ưi ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu y
`);
/** Level (no mark), falling, rising, dipping, creaky rising, heavy: as combining marks. */
const TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
/** A syllable ending in a stop (-c, -ch, -p, -t) takes only the rising or the heavy tone. */
const STOP_TONES = ["\u0301", "\u0323"];
const VOWELS = "aăâeêioôơuưy";

/** Onset and rhyme as written together, or undefined when Vietnamese spelling has no such syllable. */
function spell(onset: string, rhyme: string): [string, string] | undefined {
  const front = /^[ieêy]/.test(rhyme);
  // k, gh, ngh come only before i, e, ê (and y: "kỷ"); c, g, ng never do.
  if (onset === "k" || onset === "gh" || onset === "ngh") return front && (rhyme !== "y" || onset === "k") ? [onset, rhyme] : undefined;
  if ((onset === "c" || onset === "g" || onset === "ng") && front) return undefined;
  // gi before i writes one i ("gì", "giếng"), and gi + ia, iu would only respell gi + a, u; the u of
  // qu belongs to the onset ("quy", "quân").
  if (onset === "gi") return /^(y|ia|iu)$/.test(rhyme) ? undefined : rhyme.startsWith("i") ? ["g", rhyme] : [onset, rhyme];
  if (onset === "qu") return rhyme.startsWith("uy") ? [onset, rhyme.slice(1)] : /^[iouưy]/.test(rhyme) ? undefined : [onset, rhyme];
  // Without an onset, i is written y: "ý", "yên".
  if (onset === "" && (rhyme === "i" || rhyme.startsWith("iê"))) return [onset, `y${rhyme.slice(1)}`];
  return [onset, rhyme];
}

/**
 * Where the tone mark goes, by the rules of Vietnamese news print ("hóa", "thủy", "Ủy ban"): on ơ
 * (so ươ marks the ơ), else on the vowel that carries a hat or horn, else on the last vowel before a
 * final consonant, else on the middle of three vowels or the first of two.
 */
function toneIndex(rhyme: string): number {
  const horn = rhyme.indexOf("ơ");
  if (horn >= 0) return horn;
  const hat = rhyme.search(/[ăâêôư]/);
  if (hat >= 0) return hat;
  const vowels = [...rhyme].flatMap((letter, index) => (VOWELS.includes(letter) ? [index] : []));
  if (!VOWELS.includes(rhyme.at(-1)!)) return vowels.at(-1)!;
  return vowels.length === 3 ? vowels[1]! : vowels[0]!;
}

/** Every syllable the onsets, rhymes and tones spell, in NFC, each once. */
export function spelledSyllables(): string[] {
  const syllables = new Set<string>();
  for (const onset of ONSETS) {
    for (const base of RHYMES) {
      const spelled = spell(onset, base);
      if (!spelled) continue;
      const [written, rhyme] = spelled;
      const at = toneIndex(rhyme) + 1;
      for (const tone of /([cpt]|ch)$/.test(rhyme) ? STOP_TONES : TONES) syllables.add(`${written}${rhyme.slice(0, at)}${tone}${rhyme.slice(at)}`.normalize("NFC"));
    }
  }
  return [...syllables];
}
