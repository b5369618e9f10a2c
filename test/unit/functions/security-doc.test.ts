import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { routeRoleTable, TABLE_END, TABLE_START } from "../../support/route-roles";

const DOC = join(import.meta.dirname, "../../../docs/SECURITY.md");

describe("docs/SECURITY.md", () => {
  it("should show the route × role table the e2e test asserts", () => {
    const doc = readFileSync(DOC, "utf8");
    const start = doc.indexOf(TABLE_START);
    const end = doc.indexOf(TABLE_END);
    expect(start, `${TABLE_START} missing`).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const shown = doc.slice(start + TABLE_START.length, end).trim();
    // To update the doc: paste the expected table between the markers, then run prettier.
    expect(normalise(shown)).toBe(normalise(routeRoleTable()));
  });
});

/** Prettier pads markdown tables; compare cells, not spacing. */
function normalise(table: string): string {
  return table
    .split("\n")
    .map(line =>
      line
        .split("|")
        .map(cell => cell.trim().replace(/^-+$/, "---"))
        .join("|"),
    )
    .join("\n");
}
