// Eleventy imports eleventy.config.ts with Node's own loader, which cannot read TypeScript on Node 20.
import { register } from "tsx/esm/api";

register();
