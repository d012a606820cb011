import fs from "node:fs";
import puppeteer, { type Browser } from "puppeteer-core";

/** Debian's Firefox ESR; CI installs it. A missing browser fails the tests: it is never a reason to skip. */
export const FIREFOX = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";

/**
 * Firefox ESR, headless, over WebDriver BiDi. Puppeteer gives it a fresh profile in a temporary
 * folder, removed on close, with prefs that turn off most of Firefox's own services.
 */
export async function launchFirefox(): Promise<Browser> {
  if (!fs.existsSync(FIREFOX)) throw new Error(`no Firefox at ${FIREFOX}: install it (apt-get install -y firefox-esr) or set FIREFOX_PATH`);
  return puppeteer.launch({
    browser: "firefox",
    protocol: "webDriverBiDi",
    executablePath: FIREFOX,
    headless: true,
    // Puppeteer lets file:// pages read one another; a reader's Firefox does not.
    extraPrefsFirefox: { "security.fileuri.strict_origin_policy": true },
    // Firefox's test switch: it refuses every connection off the machine at once, and its remote
    // settings then honour puppeteer's dummy server instead of calling Mozilla (refused here anyway).
    env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: "1" },
  });
}
