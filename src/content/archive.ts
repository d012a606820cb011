import { DateTime } from "luxon";
import type { Article, Content, Video } from "./load.ts";
import { ZONE } from "../core/dates.ts";
import { byCodeUnits } from "../core/text.ts";
import type { Settings } from "./schema.ts";
import { type ListPage, paginate, pageUrlOf } from "./pagination.ts";
import { groupTaxonomies, type Taxonomies } from "./taxonomies.ts";
import { categoryFeedUrl, categoryUrl, dayUrl, monthUrl, ROUTES, yearUrl } from "./urls.ts";

/** A short reference to an article, for lists that must not embed whole articles. */
export interface ArticleLink {
  title: string;
  url: string;
  date: string;
}

/** An article with what its page shows around it. */
export interface ArticlePage extends Article {
  categoryUrl: string;
  newer: ArticleLink[];
  older: ArticleLink[];
  /** "Xem tiếp": the category page where the list of older articles goes on. */
  moreUrl: string;
  previous?: ArticleLink;
  next?: ArticleLink;
}

export interface Category {
  name: string;
  slug: string;
  url: string;
  feedUrl: string;
  count: number;
  /** Newest first. */
  articles: Article[];
}

/** The nearest older or newer year, month or day that has articles. */
export interface PeriodLink {
  url: string;
  year: number;
  month?: number;
  day?: number;
}

/** "Tháng trước / Tháng sau" and the like: empty periods are skipped. */
export interface PeriodNeighbours {
  /** Older. */
  previous?: PeriodLink;
  /** Newer. */
  next?: PeriodLink;
}

export interface CalendarDay {
  day: number;
  count: number;
  url?: string;
}

export interface MonthArchive extends PeriodNeighbours {
  year: number;
  month: number;
  url: string;
  count: number;
  /** Weeks from Monday to Sunday; null pads days outside the month. */
  weeks: (CalendarDay | null)[][];
  days: DayArchive[];
}

export interface DayArchive extends PeriodNeighbours {
  year: number;
  month: number;
  day: number;
  url: string;
  articles: Article[];
}

export interface YearArchive extends PeriodNeighbours {
  year: number;
  url: string;
  count: number;
  /** Newest first. */
  months: MonthArchive[];
  /** Newest first. */
  articles: Article[];
}

/** A page of a year: its articles, under the heading of their month. */
export interface YearPage extends ListPage<Article> {
  yearArchive: YearArchive;
  months: { month: MonthArchive; articles: Article[] }[];
}

export interface DayPage extends ListPage<Article> {
  dayArchive: DayArchive;
}

/** Everything the templates render, derived once per build. */
export interface Archive {
  settings: Settings;
  /** In URL order. */
  articles: ArticlePage[];
  /** Newest first. */
  latest: Article[];
  homePages: ListPage<Article>[];
  categories: Category[];
  categoryPages: (ListPage<Article> & { category: Category })[];
  taxonomies: Taxonomies;
  years: YearArchive[];
  /** Year and day archives split into pages like the other lists. */
  yearPages: YearPage[];
  months: MonthArchive[];
  days: DayArchive[];
  dayPages: DayPage[];
  /** Newest first. */
  videos: Video[];
  /** Dates (YYYY-MM-DD) that have an article, for the date picker. */
  articleDays: string[];
}

const collator = new Intl.Collator("vi");
const pad = (value: number) => String(value).padStart(2, "0");


/** Newest first; articles of the same minute by title, so every build orders them the same way. */
export function newestFirst(a: Article, b: Article): number {
  return b.timestamp - a.timestamp || collator.compare(a.title, b.title) || a.url.localeCompare(b.url);
}

const link = (article: Article): ArticleLink => ({ title: article.title, url: article.url, date: article.date });

export function buildArchive({ settings, articles, videos }: Content): Archive {
  const latest = [...articles].sort(newestFirst);
  const categories = groupCategories(latest);
  const categoryBySlug = new Map(categories.map((category) => [category.slug, category]));
  const { years, months, days } = groupDates(latest);

  const categoryPages = categories.flatMap((category) =>
    paginate(category.articles, settings.categoryPageSize, category.url).map((page) => ({ ...page, category })),
  );

  // Each article's place in its category, found once: indexOf per article would be quadratic.
  const positionInCategory = new Map(categories.flatMap((category) => category.articles.map((article, position) => [article, position] as const)));
  const articlePages = latest.map((article, index): ArticlePage => {
    const category = categoryBySlug.get(article.categorySlug)!;
    const inCategory = category.articles;
    const position = positionInCategory.get(article)!;
    const newer = inCategory.slice(Math.max(0, position - settings.relatedCount), position).map(link);
    const older = inCategory.slice(position + 1, position + 1 + settings.relatedCount).map(link);
    return {
      ...article,
      categoryUrl: categoryUrl(article.categorySlug),
      newer,
      older,
      moreUrl: pageUrlOf(Math.min(position + 1 + older.length, inCategory.length - 1), settings.categoryPageSize, category.url),
      previous: latest[index + 1] && link(latest[index + 1]!),
      next: index > 0 ? link(latest[index - 1]!) : undefined,
    };
  });

  return {
    settings,
    // In URL order, which is the order Eleventy renders them in: the search index takes each page as
    // it is rendered, and Pagefind orders results of equal score by when their page came in.
    articles: articlePages.sort((a, b) => byCodeUnits(a.url, b.url)),
    latest,
    homePages: paginate(latest, settings.pageSize, ROUTES.home),
    categories,
    categoryPages,
    taxonomies: groupTaxonomies(latest, settings.categoryPageSize),
    years,
    yearPages: years.flatMap((yearArchive) =>
      paginate(yearArchive.articles, settings.pageSize, yearArchive.url).map((page) => ({ ...page, yearArchive, months: byMonth(page.items, yearArchive.months) })),
    ),
    months,
    days,
    dayPages: days.flatMap((dayArchive) => paginate(dayArchive.articles, settings.pageSize, dayArchive.url).map((page) => ({ ...page, dayArchive }))),
    videos: [...videos].sort((a, b) => b.timestamp - a.timestamp || collator.compare(a.title, b.title)),
    articleDays: days.map((day) => `${day.year}-${pad(day.month)}-${pad(day.day)}`),
  };
}

function groupCategories(latest: Article[]): Category[] {
  const bySlug = new Map<string, Category>();
  for (const article of latest) {
    let category = bySlug.get(article.categorySlug);
    if (!category) {
      const { categorySlug: slug } = article;
      category = { name: article.category, slug, url: categoryUrl(slug), feedUrl: categoryFeedUrl(slug), count: 0, articles: [] };
      bySlug.set(article.categorySlug, category);
    }
    category.count++;
    category.articles.push(article);
  }
  return [...bySlug.values()].sort((a, b) => collator.compare(a.name, b.name));
}

/** Year, month and day archives, newest first; days within a month oldest first, as on a calendar. */
function groupDates(latest: Article[]): { years: YearArchive[]; months: MonthArchive[]; days: DayArchive[] } {
  const years = new Map<number, YearArchive>();
  const months = new Map<string, MonthArchive>();
  const days = new Map<string, DayArchive>();
  for (const article of latest) {
    const { year, month, day } = article;
    let yearArchive = years.get(year);
    if (!yearArchive) years.set(year, (yearArchive = { year, url: yearUrl(year), count: 0, months: [], articles: [] }));
    yearArchive.count++;
    yearArchive.articles.push(article);
    const monthKey = `${year}-${month}`;
    let monthArchive = months.get(monthKey);
    if (!monthArchive) {
      monthArchive = { year, month, url: monthUrl(year, month), count: 0, weeks: [], days: [] };
      months.set(monthKey, monthArchive);
      yearArchive.months.push(monthArchive);
    }
    monthArchive.count++;
    const dayKey = `${monthKey}-${day}`;
    let dayArchive = days.get(dayKey);
    if (!dayArchive) {
      dayArchive = { year, month, day, url: dayUrl(year, month, day), articles: [] };
      days.set(dayKey, dayArchive);
      monthArchive.days.unshift(dayArchive);
    }
    dayArchive.articles.push(article);
  }
  for (const month of months.values()) month.weeks = calendar(month);
  const grouped = { years: [...years.values()], months: [...months.values()], days: [...days.values()] };
  for (const periods of Object.values(grouped)) linkNeighbours(periods);
  return grouped;
}

/** Links each period (newest first, only those with articles) to the one before and after it. */
function linkNeighbours(periods: (PeriodNeighbours & PeriodLink)[]): void {
  const linkTo = ({ url, year, month, day }: PeriodLink): PeriodLink => ({ url, year, month, day });
  periods.forEach((period, index) => {
    const older = periods[index + 1];
    const newer = periods[index - 1];
    if (older) period.previous = linkTo(older);
    if (newer) period.next = linkTo(newer);
  });
}

/** A year page's articles (newest first) in runs of one month, each with its month: a month cut by a page break is headed on both pages. */
function byMonth(articles: Article[], months: MonthArchive[]): YearPage["months"] {
  const runs: YearPage["months"] = [];
  for (const article of articles) {
    const last = runs.at(-1);
    if (last?.month.month === article.month) last.articles.push(article);
    else runs.push({ month: months.find((month) => month.month === article.month)!, articles: [article] });
  }
  return runs;
}

/** The month as weeks Monday–Sunday, the Vietnamese calendar's order. */
export function calendar(month: Pick<MonthArchive, "year" | "month" | "days">): (CalendarDay | null)[][] {
  const first = DateTime.fromObject({ year: month.year, month: month.month, day: 1 }, { zone: ZONE });
  const byDay = new Map(month.days.map((day) => [day.day, day]));
  const cells: (CalendarDay | null)[] = Array.from({ length: first.weekday - 1 }, () => null);
  for (let day = 1; day <= first.daysInMonth!; day++) {
    const archive = byDay.get(day);
    cells.push({ day, count: archive?.articles.length ?? 0, url: archive?.url });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}
