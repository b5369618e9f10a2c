import { resolve } from "node:path";
import { duplicateMajors, SINGLE_COPY } from "./framework-copies";

/** `npm run check:deps`: fails when two major versions of a framework are installed. */
const problems = duplicateMajors(resolve(import.meta.dirname, "../../.."));
if (problems.length > 0) {
  console.error("Two major versions installed (fix with `overrides` in package.json):");
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(`One major version each of ${SINGLE_COPY.join(", ")}.`);
