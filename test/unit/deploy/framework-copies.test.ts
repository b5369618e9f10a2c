import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { duplicateMajors } from "../../../dev/src/deps/framework-copies";
import { REPO_ROOT } from "../../support/deploy";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A tree laid out like npm's: root package.json with workspaces, and installed packages. */
function tree(installed: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "copies-"));
  made.push(root);
  writeFileSync(join(root, "package.json"), JSON.stringify({ workspaces: ["app"] }));
  for (const [path, version] of Object.entries(installed)) {
    mkdirSync(join(root, path), { recursive: true });
    writeFileSync(join(root, path, "package.json"), JSON.stringify({ version }));
  }
  return root;
}

describe("one copy of each framework", () => {
  it("holds for this repository's installed tree", () => {
    expect(duplicateMajors(REPO_ROOT)).toEqual([]);
  });

  it("is broken by a second major version anywhere: a workspace, or nested in a package", () => {
    const inWorkspace = tree({
      "node_modules/preact": "11.2.0",
      "app/node_modules/preact": "10.29.8",
    });
    expect(duplicateMajors(inWorkspace)).toEqual([
      expect.stringMatching(/^preact: (?=.*11\.2\.0)(?=.*10\.29\.8 \(app\/node_modules\/preact\))/),
    ]);
    const nested = tree({
      "node_modules/@line/bot-sdk": "11.0.0",
      "node_modules/@liff/send-messages/node_modules/@line/bot-sdk": "10.8.0",
      "node_modules/firebase-admin": "13.6.0",
      "app/node_modules/firebase-admin": "13.5.0",
    });
    expect(duplicateMajors(nested)).toEqual([
      expect.stringMatching(/^@line\/bot-sdk: (?=.*10\.8\.0)(?=.*11\.0\.0)/),
    ]);
  });
});
