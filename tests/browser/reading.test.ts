import fs from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { servedInBrowser } from "../helpers/served-site.ts";
import { FIXTURES, textOf } from "../helpers/site.ts";

const served = servedInBrowser(path.join(FIXTURES, "site"));
let article: string;
/** The fixture's title and address. */
const settings = JSON.parse(fs.readFileSync(path.join(FIXTURES, "site/_data/site.json"), "utf8")) as { title: string; url: string };

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

beforeAll(() => {
  article = served.site.page("/").querySelector(".article-list__title a")!.getAttribute("href")!;
});

type Rgba = [number, number, number, number];

/** Parses a computed colour, which Chromium gives as rgb() or rgba() for the colours the site uses. */
function parseColour(value: string): Rgba {
  const parts = value.match(/^rgba?\(([^)]+)\)$/)?.[1]?.split(/[\s,/]+/).filter(Boolean).map(Number);
  if (!parts || parts.length < 3 || parts.some(Number.isNaN)) throw new Error(`unexpected colour ${value}`);
  return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
}

/** WCAG's relative luminance and contrast ratio. */
function luminance([r, g, b]: Rgba): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(parseColour(a)), luminance(parseColour(b))].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

async function open(url: string, viewport: { width: number; height: number }, colorScheme: "light" | "dark" = "light"): Promise<Page> {
  const page = await (await served.browser.newContext({ viewport, colorScheme })).newPage();
  await page.goto(new URL(url, served.server.url).href);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

interface Focused {
  name: string;
  /** Colours the ring is drawn in: the outline's and any box-shadow's. */
  ring: string[];
  /** The first opaque background painted where the ring is drawn, or "" when that is outside the window. */
  behind: string;
}

/** What has the focus, its focus ring's colours, and the colour around it. */
function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const ring: string[] = [];
    const width = parseFloat(style.outlineWidth);
    if (style.outlineStyle !== "none" && width >= 2) ring.push(style.outlineColor);
    for (const shadow of style.boxShadow.matchAll(/rgba?\([^)]+\)/g)) ring.push(shadow[0]);
    // The middle of the outline's left side, beside the element.
    const rect = element.getBoundingClientRect();
    const x = rect.left - Math.max(0, parseFloat(style.outlineOffset)) - width / 2;
    const y = rect.top + rect.height / 2;
    let behind = "";
    for (const under of document.elementsFromPoint(x, y)) {
      if (under === element || element.contains(under)) continue;
      const background = getComputedStyle(under).backgroundColor;
      if (!/^rgba\(.*,\s*0(\.\d+)?\)$/.test(background)) {
        behind = background;
        break;
      }
    }
    const label = element.getAttribute("aria-label") || (element as HTMLElement).innerText || element.getAttribute("name") || "";
    return { name: `${element.tagName.toLowerCase()} “${label.trim().slice(0, 40)}”`, ring, behind };
  });
}

describe("the focus ring", () => {
  for (const url of ["/", "article"])
    for (const [size, viewport] of Object.entries({ desktop: DESKTOP, phone: PHONE }))
      for (const scheme of ["light", "dark"] as const)
        it(`shows at 3:1 or more on every element a keyboard reaches: ${url === "/" ? "home" : "article"} page, ${size}, ${scheme}`, async () => {
          const page = await open(url === "/" ? url : article, viewport, scheme);
          const seen: string[] = [];
          const faint: string[] = [];
          for (let step = 0; step < 80; step++) {
            await page.keyboard.press("Tab");
            const now = await focused(page);
            if (!now || seen.at(-1) === now.name) continue;
            if (seen.includes(now.name) && seen[0] === now.name) break;
            seen.push(now.name);
            const best = now.behind ? Math.max(0, ...now.ring.map((colour) => contrast(colour, now.behind))) : 0;
            if (best < 3) faint.push(`${now.name}: ring ${now.ring.join(" ") || "none"} on ${now.behind || "nothing"} (${best.toFixed(2)}:1)`);
          }
          // The header's, the content's and the footer's links were all reached.
          expect(seen.some((name) => name.includes(settings.title))).toBe(true);
          expect(seen.some((name) => name.startsWith("input"))).toBe(true);
          expect(seen.some((name) => name.includes("Nguồn tin Atom"))).toBe(true);
          expect(faint).toEqual([]);
          await page.context().close();
        });
});

describe("the phone header", () => {
  it("leaves the first headline of the home page in the upper half of a 390×844 screen", async () => {
    const page = await open("/", PHONE);
    const header = (await page.locator(".site-header").boundingBox())!;
    const headline = (await page.locator(".article-list__title").first().boundingBox())!;
    expect(header.height).toBeLessThanOrEqual(120);
    expect(headline.y + headline.height).toBeLessThanOrEqual(PHONE.height / 2);
    await page.context().close();
  });

  it("has the sections in one row that scrolls sideways, and a focused section scrolls into view", async () => {
    const page = await open("/", PHONE);
    const row = page.locator(".site-nav ul");
    const tops = await row.locator("a").evaluateAll((links) => new Set(links.map((link) => link.getBoundingClientRect().top)).size);
    expect(tops).toBe(1);
    const { scrollWidth, clientWidth, overflowX } = await row.evaluate((list) => ({ scrollWidth: list.scrollWidth, clientWidth: list.clientWidth, overflowX: getComputedStyle(list).overflowX }));
    expect(overflowX).toBe("auto");
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    const last = row.locator("a").last();
    const hidden = (await last.boundingBox())!;
    expect(hidden.x + hidden.width).toBeGreaterThan(PHONE.width);
    for (let step = 0; step < 40 && !(await last.evaluate((link) => link === document.activeElement)); step++) await page.keyboard.press("Tab");
    const shown = (await last.boundingBox())!;
    expect(shown.x).toBeGreaterThanOrEqual(0);
    expect(shown.x + shown.width).toBeLessThanOrEqual(PHONE.width);
    await page.context().close();
  });
});

describe("targets on a phone", () => {
  for (const url of ["/", "article"])
    it(`in navigation, pagination and the sidebar are at least 24×24 px: ${url === "/" ? "home" : "article"} page`, async () => {
      const page = await open(url === "/" ? url : article, PHONE);
      const { small, count } = await page.evaluate(() => {
        const targets = [...document.querySelectorAll("nav a, nav button, .sidebar a, .sidebar button, .sidebar input")].filter(
          (element) => element.getClientRects().length > 0,
        );
        // WCAG 2.5.8 would also let a smaller target pass when it is 24 px from the others; these
        // are all big enough without that. A link on two lines must be 24 px tall on each.
        const small = targets
          .filter((element) => element.getBoundingClientRect().width < 24 || [...element.getClientRects()].some((line) => line.height < 24))
          .map((element) => {
            const lines = [...element.getClientRects()].map((line) => `${line.width.toFixed(1)}×${line.height.toFixed(1)}`);
            return `${element.tagName.toLowerCase()} “${(element.textContent ?? "").trim()}” ${lines.join(", ")}`;
          });
        return { small, count: targets.length };
      });
      expect(count).toBeGreaterThan(10);
      expect(small).toEqual([]);
      await page.context().close();
    });
  it("include the pagination's links", () => {
    expect(served.site.page("/").querySelectorAll("nav.pagination a").length).toBeGreaterThan(1);
  });
});

describe("the colour schemes", () => {
  it("follows the system's setting", async () => {
    const light = await open("/", DESKTOP, "light");
    const dark = await open("/", DESKTOP, "dark");
    const colours = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(luminance(parseColour(await colours(light)))).toBeGreaterThan(0.9);
    expect(luminance(parseColour(await colours(dark)))).toBeLessThan(0.05);
    await light.context().close();
    await dark.context().close();
  });

  for (const url of ["/", "article"])
    for (const [size, viewport, scheme] of [["desktop", DESKTOP, "dark"], ["phone", PHONE, "dark"], ["desktop", DESKTOP, "light"]] as const)
      it(`passes axe's WCAG 2.2 AA rules, contrast among them: ${url === "/" ? "home" : "article"} page, ${size}, ${scheme}`, async () => {
        const page = await open(url === "/" ? url : article, viewport, scheme);
        const { violations, passes } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag22aa"]).analyze();
        expect(passes.map((rule) => rule.id)).toContain("color-contrast");
        expect(violations.map((rule) => `${rule.id}: ${rule.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
        await page.context().close();
      });
});

describe("printing", () => {
  it("shows the site's name and the page's address, not the navigation, search box or sidebar", async () => {
    const page = await open(article, DESKTOP);
    const address = page.locator(".site-footer .print-only");
    // On screen the line is not there at all: screen readers do not hear the address twice.
    expect(await address.isVisible()).toBe(false);
    expect(await address.evaluate((line) => getComputedStyle(line).display)).toBe("none");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-title").isVisible()).toBe(true);
    expect(await page.locator(".site-title").innerText()).toBe(settings.title);
    expect(await address.isVisible()).toBe(true);
    expect(await address.innerText()).toContain(new URL(article, settings.url).href);
    for (const hidden of [".site-nav", ".search-box", ".sidebar"]) expect(await page.locator(hidden).isVisible(), hidden).toBe(false);
    await page.context().close();
  });

  it("gives every page its own address", () => {
    for (const url of ["/", article, "/luu-tru/"]) expect(textOf(served.site.page(url).querySelector(".print-only"))).toContain(new URL(url, settings.url).href);
  });
});
