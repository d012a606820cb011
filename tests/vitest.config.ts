import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Three projects, run together by `npm test`: unit (pure code, no site build, no browser: seconds),
// build (fixture sites built through Eleventy), browser (those sites in Debian's Chromium; the offline copy in Firefox ESR too).
export default defineConfig({
  test: {
    root: fileURLToPath(new URL("..", import.meta.url)),
    setupFiles: ["tests/setup.ts"],
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      // Site builds take seconds on a 2-core machine; give them room.
      { extends: true, test: { name: "build", include: ["tests/build/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 180_000 } },
      { extends: true, test: { name: "browser", include: ["tests/browser/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 180_000 } },
    ],
  },
});
