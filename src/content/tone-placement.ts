// Where the tone mark of "oa", "oe" and "uy" goes. Vietnamese has two accepted habits for a syllable
// that ends in one of these pairs: the mark on the first vowel (hòa, khỏe, thủy, ủy) or on the
// second (hoà, khoẻ, thuỷ, uỷ). Either reads fine, but one archive holding both shows a reader two
// spellings of one word, and a reader who searches with one finds only the articles written the
// other way when tone marks are dropped. The rule, precisely:
// - a word is a run of letters and digits of NFC text, compared in lower case;
// - it is an optional initial consonant (b, c, ch, d, đ, g, gh, gi, h, k, kh, l, m, n, ng, ngh, nh,
//   p, ph, r, s, t, th, tr, v, x) and then exactly the pair "oa", "oe" or "uy" with its tone mark
//   (huyền, sắc, hỏi, ngã or nặng) on one of the two vowels;
// - the pair ends the word: with a final consonant or vowel (hoàng, thuyết, ngoài, khuya) the mark
//   has one place only, on the second vowel;
// - "quy" is left out: its "u" belongs to the consonant "qu", so quý has one place for the mark.
// Two words are one word spelled two ways when they differ only in which vowel of the pair has the
// same tone mark.

export type Placement = "first" | "second";

export interface PlacedWord {
  /** The word with its tone mark taken off the pair and written last, the same for both placements. */
  key: string;
  placement: Placement;
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;
/** A word this rule is about, in lower case: an initial consonant and a toned pair at its end. */
const PLACED_WORD = /^(?:ngh|ch|gh|gi|kh|ng|nh|ph|th|tr|[bcdđghklmnprstvx])?(?:([òóỏõọ])[ae]|o[àáảãạèéẻẽẹ]|([ùúủũụ])y|u[ỳýỷỹỵ])$/;

/** The key and placement of a word (NFC, lower case) when its tone mark could sit on either vowel of oa, oe or uy. */
export function placedWord(word: string): PlacedWord | undefined {
  const match = PLACED_WORD.exec(word);
  if (!match) return undefined;
  const decomposed = word.normalize("NFD");
  const mark = TONE_MARKS.exec(decomposed)!;
  return {
    key: `${decomposed.slice(0, mark.index)}${decomposed.slice(mark.index + 1)}${mark[0]}`,
    placement: match[1] !== undefined || match[2] !== undefined ? "first" : "second",
  };
}

/** How often one spelling occurs in one file, and the first line it is on. */
export interface WordUse {
  /** Lower case. */
  spelling: string;
  count: number;
  line: number;
}

/** A toned pair anywhere in text, found fast before the word around it is looked at. */
const TONED_PAIR = /[òóỏõọÒÓỎÕỌ][aeAE]|[oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[ùúủũụÙÚỦŨỤ][yY]|[uU][ỳýỷỹỵỲÝỶỸỴ]/g;
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
const isWordCharacter = (code: number) =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || (code >= 0xc0 && WORD_CHARACTER.test(String.fromCharCode(code)));
/** Longest initial consonant, "ngh": a word with more letters before its pair is no word of this rule. */
const LONGEST_ONSET = 3;

/** The words of NFC `text` whose tone mark could sit on either vowel of their pair, by spelling, in order of first use. */
export function placedWordUses(text: string): WordUse[] {
  const uses = new Map<string, WordUse>();
  let line = 1;
  let counted = 0;
  TONED_PAIR.lastIndex = 0;
  for (let match = TONED_PAIR.exec(text); match; match = TONED_PAIR.exec(text)) {
    const end = match.index + 2;
    if (isWordCharacter(text.charCodeAt(end))) continue;
    let start = match.index;
    while (start > 0 && isWordCharacter(text.charCodeAt(start - 1))) {
      if (match.index - start === LONGEST_ONSET) break;
      start--;
    }
    if (start > 0 && isWordCharacter(text.charCodeAt(start - 1))) continue;
    const spelling = text.slice(start, end).toLowerCase();
    if (!placedWord(spelling)) continue;
    for (; counted < start; counted++) if (text.charCodeAt(counted) === 0x0a) line++;
    const use = uses.get(spelling);
    if (use) use.count++;
    else uses.set(spelling, { spelling, count: 1, line });
  }
  return [...uses.values()];
}

/** One spelling across the archive. */
export interface SpellingUse {
  spelling: string;
  count: number;
  /** The files that use it, in the order given, each with its first line. */
  files: { file: string; line: number }[];
}

/** A word written with its tone mark on the first vowel in some places and on the second in others. */
export interface PlacementVariants {
  /** The less used spelling first (the likelier one to change), then the other. */
  spellings: [SpellingUse, SpellingUse];
}

/** Every word of `files` spelled with both placements, in the order the rarer spelling is first used. */
export function placementVariants(files: readonly { file: string; words: readonly WordUse[] }[]): PlacementVariants[] {
  // By key, the one spelling of each placement (lower case leaves one), and where it is first used.
  const byKey = new Map<string, Map<Placement, SpellingUse & { first: [number, number] }>>();
  files.forEach(({ file, words }, index) => {
    for (const { spelling, count, line } of words) {
      const placed = placedWord(spelling);
      if (!placed) continue;
      let spellings = byKey.get(placed.key);
      if (!spellings) byKey.set(placed.key, (spellings = new Map()));
      let use = spellings.get(placed.placement);
      if (!use) spellings.set(placed.placement, (use = { spelling, count: 0, files: [], first: [index, line] }));
      use.count += count;
      use.files.push({ file, line });
    }
  });
  const earlier = (a: [number, number], b: [number, number]) => a[0] - b[0] || a[1] - b[1];
  const variants: (PlacementVariants & { first: [number, number] })[] = [];
  for (const spellings of byKey.values()) {
    const [a, b] = [spellings.get("first"), spellings.get("second")];
    if (!a || !b) continue;
    const [rarer, other] = a.count < b.count || (a.count === b.count && earlier(a.first, b.first) < 0) ? [a, b] : [b, a];
    variants.push({ spellings: [plain(rarer), plain(other)], first: rarer.first });
  }
  return variants.sort((x, y) => earlier(x.first, y.first)).map(({ spellings }) => ({ spellings }));
}

const plain = ({ spelling, count, files }: SpellingUse): SpellingUse => ({ spelling, count, files });
