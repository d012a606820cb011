import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: fileURLToPath(new URL("..", import.meta.url)),
    include: ["tests/**/*.test.ts"],
    setupFiles: ["tests/setup.ts"],
    // Site builds take seconds on a 2-core machine; give them room.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
