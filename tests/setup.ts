import { afterAll } from "vitest";
import { removeTempDirs } from "./helpers/paths.ts";

// Every test file cleans up the folders it built sites into.
afterAll(removeTempDirs);
