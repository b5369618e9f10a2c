import {
  assignSchema,
  bangkokDate,
  queueQuerySchema,
  queuePageQuerySchema,
  QUEUE_CURSOR,
  staffStatusSchema,
  VOLUNTEER_DECISIONS,
  volunteerDecisionSchema,
  type QueuePage,
  type StaffVolunteer,
} from "@sa/core";
import express from "express";
import type { Firestore } from "firebase-admin/firestore";
import { scopeOf } from "../cases/case-access";
import { assignVolunteer, staffStatus } from "../cases/case-changes";
import { changeCase } from "../cases/case-service";
import { casesCsvHeader, casesCsvRows } from "../cases/cases-csv";
import { buildDashboard } from "../cases/dashboard";
import { listBenefitsFound } from "../repositories/benefits-found";
import { followUpCounts } from "../cases/follow-up-counts";
import { overdueFollowUps } from "../repositories/follow-ups";
import { queuePage } from "../cases/staff-queue";
import { recordAudit } from "../repositories/audit";
import { pageCasesInScope, type CasePageCursor } from "../repositories/cases";
import { decideVolunteer } from "../people/volunteer-decision";
import { listVolunteers, type Account, type StaffScope } from "../repositories/users";
import { callerOf } from "./authenticate";
import { validatePathParams } from "./request-limits";
import { HttpError, invalidBody } from "./http-error";

export interface StaffRouteDeps {
  db: Firestore;
  now: () => Date;
  liffBaseUrl: string;
}

/**
 * Approved staff with a scope, and admins; 403 for anyone else, including staff whose record
 * carries no readable scope (they see nothing until an admin sets one).
 */
export function requireStaff(account: Account): StaffScope {
  const scope = scopeOf(account);
  if (scope.kind === "none") throw new HttpError(403, "Staff only");
  return scope;
}

/** The CSV export goes out in pages of this many cases, up to EXPORT_LIMIT in all. */
const EXPORT_PAGE = 100;
const EXPORT_LIMIT = 500;

/** GET /staff/queue: a page of the staff member's queue; `query` is the request's, unparsed. */
export async function staffQueue(
  db: Firestore,
  account: Account,
  query: unknown,
  now: Date,
): Promise<QueuePage> {
  const scope = requireStaff(account);
  const parsed = queuePageQuerySchema.safeParse(query);
  if (!parsed.success) throw invalidBody(parsed.error.issues, "Invalid filter");
  const { after, ...filter } = parsed.data;
  const page = await queuePage(db, scope, filter, after ? cursorOf(after) : undefined, now);
  return {
    cases: page.cases,
    next: page.next && `${page.next.createdAt}_${page.next.ticket}`,
    waitingCapped: page.waitingCapped,
  };
}

export function staffRoutes(deps: () => Promise<StaffRouteDeps>) {
  const routes = validatePathParams(express.Router());

  /** The province's queue, a page at a time (`after` the previous page's `next`). */
  routes.get("/staff/queue", async (req, res) => {
    const { account } = callerOf(req);
    const { db, now } = await deps();
    res.json(await staffQueue(db, account, req.query, now()));
  });

  routes.post("/cases/:ticket/assign", async (req, res) => {
    const { account, callerName } = callerOf(req);
    requireStaff(account);
    const body = assignSchema.safeParse(req.body ?? {});
    if (!body.success) throw invalidBody(body.error.issues);
    const { db, now, liffBaseUrl } = await deps();
    const result = await changeCase(
      db,
      { userId: account.userId, callerName },
      String(req.params.ticket),
      assignVolunteer(body.data.volunteerUserId),
      { id: body.data.clientId, now: now(), liffBaseUrl },
    );
    res.status(result.created ? 201 : 200).json({ entry: result.entry });
  });

  routes.post("/cases/:ticket/staff-status", async (req, res) => {
    const { account, callerName } = callerOf(req);
    requireStaff(account);
    const body = staffStatusSchema.safeParse(req.body ?? {});
    if (!body.success) throw invalidBody(body.error.issues);
    const { db, now, liffBaseUrl } = await deps();
    const at = now();
    const result = await changeCase(
      db,
      { userId: account.userId, callerName },
      String(req.params.ticket),
      staffStatus(body.data, at),
      { id: body.data.clientId, now: at, liffBaseUrl },
    );
    res.status(result.created ? 201 : 200).json({ entry: result.entry });
  });

  routes.get("/staff/dashboard", async (req, res) => {
    const { account } = callerOf(req);
    const scope = requireStaff(account);
    const { db, now } = await deps();
    const at = now();
    const [numbers, overdue, benefitsFound] = await Promise.all([
      buildDashboard(db, scope, at),
      overdueFollowUps(db, scope, bangkokDate(at)),
      listBenefitsFound(db, scope.kind === "province" ? scope.provinceCode : null),
    ]);
    res.json({ ...numbers, followUps: followUpCounts(overdue), benefitsFound });
  });

  /** The filtered queue as CSV for Excel; every export is audited. */
  routes.get("/staff/export.csv", async (req, res) => {
    const { account } = callerOf(req);
    const scope = requireStaff(account);
    const query = queueQuerySchema.safeParse(req.query);
    if (!query.success) throw invalidBody(query.error.issues, "Invalid filter");
    const { db } = await deps();
    // The first page is read before anything is sent, so a failing read is still a clean error.
    let page = await pageCasesInScope(db, scope, query.data, EXPORT_PAGE);
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", 'attachment; filename="cases.csv"');
    res.setHeader("Cache-Control", "private, no-store");
    res.write(casesCsvHeader());
    // Page by page: the function holds one page of cases, not the whole export.
    let exported = 0;
    let failed = false;
    try {
      for (;;) {
        const cases = page.cases.slice(0, EXPORT_LIMIT - exported);
        res.write(casesCsvRows(cases));
        exported += cases.length;
        if (!page.next || exported >= EXPORT_LIMIT) break;
        page = await pageCasesInScope(db, scope, query.data, EXPORT_PAGE, page.next);
      }
    } catch (error) {
      // The status is sent: a cut connection is what tells the browser the file is incomplete.
      failed = true;
      console.error("export failed part-way", String(error).slice(0, 300));
    }
    // What left the system is audited, complete or not.
    await recordAudit(db, {
      actor: account.userId,
      role: account.role,
      action: "export_cases",
      target: "cases",
      detail: `${exported} cases ${JSON.stringify(query.data)}${failed ? " (cut short)" : ""}`,
    });
    if (failed) res.destroy();
    else res.end();
  });

  /** Volunteers of the staff member's province (every province for the national centre). */
  routes.get("/staff/volunteers", async (req, res) => {
    const { account } = callerOf(req);
    const scope = requireStaff(account);
    const { db } = await deps();
    const volunteers = await listVolunteers(
      db,
      scope.kind === "province" ? scope.provinceCode : null,
    );
    res.json({
      volunteers: volunteers.map(
        (volunteer): StaffVolunteer => ({
          userId: volunteer.userId,
          name: volunteer.name ?? "",
          registration: volunteer.registration,
          area: volunteer.area,
          volunteerNumber: volunteer.volunteerNumber,
          registrationReason: volunteer.registrationReason ?? null,
        }),
      ),
    });
  });

  // Approve, reject or suspend a volunteer of the caller's province; the volunteer is told.
  for (const decision of VOLUNTEER_DECISIONS) {
    routes.post(`/staff/volunteers/:userId/${decision}`, async (req, res) => {
      const { account } = callerOf(req);
      const scope = requireStaff(account);
      const body = volunteerDecisionSchema.safeParse(req.body ?? {});
      if (!body.success) throw invalidBody(body.error.issues);
      const { db, now } = await deps();
      const result = await decideVolunteer(db, {
        actor: account,
        scope,
        volunteerId: String(req.params.userId),
        decision,
        reason: body.data.reason ?? null,
        now: now(),
      });
      res.json({ userId: result.userId, registration: result.registration });
    });
  }

  return routes;
}

function cursorOf(after: string): CasePageCursor {
  const [, createdAt, ticket] = QUEUE_CURSOR.exec(after)!;
  return { createdAt: createdAt!, ticket: ticket! };
}
