import fs from "node:fs";
import { createRequire } from "node:module";

// The site carries its own fonts: the fonts a reader has installed may lack Vietnamese letters
// (Liberation Serif draws ấ, ư, ơ from another font). Noto Serif sets titles and articles, Noto
// Sans the rest; each style is two WOFF2 files of its @fontsource package, Latin and Vietnamese,
// which together hold every Vietnamese letter. 600 is drawn with the 700 file.
//
// They are written into their stylesheet as data URLs: no font file of its own on the host or in
// the offline copy, where a browser may refuse a font file from file://. The stylesheet is the same
// on every page and cached with the site's other files. A browser still loads a face after the
// first layout, and text laid out in a fallback font moves when the face comes (font-display swap
// and block alike), so a script hides the page until they have loaded (src/client/fonts-wait.ts).

const FAMILIES = [
  { name: "Noto Serif", package: "noto-serif" },
  { name: "Noto Sans", package: "noto-sans" },
] as const;

const STYLES = [
  { style: "normal", weight: 400 },
  { style: "italic", weight: 400 },
  { style: "normal", weight: 700 },
] as const;

/** The ranges Fontsource gives its two subsets (from its packages' CSS, 5.x). */
const SUBSETS = {
  latin: "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD",
  vietnamese: "U+0102-0103, U+0110-0111, U+0128-0129, U+0168-0169, U+01A0-01A1, U+01AF-01B0, U+0300-0301, U+0303-0304, U+0308-0309, U+0323, U+0329, U+1EA0-1EF9, U+20AB",
} as const;

const require = createRequire(import.meta.url);

/** Each font file the site uses, as its package names it, with the face it draws. */
export const FONT_FILES = FAMILIES.flatMap((family) =>
  STYLES.flatMap(({ style, weight }) =>
    Object.entries(SUBSETS).map(([subset, range]) => ({
      family: family.name,
      style,
      weight,
      range,
      file: require.resolve(`@fontsource/${family.package}/files/${family.package}-${subset}-${weight}-${style}.woff2`),
    })),
  ),
);

let stylesheet: string | undefined;

/** css/fonts.css: one @font-face for each file, the file inside it. */
export function fontsStylesheet(): string {
  stylesheet ??= FONT_FILES.map(({ family, style, weight, range, file }) => {
    const data = fs.readFileSync(file).toString("base64");
    return `@font-face { font-family: "${family}"; font-style: ${style}; font-weight: ${weight}; font-display: swap; src: url("data:font/woff2;base64,${data}") format("woff2"); unicode-range: ${range}; }\n`;
  }).join("");
  return stylesheet;
}
