import {
  assistanceSchema,
  referralSchema,
  visitSchema,
  volunteerStatusSchema,
  translator,
  type Report,
  type Translate,
  type TimelineEntry,
} from "@sa/core";
import { textMessage } from "@sa/bot";
import express, { type Request } from "express";
import type { Firestore } from "firebase-admin/firestore";
import type { z } from "zod";
import { canSeeCase, isApprovedVolunteer } from "../cases/case-access";
import { byUrgencyThenAge, toDetail, toSummary } from "../cases/case-views";
import type { PhotoStore } from "../photos/photo-store";
import { recordAudit } from "../repositories/audit";
import { listCasesAssignedTo, listTimeline, readCase, type CasePlan } from "../repositories/cases";
import { recordCaseChange } from "../cases/record-case-change";
import { planStatusChange } from "../cases/status-rules";
import { callerOf } from "./authenticate";
import { validatePathParams } from "./request-limits";
import { HttpError, invalidBody } from "./http-error";

export interface CaseRouteDeps {
  db: Firestore;
  photos: PhotoStore;
  now: () => Date;
}

/** Loads a case the caller may see; refusals are audited and answered 403 without detail. */
async function caseFor(deps: CaseRouteDeps, req: Request): Promise<Report> {
  const { account } = callerOf(req);
  const ticket = String(req.params.ticket);
  const report = await readCase(deps.db, ticket);
  if (!report) throw new HttpError(404, "No such case");
  if (!canSeeCase(account, report)) {
    await recordAudit(deps.db, {
      actor: account.userId,
      role: account.role,
      action: "denied_case",
      target: `reports/${ticket}`,
    });
    throw new HttpError(403, "This case is not assigned to you");
  }
  return report;
}

export function caseRoutes(deps: () => Promise<CaseRouteDeps>) {
  const routes = validatePathParams(express.Router());

  routes.get("/cases", async (req, res) => {
    const { account } = callerOf(req);
    if (!isApprovedVolunteer(account))
      throw new HttpError(403, "Only approved volunteers have assigned cases");
    const { db } = await deps();
    const status = typeof req.query.status === "string" ? req.query.status : undefined;
    const cases = (await listCasesAssignedTo(db, account.userId))
      .filter(report => !status || report.status === status)
      .map(toSummary)
      .sort(byUrgencyThenAge);
    res.json({ cases });
  });

  routes.get("/cases/:ticket", async (req, res) => {
    const { account } = callerOf(req);
    const d = await deps();
    const report = await caseFor(d, req);
    await recordAudit(d.db, {
      actor: account.userId,
      role: account.role,
      action: "read_case",
      target: `reports/${report.ticket}`,
    });
    res.json(toDetail(report, await listTimeline(d.db, report.ticket)));
  });

  routes.get("/cases/:ticket/photos/:index", async (req, res) => {
    const { account } = callerOf(req);
    const d = await deps();
    const report = await caseFor(d, req);
    const path = report.photos[Number(req.params.index)];
    const photo = path ? await d.photos.read(path) : undefined;
    if (!photo) throw new HttpError(404, "No such photo");
    await recordAudit(d.db, {
      actor: account.userId,
      role: account.role,
      action: "read_case_photo",
      target: `reports/${report.ticket}`,
      detail: String(req.params.index),
    });
    res.setHeader("Content-Type", photo.contentType);
    res.setHeader("Cache-Control", "private, no-store");
    res.send(photo.bytes);
  });

  /** One route per kind of work a volunteer records; each becomes a timeline entry. */
  const record = <S extends z.ZodType<{ clientId: string }>>(
    path: string,
    type: TimelineEntry["type"],
    schema: S,
    plan: (body: z.infer<S>, report: Report) => CasePlan,
  ) =>
    routes.post(`/cases/:ticket/${path}`, async (req, res) => {
      const { account, callerName } = callerOf(req);
      const parsed = schema.safeParse(req.body ?? {});
      if (!parsed.success) throw invalidBody(parsed.error.issues);
      const d = await deps();
      const report = await caseFor(d, req);
      const { clientId, ...body } = parsed.data;
      const data =
        type === "visit" ? await storeVisitPhotos(d.photos, report.ticket, clientId, body) : body;
      const { status, entry } = await recordCaseChange({
        db: d.db,
        account,
        callerName,
        ticket: report.ticket,
        id: clientId,
        type,
        data,
        plan: current => plan(parsed.data, current),
        now: d.now(),
      });
      res.status(status).json({ entry });
    });

  // A visit or assistance means someone is working the case.
  const working = (_body: unknown, report: Report): CasePlan =>
    ["assigned", "acknowledged", "reopened"].includes(report.status)
      ? planStatusChange(report, "in_progress")
      : { update: {}, pushes: [] };

  record("visits", "visit", visitSchema, working);
  record("assistance", "assistance", assistanceSchema, working);
  record("referrals", "referral", referralSchema, (body, report) => {
    const change = planStatusChange(report, "referred");
    return {
      update: change.update,
      pushes: [
        ...change.pushes,
        ...tellStaff(
          report,
          t =>
            t("staff.referredAlt", {
              ticket: report.ticket,
              agency: t(`staff.agency.${body.agency}`),
            }),
          "staff.referred",
        ),
      ],
    };
  });
  record("status", "status", volunteerStatusSchema, (body, report) =>
    body.status === "needs_staff"
      ? {
          update: { needsStaff: true },
          pushes: tellStaff(
            report,
            t => t("staff.needsStaffAlt", { ticket: report.ticket }),
            "staff.needs_staff",
          ),
        }
      : planStatusChange(report, body.status, { needsStaff: false }),
  );
  return routes;
}

/**
 * Visit photos arrive as data URLs; they go to the photo store and the entry keeps their paths
 * (a Firestore document holds 1 MB at most). Paths depend on the client id, so a retried
 * visit overwrites the same files.
 */
async function storeVisitPhotos(
  photos: PhotoStore,
  ticket: string,
  clientId: string,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const dataUrls = (body.photos as string[] | undefined) ?? [];
  const paths = await Promise.all(
    dataUrls.map(async (dataUrl, index) => {
      const match = /^data:(image\/(?:jpeg|png|webp));base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
      if (!match) {
        throw new HttpError(400, "Invalid request", [
          { field: `photos[${index}]`, message: "Expected a JPEG, PNG or WebP data URL" },
        ]);
      }
      const extension = match[1] === "image/jpeg" ? "jpg" : match[1]!.slice("image/".length);
      return photos.save(
        `visit-photos/${ticket}/${clientId}-${index}.${extension}`,
        Buffer.from(match[2]!, "base64"),
        match[1]!,
      );
    }),
  );
  return { ...body, photos: paths };
}

/** The staff member who took the case, or else everyone it was routed to. */
function tellStaff(
  report: Report,
  text: (t: Translate) => string,
  reason: string,
): CasePlan["pushes"] {
  const staff = report.acknowledgedBy
    ? [report.acknowledgedBy.userId]
    : (report.routing?.recipients ?? []);
  const t = translator("th");
  return staff.map(to => ({ to, messages: [textMessage(text(t))], reason }));
}
