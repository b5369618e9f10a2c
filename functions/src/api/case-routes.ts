import {
  byUrgencyThenAge,
  assistanceSchema,
  nextStepProblem,
  referralSchema,
  visitSchema,
  volunteerStatusSchema,
  type CaseSummary,
  type TimelineEntry,
} from "@sa/core";
import express, { type Request, type Response } from "express";
import { randomUUID } from "node:crypto";
import type { Firestore } from "firebase-admin/firestore";
import type * as z from "zod/mini";
import { isApprovedVolunteer } from "../cases/case-access";
import { recordVisit, recordWork, referCase, volunteerStatus } from "../cases/case-changes";
import { changeCase, readCase, type CaseChange } from "../cases/case-service";
import { toDetail, toSummary } from "../cases/case-views";
import { sniffMedia } from "../photos/media-signature";
import type { PhotoStore } from "../photos/photo-store";
import { householdOfCase } from "../households/case-household";
import { countUnclaimedBenefits } from "../households/count-benefits";
import { listCasesAssignedTo, listTimeline, readTimelineEntry } from "../repositories/cases";
import type { Account } from "../repositories/users";
import { callerOf } from "./authenticate";
import { validatePathParams } from "./request-limits";
import { HttpError, invalidBody } from "./http-error";

export interface CaseRouteDeps {
  db: Firestore;
  photos: PhotoStore;
  now: () => Date;
  /** The LIFF app's address: pushes link to the case there. */
  liffBaseUrl: string;
}

function caller(req: Request) {
  const { account, callerName } = callerOf(req);
  return { userId: account.userId, callerName };
}

/** GET /cases: the cases assigned to an approved volunteer, urgent first, then the oldest. */
export async function assignedCases(
  db: Firestore,
  account: Account,
  now: Date,
  status?: string,
): Promise<{ cases: CaseSummary[] }> {
  if (!isApprovedVolunteer(account))
    throw new HttpError(403, "Only approved volunteers have assigned cases");
  const cases = (await listCasesAssignedTo(db, account.userId))
    .filter(report => !status || report.status === status)
    .map(report => toSummary(report, now))
    .sort(byUrgencyThenAge);
  return { cases };
}

export function caseRoutes(deps: () => Promise<CaseRouteDeps>) {
  const routes = validatePathParams(express.Router());

  routes.get("/cases", async (req, res) => {
    const { account } = callerOf(req);
    const { db, now } = await deps();
    const status = typeof req.query.status === "string" ? req.query.status : undefined;
    res.json(await assignedCases(db, account, now(), status));
  });

  routes.get("/cases/:ticket", async (req, res) => {
    const { db, now } = await deps();
    const { report } = await readCase(db, caller(req), String(req.params.ticket));
    const [timeline, household] = await Promise.all([
      listTimeline(db, report.ticket),
      householdOfCase(db, report),
    ]);
    res.json({ ...toDetail(report, timeline, now()), household });
  });

  routes.get("/cases/:ticket/photos/:index", async (req, res) => {
    const d = await deps();
    const index = String(req.params.index);
    const { report } = await readCase(d.db, caller(req), String(req.params.ticket), {
      action: "read_case_photo",
      detail: index,
    });
    const path = /^\d{1,2}$/.test(index) ? report.photos[Number(index)] : undefined;
    const photo = path ? await d.photos.read(path) : undefined;
    if (!photo) throw new HttpError(404, "No such photo");
    sendPrivate(res, photo.contentType, photo.bytes);
  });

  // A visit's photos are the case's too: the same rule on who may see them (readCase), and
  // each read audited. The entry names its files; only files kept under this case are served.
  routes.get("/cases/:ticket/visits/:id/photos/:index", async (req, res) => {
    const d = await deps();
    const ticket = String(req.params.ticket);
    const id = String(req.params.id);
    const index = String(req.params.index);
    await readCase(d.db, caller(req), ticket, {
      action: "read_visit_media",
      detail: `${id}/${index}`,
    });
    const entry = await readTimelineEntry(d.db, ticket, id);
    const paths =
      entry?.type === "visit" && Array.isArray(entry.data.photos) ? entry.data.photos : [];
    const path: unknown = paths[Number(index)];
    const photo =
      typeof path === "string" && path.startsWith(`visit-photos/${ticket}/`)
        ? await d.photos.read(path)
        : undefined;
    if (!photo) throw new HttpError(404, "No such photo");
    sendPrivate(res, photo.contentType, photo.bytes);
  });

  // A voice note or video, fetched by the LIFF app like a photo and played from a blob URL.
  // The bytes decide the content type (as when they were saved), so it plays in any store.
  routes.get("/cases/:ticket/media/:index", async (req, res) => {
    const d = await deps();
    const index = String(req.params.index);
    const { report } = await readCase(d.db, caller(req), String(req.params.ticket), {
      action: "read_case_media",
      detail: index,
    });
    const media = /^\d{1,2}$/.test(index) ? report.media?.[Number(index)] : undefined;
    const file = media ? await d.photos.read(media.path) : undefined;
    if (!media || !file) throw new HttpError(404, "No such media");
    sendPrivate(res, sniffMedia(file.bytes, media.kind) ?? "application/octet-stream", file.bytes);
  });

  /** One route per kind of work a volunteer records; each becomes a timeline entry. */
  const record = <S extends z.ZodMiniType<{ clientId: string }>>(
    path: string,
    schema: S,
    change: (body: Omit<z.infer<S>, "clientId">) => CaseChange,
  ) =>
    routes.post(`/cases/:ticket/${path}`, async (req, res) => {
      const parsed = schema.safeParse(req.body ?? {});
      if (!parsed.success) throw invalidBody(parsed.error.issues);
      const { db, now, liffBaseUrl } = await deps();
      const { clientId, ...body } = parsed.data;
      const result = await changeCase(db, caller(req), String(req.params.ticket), change(body), {
        id: clientId,
        now: now(),
        liffBaseUrl,
      });
      res.status(result.created ? 201 : 200).json({ entry: result.entry });
    });

  record("assistance", assistanceSchema, body => recordWork("assistance", body));
  record("referrals", referralSchema, body => referCase(body));
  record("status", volunteerStatusSchema, body => volunteerStatus(body));

  // A visit's photos are decoded first (a bad one is a 400 and nothing is written), kept under
  // a key the server chooses, and stored only once the entry is accepted: a retry with the same
  // client id, or a refused visit, leaves the photos of the first untouched and no stray files.
  routes.post("/cases/:ticket/visits", async (req, res) => {
    const parsed = visitSchema.safeParse(req.body ?? {});
    if (!parsed.success) throw invalidBody(parsed.error.issues);
    const { db, photos, now, liffBaseUrl } = await deps();
    const ticket = String(req.params.ticket);
    const { clientId, nextStep, ...body } = parsed.data;
    const problem = nextStepProblem(nextStep, body.visitedAt);
    if (problem)
      throw new HttpError(400, "Invalid request", [{ field: "nextStep.date", message: problem }]);
    const decoded = decodePhotos((body as { photos?: string[] }).photos ?? []);
    const key = randomUUID();
    const paths = decoded.map(
      (photo, index) => `visit-photos/${ticket}/${key}-${index}.${photo.extension}`,
    );
    const data: Record<string, unknown> = { ...body, photos: paths };
    // Counted as a household visit is, with the published rules read before the transaction.
    const benefitsFound = await countUnclaimedBenefits(db, body);
    const change = recordVisit(data, nextStep, benefitsFound);
    const result = await changeCase(db, caller(req), ticket, change, {
      id: clientId,
      now: now(),
      liffBaseUrl,
    });
    if (result.created) {
      await Promise.all(
        decoded.map((photo, index) => photos.save(paths[index]!, photo.bytes, photo.contentType)),
      );
    }
    res.status(result.created ? 201 : 200).json({ entry: result.entry satisfies TimelineEntry });
  });

  return routes;
}

/** A file of a case: personal data, so never kept by a browser or a proxy. */
function sendPrivate(res: Response, contentType: string, bytes: Buffer): void {
  res.setHeader("Content-Type", contentType);
  res.setHeader("Cache-Control", "private, no-store");
  res.send(bytes);
}

/** Visit photos arrive as data URLs (a Firestore document holds 1 MB at most: bytes go to the photo store). */
function decodePhotos(
  dataUrls: string[],
): { bytes: Buffer; contentType: string; extension: string }[] {
  return dataUrls.map((dataUrl, index) => {
    const match = /^data:(image\/(?:jpeg|png|webp));base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
    if (!match) {
      throw new HttpError(400, "Invalid request", [
        { field: `photos[${index}]`, message: "Expected a JPEG, PNG or WebP data URL" },
      ]);
    }
    const contentType = match[1]!;
    const extension = contentType === "image/jpeg" ? "jpg" : contentType.slice("image/".length);
    return { bytes: Buffer.from(match[2]!, "base64"), contentType, extension };
  });
}
