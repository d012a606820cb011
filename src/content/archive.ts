import { DateTime } from "luxon";
import type { Article, Content, Video } from "./load.ts";
import { ZONE } from "../core/dates.ts";
import type { Settings } from "./schema.ts";
import { categoryFeedUrl, categoryUrl, dayUrl, listPageUrl, monthUrl, ROUTES, yearUrl } from "./urls.ts";

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

/** One page of a paginated list. */
export interface ListPage<T> {
  url: string;
  pageNumber: number;
  totalPages: number;
  items: T[];
  /** Links to every page of the list, in order. */
  pageUrls: string[];
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

export interface CalendarDay {
  day: number;
  count: number;
  url?: string;
}

export interface MonthArchive {
  year: number;
  month: number;
  url: string;
  count: number;
  /** Weeks from Monday to Sunday; null pads days outside the month. */
  weeks: (CalendarDay | null)[][];
  days: DayArchive[];
}

export interface DayArchive {
  year: number;
  month: number;
  day: number;
  url: string;
  articles: Article[];
}

export interface YearArchive {
  year: number;
  url: string;
  count: number;
  months: MonthArchive[];
}

/** Everything the templates render, derived once per build. */
export interface Archive {
  settings: Settings;
  articles: ArticlePage[];
  /** Newest first. */
  latest: Article[];
  homePages: ListPage<Article>[];
  categories: Category[];
  categoryPages: (ListPage<Article> & { category: Category })[];
  years: YearArchive[];
  months: MonthArchive[];
  days: DayArchive[];
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

/** Splits a list into pages: page 1 at `baseUrl`, page n at `baseUrl` + `trang/n/`. */
export function paginate<T>(items: T[], size: number, baseUrl: string): ListPage<T>[] {
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  const pageUrls = Array.from({ length: totalPages }, (_, index) => pageUrlOf(index * size, size, baseUrl));
  return pageUrls.map((url, index) => ({
    url,
    pageNumber: index + 1,
    totalPages,
    items: items.slice(index * size, (index + 1) * size),
    pageUrls,
  }));
}

/** URL of the list page that holds item `index`. */
function pageUrlOf(index: number, size: number, baseUrl: string): string {
  return listPageUrl(baseUrl, Math.floor(index / size) + 1);
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

  const articlePages = latest.map((article, index): ArticlePage => {
    const category = categoryBySlug.get(article.categorySlug)!;
    const inCategory = category.articles;
    const position = inCategory.indexOf(article);
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
    articles: articlePages,
    latest,
    homePages: paginate(latest, settings.pageSize, ROUTES.home),
    categories,
    categoryPages,
    years,
    months,
    days,
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
    if (!yearArchive) years.set(year, (yearArchive = { year, url: yearUrl(year), count: 0, months: [] }));
    yearArchive.count++;
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
  return { years: [...years.values()], months: [...months.values()], days: [...days.values()] };
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
