// What a page tells search engines and social sites that show a link to it: its canonical
// address, Open Graph and Twitter card tags, and for an article a schema.org NewsArticle.
// Every address here is absolute, from the site URL (with its sub-path, if any).
import { strings } from "../core/strings.ts";
import type { Article } from "./load.ts";
import type { Settings } from "./schema.ts";
import { absoluteUrl, ROUTES } from "./urls.ts";

/**
 * The image of a page that has none of its own: the site's "B" on its red, 1200×630, centred so
 * that a square crop keeps it whole. A PNG committed under static/media/, because social sites
 * take no SVG; the same for every content folder, as it names no site.
 */
export const DEFAULT_SHARE_IMAGE = "/media/chia-se.png";

/** Social sites show JPEG, PNG, GIF and WebP; an SVG image gives way to the default one. */
const SHAREABLE_IMAGE = /\.(?:jpe?g|png|gif|webp)(?:[?#]|$)/i;

export interface Sharing {
  /** The page's own absolute address: <link rel="canonical"> and og:url. */
  url: string;
  type: "article" | "website";
  title: string;
  description?: string;
  /** Absolute address of the image. */
  image: string;
  imageAlt: string;
  /** A large card for an image of the page's own, a small one for the site's default image. */
  card: "summary_large_image" | "summary";
  /** The article:* tags of an article. */
  article?: {
    /** ISO 8601 at +07:00, as the content model stores it. */
    publishedTime: string;
    section: string;
    author?: string;
    tags: string[];
  };
}

/** A page other than an article: `path` is its site-relative URL, `title` what <title> shows before the site title. */
export function pageSharing(settings: Settings, path: string, title?: string, description?: string): Sharing {
  return {
    url: absoluteUrl(path, settings.url),
    type: "website",
    title: title || settings.title,
    description: description || settings.description,
    image: absoluteUrl(DEFAULT_SHARE_IMAGE, settings.url),
    imageAlt: strings.shareImageAlt,
    card: "summary",
  };
}

export function articleSharing(settings: Settings, article: Article): Sharing {
  const ownImage = article.image !== undefined && SHAREABLE_IMAGE.test(article.image);
  return {
    url: absoluteUrl(article.url, settings.url),
    type: "article",
    title: article.title,
    description: article.summary || settings.description,
    image: absoluteUrl(ownImage ? article.image! : DEFAULT_SHARE_IMAGE, settings.url),
    // The page shows the image as decoration of the article; what it illustrates is the headline.
    imageAlt: ownImage ? article.title : strings.shareImageAlt,
    card: ownImage ? "summary_large_image" : "summary",
    article: { publishedTime: article.date, section: article.category, author: article.author, tags: article.tags },
  };
}

/** The schema.org NewsArticle of an article page, as JSON-LD. The content model has no date of change, so no dateModified. */
export function newsArticle(settings: Settings, article: Article): Record<string, unknown> {
  const sharing = articleSharing(settings, article);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    description: sharing.description,
    datePublished: article.date,
    ...(article.author && { author: { "@type": authorType(article.author), name: article.author, ...(article.authorTitle && { jobTitle: article.authorTitle }) } }),
    publisher: { "@type": "Organization", name: settings.title, url: absoluteUrl(ROUTES.home, settings.url) },
    image: sharing.image,
    url: sharing.url,
    mainEntityOfPage: sharing.url,
    articleSection: article.category,
    inLanguage: settings.language,
    ...(article.tags.length > 0 && { keywords: article.tags }),
    // The page this archive copy was made from, on the old portal.
    ...(article.legacyUrl && { isBasedOn: article.legacyUrl }),
  };
}

/**
 * First words of the offices and bodies that sign bulletins ("Ban Tuyên giáo Quận ủy", "Phòng Y tế",
 * "Trung tâm Văn hóa"), with their tone marks: "Báo" (a newspaper) is not "Bảo", a given name.
 * Vietnamese people's names start with a family name, never with one of these.
 */
const ORGANISATION_WORDS = ["ban", "phòng", "trung tâm", "ủy ban", "ubnd", "văn phòng", "hội", "hội đồng", "đảng ủy", "đảng bộ", "quận ủy", "quận đoàn", "thành đoàn", "công an", "mặt trận", "sở", "báo", "đài", "chi cục", "cục", "bộ", "trường", "bệnh viện", "công ty", "hợp tác xã", "liên đoàn", "đoàn thanh niên"];

/** A signature names an organisation when it starts with one of ORGANISATION_WORDS, a person otherwise. */
export function authorType(name: string): "Organization" | "Person" {
  // "uỷ" is the older placement of the mark in "ủy".
  const lower = name.toLocaleLowerCase("vi").normalize("NFC").replace(/uỷ/g, "ủy");
  return ORGANISATION_WORDS.some((words) => lower === words || lower.startsWith(`${words} `)) ? "Organization" : "Person";
}

/**
 * JSON for a <script> element. `<` is written as \u003c, so that no text can close the element
 * (`</script>`) or open a comment; `>` and `&` likewise, and U+2028/U+2029, which some script parsers end lines at.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
