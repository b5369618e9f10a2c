import {
  assignHouseholdsSchema,
  followUpAfter,
  householdVisitSchema,
  importPreviewSchema,
  importRequestSchema,
  nextStepProblem,
  templateCsv,
  TPMAP_DIMENSIONS,
  type AreaDirectory,
  type MyHouseholds,
  type NeedFlags,
} from "@sa/core";
import express, { type Request } from "express";
import type { Firestore } from "firebase-admin/firestore";
import {
  canManageHouseholdsOf,
  canVisitHousehold,
  isApprovedVolunteer,
  servesSubDistrict,
} from "../cases/case-access";
import { checkList, previewOf, runImport } from "../households/import-list";
import { ownProgress, toHouseholdView } from "../households/household-views";
import { countUnclaimedBenefits } from "../households/count-benefits";
import { visitHousehold } from "../households/household-visits";
import { progressCsv, progressRows } from "../households/progress";
import { UnreadableFileError } from "../households/read-table";
import { recordAudit } from "../repositories/audit";
import {
  assignHouseholds,
  listHouseholds,
  listHouseholdsAssignedTo,
  readHousehold,
  readImportJob,
  type ImportJob,
} from "../repositories/households";
import { readAccount, type Account } from "../repositories/users";
import { callerOf } from "./authenticate";
import { HttpError, invalidBody } from "./http-error";
import { validatePathParams } from "./request-limits";
import { requireStaff } from "./staff-routes";

export interface HouseholdRouteDeps {
  db: Firestore;
  areas: AreaDirectory;
  now: () => Date;
}

/** The province a staff member imports for; null for national staff and admins. */
function provinceOf(account: Account): string | null {
  const scope = requireStaff(account);
  return scope.kind === "province" ? scope.provinceCode : null;
}

function parse<T>(
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: any[] } };
  },
  req: Request,
): T {
  const parsed = schema.safeParse(req.body ?? {});
  if (!parsed.success) throw invalidBody(parsed.error.issues);
  return parsed.data;
}

async function readList(
  deps: HouseholdRouteDeps,
  body: { content: string; mapping?: Record<string, string> | undefined },
  provinceCode: string | null,
) {
  try {
    return await checkList(Buffer.from(body.content, "base64"), {
      areas: deps.areas,
      provinceCode,
      ...(body.mapping && { mapping: body.mapping }),
    });
  } catch (error) {
    if (error instanceof UnreadableFileError) {
      throw new HttpError(
        400,
        "The file is not a readable CSV or .xlsx list",
        [{ field: "content", message: error.message }],
        "unreadable_file",
      );
    }
    throw error;
  }
}

function jobView(job: ImportJob) {
  const { id, status, total, written, created, updated, skipped } = job;
  return { id, status, total, written, created, updated, skipped };
}

/** GET /households: an approved volunteer's households to visit, with their own progress. */
export async function householdsToVisit(
  db: Firestore,
  account: Account,
  now: Date,
): Promise<MyHouseholds> {
  if (!isApprovedVolunteer(account))
    throw new HttpError(403, "Only approved volunteers have households to visit");
  const households = await listHouseholdsAssignedTo(db, account.userId);
  return {
    households: households.map(h => toHouseholdView(h, now)),
    progress: ownProgress(households),
  };
}

export function householdRoutes(deps: () => Promise<HouseholdRouteDeps>) {
  const routes = validatePathParams(express.Router());

  routes.get("/staff/households/template.csv", (req, res) => {
    requireStaff(callerOf(req).account);
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", 'attachment; filename="target-households.csv"');
    res.send(templateCsv());
  });

  /** Reads and checks a list; writes nothing. */
  routes.post("/staff/households/import/preview", async (req, res) => {
    const provinceCode = provinceOf(callerOf(req).account);
    const body = parse(importPreviewSchema, req);
    res.json(previewOf(await readList(await deps(), body, provinceCode)));
  });

  /**
   * Imports the rows of a list that have no problem, in batches; the page polls the job
   * (`GET …/import/:id`) for progress meanwhile. The same job id again returns the finished job.
   */
  routes.post("/staff/households/import", async (req, res) => {
    const { account } = callerOf(req);
    const provinceCode = provinceOf(account);
    const body = parse(importRequestSchema, req);
    const d = await deps();
    const earlier = await readImportJob(d.db, body.clientId);
    if (earlier && earlier.by !== account.userId) throw new HttpError(409, "Job id in use");
    if (earlier?.status === "done") {
      res.json(jobView(earlier));
      return;
    }
    const check = await readList(d, body, provinceCode);
    if (check.missing.length > 0) {
      throw new HttpError(
        400,
        "Required columns are not mapped",
        check.missing.map(field => ({ field, message: "Not mapped" })),
      );
    }
    const job = await runImport(
      d.db,
      check,
      { id: body.clientId, by: account.userId, fileName: body.fileName },
      d.now,
    );
    await recordAudit(d.db, {
      actor: account.userId,
      role: account.role,
      action: "import_households",
      target: `householdImports/${job.id}`,
      detail: `created ${job.created}, updated ${job.updated}, skipped ${job.skipped}`,
    });
    res.status(201).json(jobView(job));
  });

  routes.get("/staff/households/import/:id", async (req, res) => {
    const { account } = callerOf(req);
    requireStaff(account);
    const { db } = await deps();
    const job = await readImportJob(db, String(req.params.id));
    if (!job || job.by !== account.userId) throw new HttpError(404, "No such import");
    res.setHeader("Cache-Control", "no-store");
    res.json(jobView(job));
  });

  /** Every household of a sub-district (or one village of it) to one volunteer serving there. */
  routes.post("/staff/households/assign", async (req, res) => {
    const { account } = callerOf(req);
    requireStaff(account);
    const body = parse(assignHouseholdsSchema, req);
    const d = await deps();
    const area = d.areas.byCode(body.subDistrictCode);
    if (!area?.subDistrictCode) {
      throw new HttpError(400, "Invalid request", [
        { field: "subDistrictCode", message: "No such sub-district" },
      ]);
    }
    if (!canManageHouseholdsOf(account, area.provinceCode)) {
      throw new HttpError(403, "This sub-district is in another province");
    }
    const volunteer = await readAccount(d.db, body.volunteerUserId);
    if (!servesSubDistrict(volunteer, body.subDistrictCode)) {
      throw new HttpError(400, "Invalid request", [
        { field: "volunteerUserId", message: "Not an approved volunteer of this sub-district" },
      ]);
    }
    const assigned = await assignHouseholds(
      d.db,
      {
        provinceCode: area.provinceCode,
        subDistrictCode: body.subDistrictCode,
        ...(body.village && { village: body.village }),
      },
      { userId: volunteer.userId, name: volunteer.name ?? "" },
      d.now(),
    );
    await recordAudit(d.db, {
      actor: account.userId,
      role: account.role,
      action: "assign_households",
      target: `users/${volunteer.userId}`,
      detail: `${assigned} households in ${body.subDistrictCode}${body.village ? ` village ${body.village}` : ""}`,
    });
    res.json({ assigned });
  });

  routes.get("/staff/households/progress", async (req, res) => {
    const provinceCode = provinceOf(callerOf(req).account);
    const { db } = await deps();
    res.json({ rows: progressRows(await listHouseholds(db, { provinceCode })) });
  });

  routes.get("/staff/households/progress.csv", async (req, res) => {
    const { account } = callerOf(req);
    const provinceCode = provinceOf(account);
    const { db } = await deps();
    const rows = progressRows(await listHouseholds(db, { provinceCode }));
    await recordAudit(db, {
      actor: account.userId,
      role: account.role,
      action: "export_household_progress",
      target: "households",
      detail: `${rows.length} rows`,
    });
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", 'attachment; filename="household-progress.csv"');
    res.setHeader("Cache-Control", "private, no-store");
    res.send(progressCsv(rows));
  });

  /** A volunteer's households to visit, with their own progress. */
  routes.get("/households", async (req, res) => {
    const { account } = callerOf(req);
    const { db, now } = await deps();
    res.setHeader("Cache-Control", "private, no-store");
    res.json(await householdsToVisit(db, account, now()));
  });

  routes.get("/households/:id", async (req, res) => {
    const { account } = callerOf(req);
    const { db, now } = await deps();
    const household = await readHousehold(db, String(req.params.id));
    if (!household) throw new HttpError(404, "No such household");
    if (!canVisitHousehold(account, household))
      throw new HttpError(403, "This household is not yours to see");
    res.setHeader("Cache-Control", "private, no-store");
    res.json(toHouseholdView(household, now()));
  });

  /** The family record book visit, against the household; the same client id again writes nothing. */
  routes.post("/households/:id/visits", async (req, res) => {
    const { account, callerName } = callerOf(req);
    const body = parse(householdVisitSchema, req);
    const d = await deps();
    const needs = Object.fromEntries(
      TPMAP_DIMENSIONS.map(d => [d, body.needs[d].level !== "none"]),
    ) as NeedFlags;
    const { clientId, ...visit } = body;
    const problem = nextStepProblem(visit.nextStep, visit.visitedAt);
    if (problem)
      throw new HttpError(400, "Invalid request", [{ field: "nextStep.date", message: problem }]);
    const benefitsFound = await countUnclaimedBenefits(d.db, visit);
    // Access is checked by the service, inside the transaction that writes.
    const { created } = await visitHousehold(
      d.db,
      { userId: account.userId, callerName },
      String(req.params.id),
      {
        id: clientId,
        at: visit.visitedAt,
        needs,
        benefitsFound,
        nextStep: visit.nextStep,
        data: visit,
      },
      d.now(),
    );
    res.status(created ? 201 : 200).json({ id: clientId, needs });
  });

  return routes;
}
