import { volunteerAssignment } from "@sa/bot";
import {
  assignSchema,
  queueQuerySchema,
  staffStatusSchema,
  translator,
  type QueueFilter,
  type Report,
  type StaffVolunteer,
} from "@sa/core";
import express from "express";
import type { Firestore, Query } from "firebase-admin/firestore";
import { caseUrl } from "../cases/case-links";
import { casesCsv } from "../cases/cases-csv";
import { buildDashboard } from "../cases/dashboard";
import { toSummary } from "../cases/case-views";
import { canSeeCase } from "../cases/case-access";
import { recordCaseChange } from "../cases/record-case-change";
import { planStatusChange } from "../cases/status-rules";
import { recordAudit } from "../repositories/audit";
import { readCase } from "../repositories/cases";
import { Collections } from "../repositories/collections";
import { readAccount, type Account } from "../repositories/users";
import { callerOf } from "./authenticate";
import { validatePathParams } from "./request-limits";
import { HttpError, invalidBody } from "./http-error";

export interface StaffRouteDeps {
  db: Firestore;
  now: () => Date;
  liffBaseUrl: string;
}

/** Approved staff and admins; 403 for anyone else. */
export function requireStaff(account: Account): void {
  const staff =
    account.role === "admin" || (account.role === "staff" && account.registration === "approved");
  if (!staff) throw new HttpError(403, "Staff only");
}

/** The cases a staff member answers for: their province, or every case for the national centre. */
function provinceScope(db: Firestore, account: Account): Query {
  const reports = db.collection(Collections.reports);
  return account.role === "staff" && account.area
    ? reports.where("location.area.provinceCode", "==", account.area.provinceCode)
    : reports;
}

const QUEUE_LIMIT = 500;

/**
 * The queue and its CSV export: the scope, the filter's equalities, newest first. Every
 * combination of filters needs a composite index (test/unit/firestore-indexes.test.ts
 * enumerates them against firestore.indexes.json).
 */
export function queueQuery(scope: Query, filter: QueueFilter): Query {
  let q = scope;
  if (filter.status) q = q.where("status", "==", filter.status);
  if (filter.category) q = q.where("category", "==", filter.category);
  if (filter.districtCode) q = q.where("location.area.districtCode", "==", filter.districtCode);
  return q.orderBy("createdAt", "desc").limit(QUEUE_LIMIT);
}

export function staffRoutes(deps: () => Promise<StaffRouteDeps>) {
  const routes = validatePathParams(express.Router());

  /** The province's queue: new and overdue first, then by age. */
  routes.get("/staff/queue", async (req, res) => {
    const { account } = callerOf(req);
    requireStaff(account);
    const query = queueQuerySchema.safeParse(req.query);
    if (!query.success) throw invalidBody(query.error.issues, "Invalid filter");
    const { db, now } = await deps();
    const snapshot = await queueQuery(provinceScope(db, account), query.data).get();
    const at = now().toISOString();
    const cases = snapshot.docs
      .map(doc => doc.data() as Report)
      .map(report => ({
        ...toSummary(report),
        overdue: report.status === "new" && !!report.routing && report.routing.ackDueAt <= at,
        assignee: report.assignee ?? null,
      }))
      .sort((a, b) => rank(a) - rank(b) || a.createdAt.localeCompare(b.createdAt));
    res.json({ cases });
  });

  routes.post("/cases/:ticket/assign", async (req, res) => {
    const { account } = callerOf(req);
    requireStaff(account);
    const body = assignSchema.safeParse(req.body ?? {});
    if (!body.success) throw invalidBody(body.error.issues);
    const { db, now, liffBaseUrl } = await deps();
    const report = await readCase(db, String(req.params.ticket));
    if (!report) throw new HttpError(404, "No such case");
    if (!canSeeCase(account, report)) throw new HttpError(403, "This case is not in your province");
    const volunteer = await readAccount(db, body.data.volunteerUserId);
    if (volunteer.role !== "volunteer" || volunteer.registration !== "approved") {
      throw new HttpError(400, "Invalid request", [
        { field: "volunteerUserId", message: "Not an approved volunteer" },
      ]);
    }
    const assignee = { userId: volunteer.userId, name: volunteer.name ?? "" };
    const { status, entry } = await recordCaseChange({
      db,
      account,
      ticket: report.ticket,
      id: body.data.clientId,
      type: "assigned",
      data: { assignee },
      plan: current => {
        const change = planStatusChange(current, "assigned", { assignee });
        const t = translator(volunteer.language);
        const link = caseUrl(liffBaseUrl, current.ticket);
        return {
          update: change.update,
          pushes: [
            ...change.pushes,
            {
              to: volunteer.userId,
              messages: [volunteerAssignment(current, t, volunteer.language, link)],
              reason: "volunteer.assigned",
            },
          ],
        };
      },
      now: now(),
    });
    res.status(status).json({ entry });
  });

  routes.post("/cases/:ticket/staff-status", async (req, res) => {
    const { account } = callerOf(req);
    requireStaff(account);
    const body = staffStatusSchema.safeParse(req.body ?? {});
    if (!body.success) throw invalidBody(body.error.issues);
    const { db, now } = await deps();
    const report = await readCase(db, String(req.params.ticket));
    if (!report) throw new HttpError(404, "No such case");
    if (!canSeeCase(account, report)) throw new HttpError(403, "This case is not in your province");
    const { status, entry } = await recordCaseChange({
      db,
      account,
      ticket: report.ticket,
      id: body.data.clientId,
      type: "status",
      data: { status: body.data.status, ...(body.data.note && { note: body.data.note }) },
      // Taking a case from the staff page counts like the push's button.
      plan: current =>
        planStatusChange(
          current,
          body.data.status,
          body.data.status === "acknowledged"
            ? {
                acknowledgedBy: {
                  userId: account.userId,
                  name: account.name ?? "",
                  at: now().toISOString(),
                },
              }
            : {},
        ),
      now: now(),
    });
    res.status(status).json({ entry });
  });

  routes.get("/staff/dashboard", async (req, res) => {
    const { account } = callerOf(req);
    requireStaff(account);
    const { db, now } = await deps();
    res.json(await buildDashboard(provinceScope(db, account), now()));
  });

  /** The filtered queue as CSV for Excel; every export is audited. */
  routes.get("/staff/export.csv", async (req, res) => {
    const { account } = callerOf(req);
    requireStaff(account);
    const query = queueQuerySchema.safeParse(req.query);
    if (!query.success) throw invalidBody(query.error.issues, "Invalid filter");
    const { db } = await deps();
    const reports = await filteredCases(db, account, query.data);
    await recordAudit(db, {
      actor: account.userId,
      role: account.role,
      action: "export_cases",
      target: "reports",
      detail: `${reports.length} cases ${JSON.stringify(query.data)}`,
    });
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", 'attachment; filename="cases.csv"');
    res.setHeader("Cache-Control", "private, no-store");
    res.send(casesCsv(reports));
  });

  /** Volunteers of the staff member's province, to approve and to assign. */
  routes.get("/staff/volunteers", async (req, res) => {
    const { account } = callerOf(req);
    requireStaff(account);
    const { db } = await deps();
    let q: Query = db.collection(Collections.users).where("role", "==", "volunteer");
    if (account.role === "staff" && account.area)
      q = q.where("area.provinceCode", "==", account.area.provinceCode);
    const snapshot = await q.limit(1000).get();
    res.json({
      volunteers: snapshot.docs.map((doc): StaffVolunteer => {
        const data = doc.data();
        return {
          userId: doc.id,
          name: data.name ?? "",
          registration: data.registration ?? "none",
          area: data.area ?? null,
          volunteerNumber: data.volunteerNumber ?? null,
        };
      }),
    });
  });

  routes.post("/staff/volunteers/:userId/approve", async (req, res) => {
    const { account } = callerOf(req);
    requireStaff(account);
    const { db } = await deps();
    const volunteer = await readAccount(db, String(req.params.userId));
    if (volunteer.role !== "volunteer") throw new HttpError(404, "No such volunteer");
    if (
      account.role === "staff" &&
      account.area &&
      volunteer.area?.provinceCode !== account.area.provinceCode
    ) {
      throw new HttpError(403, "This volunteer serves another province");
    }
    await db
      .collection(Collections.users)
      .doc(volunteer.userId)
      .update({ registration: "approved" });
    await recordAudit(db, {
      actor: account.userId,
      role: account.role,
      action: "register_volunteer",
      target: `users/${volunteer.userId}`,
      detail: "approved",
    });
    res.json({ userId: volunteer.userId, registration: "approved" });
  });

  return routes;
}

async function filteredCases(
  db: Firestore,
  account: Account,
  filter: QueueFilter,
): Promise<Report[]> {
  const snapshot = await queueQuery(provinceScope(db, account), filter).get();
  return snapshot.docs.map(doc => doc.data() as Report);
}

function rank(c: { status: string; overdue: boolean; urgent: boolean }): number {
  if (c.overdue) return 0;
  if (c.status === "new") return c.urgent ? 1 : 2;
  if (c.status === "reopened") return 3;
  return 4;
}
