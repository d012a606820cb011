import { fold } from "./text.ts";

/** Longest slug; longer ones are cut at the last word boundary before it. */
export const MAX_SLUG_LENGTH = 80;

/** A slug holds only a-z, 0-9 and single hyphens between them, so it can never leave the output folder. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * ASCII slug of Vietnamese text: tone marks dropped, đ/Đ → d, lower case,
 * any other run of characters → "-", at most 80 characters cut at a word boundary.
 */
export function slugify(text: string, maxLength = MAX_SLUG_LENGTH): string {
  const ascii = fold(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (ascii.length <= maxLength) return ascii;
  const cut = ascii.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf("-");
  return (boundary > 0 ? cut.slice(0, boundary) : ascii.slice(0, maxLength)).replace(/-+$/, "");
}
