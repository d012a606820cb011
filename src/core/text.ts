// Folding Vietnamese text, the one rule behind slugs, label matching in captures and search.
// Pure string code with no Node import: the browser bundles use it too.

/**
 * Tone and vowel marks removed, everything else kept (đ, case): "Đảng bộ" → "Đang bo". This is
 * how Pagefind folds words, so the search page asks it about words in this form.
 */
export function stripMarks(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
}

/** Marks removed, đ/Đ → d, lower case: "Đảng bộ" → "dang bo". For matching text however it was typed. */
export function fold(text: string): string {
  return stripMarks(text).replace(/[đĐ]/g, "d").toLowerCase();
}

/** Orders strings by UTF-16 code units, the same on every machine and in every locale, unlike localeCompare. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders strings by code points, which is the order of their UTF-8 bytes and of Rust's strings
 * (Pagefind's index files). It differs from byCodeUnits only past U+FFFF: a surrogate, which starts
 * such a code point, ranks after every other code unit.
 */
export function byCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  return unit >= 0xd800 && unit <= 0xdfff ? unit + 0x10000 : unit;
}
