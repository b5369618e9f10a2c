import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CASE_CATEGORIES, CASE_STATUSES, type QueueFilter } from "@sa/core";
import type { Firestore, Query } from "firebase-admin/firestore";
import { describe, expect, it } from "vitest";
import { filteredQuery } from "../../functions/src/repositories/cases";
import { buildDashboard } from "../../functions/src/cases/dashboard";
import { overdueFollowUps } from "../../functions/src/repositories/follow-ups";
import { listHouseholdFollowUpsDueOn } from "../../functions/src/repositories/households";
import { troubledPushes } from "../../functions/src/outbox/outbox";
import { listCasesAssignedTo } from "../../functions/src/repositories/cases";
import {
  listFollowUpsDueOn,
  listOverdueSteps,
  listCasesOf,
  listUnrouted,
} from "../../functions/src/repositories/case-records";

/**
 * Every query shape the code can issue, recorded through a tiny fake of the Query API, checked
 * against the composite indexes declared in firestore.indexes.json. The emulator answers any
 * query; production answers 500 (FAILED_PRECONDITION) to one that needs an undeclared index.
 */

interface Shape {
  collection: string;
  equalities: string[];
  /** Range filters and orderBy, in the order the index must hold them. */
  ordered: { field: string; direction: "ASCENDING" | "DESCENDING" }[];
}

class RecordingQuery {
  constructor(
    private readonly collection: string,
    private readonly shapes: Shape[],
    private readonly equalities: string[] = [],
    private readonly ranges: string[] = [],
    private readonly orders: { field: string; direction: "ASCENDING" | "DESCENDING" }[] = [],
  ) {}
  where(field: string, op: string, _value: unknown): RecordingQuery {
    return op === "==" || op === "in" || op === "array-contains"
      ? new RecordingQuery(
          this.collection,
          this.shapes,
          [...this.equalities, field],
          this.ranges,
          this.orders,
        )
      : new RecordingQuery(
          this.collection,
          this.shapes,
          this.equalities,
          [...this.ranges, field],
          this.orders,
        );
  }
  orderBy(field: string, direction: "asc" | "desc" = "asc"): RecordingQuery {
    const order = { field, direction: direction === "desc" ? "DESCENDING" : "ASCENDING" } as const;
    return new RecordingQuery(this.collection, this.shapes, this.equalities, this.ranges, [
      ...this.orders,
      order,
    ]);
  }
  limit(): RecordingQuery {
    return this;
  }
  select(): RecordingQuery {
    return this;
  }
  count() {
    return { get: async () => (this.record(), { data: () => ({ count: 0 }) }) };
  }
  async get() {
    this.record();
    return { docs: [], size: 0, empty: true };
  }
  private record() {
    // A range field with no orderBy is ordered by itself, ascending.
    const ordered = [...this.orders];
    for (const field of this.ranges)
      if (!ordered.some(o => o.field === field)) ordered.unshift({ field, direction: "ASCENDING" });
    this.shapes.push({
      collection: this.collection,
      equalities: [...new Set(this.equalities)].sort(),
      ordered,
    });
  }
}

const recorder = (shapes: Shape[]) =>
  ({ collection: (name: string) => new RecordingQuery(name, shapes) }) as unknown as Firestore;

interface DeclaredIndex {
  collectionGroup: string;
  fields: { fieldPath: string; order?: string }[];
}
const declared: DeclaredIndex[] = JSON.parse(
  readFileSync(join(import.meta.dirname, "../../firestore.indexes.json"), "utf8"),
).indexes;

/** Single-field indexes serve equality-only queries (merged) and one field's range/order. */
function needsComposite(shape: Shape): boolean {
  const orderedFields = new Set(shape.ordered.map(o => o.field));
  if (shape.ordered.length === 0) return false;
  return shape.equalities.length > 0 || orderedFields.size > 1;
}

function covered(shape: Shape): boolean {
  if (!needsComposite(shape)) return true;
  return declared.some(index => {
    if (index.collectionGroup !== shape.collection) return false;
    const prefix = index.fields.slice(0, shape.equalities.length);
    const rest = index.fields.slice(shape.equalities.length);
    return (
      index.fields.length === shape.equalities.length + shape.ordered.length &&
      [...prefix.map(f => f.fieldPath)].sort().join() === shape.equalities.join() &&
      rest.every(
        (f, i) =>
          f.fieldPath === shape.ordered[i]!.field && f.order === shape.ordered[i]!.direction,
      )
    );
  });
}

const describeShape = (s: Shape) =>
  `${s.collection}: ${s.equalities.map(e => `${e} ==`).join(", ")} → ${s.ordered
    .map(o => `${o.field} ${o.direction}`)
    .join(", ")}`;

/** National staff (no province) and provincial staff: the two scopes the routes use. */
function scopes(shapes: Shape[]): Query[] {
  const db = recorder(shapes);
  return [
    db.collection("cases") as unknown as Query,
    db.collection("cases").where("location.area.provinceCode", "==", "50") as unknown as Query,
  ];
}

describe("firestore.indexes.json", () => {
  it("covers every queue and export filter combination, in both scopes", async () => {
    const shapes: Shape[] = [];
    const filters: QueueFilter[] = [];
    for (const status of [undefined, CASE_STATUSES[0]])
      for (const category of [undefined, CASE_CATEGORIES[0]])
        for (const districtCode of [undefined, "5001"])
          filters.push({
            ...(status && { status }),
            ...(category && { category }),
            ...(districtCode && { districtCode }),
          });
    for (const scope of scopes(shapes))
      for (const filter of filters) await filteredQuery(scope, filter, 500).get();
    expect(shapes).toHaveLength(16);
    expect(shapes.filter(s => !covered(s)).map(describeShape)).toEqual([]);
  });

  it("covers the dashboard's counts and samples, in both scopes", async () => {
    const shapes: Shape[] = [];
    const db = recorder(shapes);
    const at = new Date("2026-11-25T03:00:00Z");
    await buildDashboard(db, { kind: "national" }, at);
    await buildDashboard(db, { kind: "province", provinceCode: "50" }, at);
    expect(shapes.length).toBeGreaterThan(20);
    expect(shapes.filter(s => !covered(s)).map(describeShape)).toEqual([]);
  });

  it("covers the dashboard's overdue follow-ups of cases and households, in both scopes", async () => {
    const shapes: Shape[] = [];
    const db = recorder(shapes);
    await overdueFollowUps(db, { kind: "national" }, "2026-12-01");
    await overdueFollowUps(db, { kind: "province", provinceCode: "50" }, "2026-12-01");
    expect(new Set(shapes.map(s => s.collection))).toEqual(new Set(["cases", "households"]));
    expect(shapes.filter(s => !covered(s)).map(describeShape)).toEqual([]);
  });

  it("covers the fixed queries of the repositories and the outbox", async () => {
    const shapes: Shape[] = [];
    const db = recorder(shapes);
    const now = new Date("2026-11-25T03:00:00Z");
    await listCasesOf(db, "U1", 5);
    await listCasesAssignedTo(db, "U1");
    await listOverdueSteps(db, now);
    await listUnrouted(db, now);
    await listFollowUpsDueOn(db, ["2026-12-01", "2026-12-02"]);
    await listHouseholdFollowUpsDueOn(db, ["2026-12-01", "2026-12-02"]);
    await troubledPushes(db, now);
    expect(shapes.length).toBeGreaterThanOrEqual(8);
    expect(shapes.filter(s => !covered(s)).map(describeShape)).toEqual([]);
  });
});
