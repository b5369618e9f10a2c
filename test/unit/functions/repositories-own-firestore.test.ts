import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../../..");
const SRC = join(ROOT, "functions/src");
const REPOSITORIES = join(SRC, "repositories");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path === REPOSITORIES ? [] : sources(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/**
 * Repositories own Firestore: every collection is named, queried and parsed in
 * functions/src/repositories/, so that access rules and schemas have one place to live.
 * Nothing is allowed outside it.
 */
describe("Firestore outside the repositories", () => {
  it("should name no collection outside functions/src/repositories", () => {
    const offenders = sources(SRC).flatMap(path =>
      readFileSync(path, "utf8")
        .split("\n")
        .flatMap((line, i) =>
          /db\.collection\(|\.collection\(\s*Collections\.|\bCollections\./.test(line)
            ? [`${relative(ROOT, path)}:${i + 1}: ${line.trim()}`]
            : [],
        ),
    );
    expect(offenders).toEqual([]);
  });
});
