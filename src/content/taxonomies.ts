// Tags and authors as lists of their own (docs/design.md, "URLs"): a page for each, newest first,
// split like the category pages.
import { slugify } from "../core/slug.ts";
import { byCodeUnits } from "../core/text.ts";
import type { Article } from "./load.ts";
import { type ListPage, paginate } from "./pagination.ts";
import { authorUrl, tagUrl } from "./urls.ts";

/** A tag or an author, with the articles that name it. */
export interface Term {
  /** The spelling most of its articles use. */
  name: string;
  /**
   * Every spelling that gives its slug, `name` first: "Gò Vấp" and "Gò vấp" would otherwise write
   * one page over the other, so they share it, and the page names both.
   */
  spellings: string[];
  slug: string;
  url: string;
  count: number;
  /** Newest first. */
  articles: Article[];
}

export interface TermPage extends ListPage<Article> {
  term: Term;
}

/** A tag or an author as an article shows it: as written there, linked unless the name gives no slug. */
export interface TermLink {
  name: string;
  url?: string;
}

export interface Taxonomies {
  /** In Vietnamese order. */
  tags: Term[];
  tagPages: TermPage[];
  /** In Vietnamese order. */
  authors: Term[];
  authorPages: TermPage[];
  /**
   * Each article's tags and author with their pages, by article URL: the templates have no slug
   * filter, and a URL, unlike a name such as "constructor", is never a property of every object.
   */
  links: Record<string, { tags: TermLink[]; author?: TermLink }>;
}

const collator = new Intl.Collator("vi");

/** The tags and authors of `latest` (newest first), `pageSize` articles a page. */
export function groupTaxonomies(latest: Article[], pageSize: number): Taxonomies {
  const tags = group(latest, (article) => article.tags, tagUrl);
  const authors = group(latest, (article) => (article.author === undefined ? [] : [article.author]), authorUrl);
  const pages = (terms: Term[]) => terms.flatMap((term) => paginate(term.articles, pageSize, term.url).map((page) => ({ ...page, term })));
  const linkOf = (terms: Map<string, Term>, name: string): TermLink => ({ name, url: terms.get(slugify(name))?.url });
  const links: Taxonomies["links"] = {};
  for (const article of latest) {
    links[article.url] = {
      tags: article.tags.map((name) => linkOf(tags, name)),
      author: article.author === undefined ? undefined : linkOf(authors, article.author),
    };
  }
  const [tagList, authorList] = [sorted(tags), sorted(authors)];
  return { tags: tagList, tagPages: pages(tagList), authors: authorList, authorPages: pages(authorList), links };
}

function sorted(terms: Map<string, Term>): Term[] {
  return [...terms.values()].sort((a, b) => collator.compare(a.name, b.name) || byCodeUnits(a.slug, b.slug));
}

/** Terms by slug, each article once in each of its terms, in the order of `latest`. */
function group(latest: Article[], namesOf: (article: Article) => string[], urlOf: (slug: string) => string): Map<string, Term> {
  const bySlug = new Map<string, { term: Term; uses: Map<string, number> }>();
  for (const article of latest) {
    const seen = new Set<string>();
    for (const name of new Set(namesOf(article))) {
      const slug = slugify(name);
      // A name of no letter or digit has no address; the article shows it unlinked.
      if (!slug) continue;
      let entry = bySlug.get(slug);
      if (!entry) bySlug.set(slug, (entry = { term: { name, spellings: [], slug, url: urlOf(slug), count: 0, articles: [] }, uses: new Map() }));
      entry.uses.set(name, (entry.uses.get(name) ?? 0) + 1);
      if (seen.has(slug)) continue;
      seen.add(slug);
      entry.term.count++;
      entry.term.articles.push(article);
    }
  }
  const terms = new Map<string, Term>();
  for (const [slug, { term, uses }] of bySlug) {
    // The most used spelling names the page; a tie goes to the first in Vietnamese order, the same every build.
    term.spellings = [...uses].sort(([a, m], [b, n]) => n - m || collator.compare(a, b) || byCodeUnits(a, b)).map(([name]) => name);
    term.name = term.spellings[0]!;
    terms.set(slug, term);
  }
  return terms;
}
