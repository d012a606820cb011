import { register } from "tsx/esm/api";
import { afterAll } from "vitest";
import { removeTempDirs } from "./helpers/site.ts";

// Eleventy imports eleventy.config.ts with Node's own loader, which cannot read TypeScript on Node 20.
register();

// Every test file cleans up the folders it built sites into.
afterAll(removeTempDirs);
