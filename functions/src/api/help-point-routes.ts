import { helpPointSchema } from "@sa/core";
import express from "express";
import type { Firestore } from "firebase-admin/firestore";
import * as z from "zod/mini";
import { parseHelpPointsCsv } from "../help-points/help-points-csv";
import { recordAudit } from "../repositories/audit";
import { listHelpPoints, removeHelpPoint, saveHelpPoints } from "../repositories/help-points";
import { callerOf } from "./authenticate";
import { HttpError, invalidBody } from "./http-error";
import { validatePathParams } from "./request-limits";

const listQuerySchema = z.strictObject({
  provinceCode: z.optional(z.string().check(z.regex(/^\d{2}$/))),
});

const importSchema = z.strictObject({
  csv: z.string().check(z.minLength(1)),
  /** Check only: the validation report, nothing written. */
  dryRun: z.optional(z.boolean()),
});

/**
 * The directory of help points (one-stop centres, provincial offices, shelters), kept by admins
 * from the LIFF app: one at a time, or a whole CSV checked row by row before anything is written.
 */
export function helpPointRoutes(deps: () => Promise<{ db: Firestore }>) {
  const routes = validatePathParams(express.Router());

  routes.use("/admin/help-points", (req, _res, next) => {
    if (callerOf(req).account.role !== "admin") throw new HttpError(403, "Admins only");
    next();
  });

  routes.get("/admin/help-points", async (req, res) => {
    const query = listQuerySchema.safeParse(req.query);
    if (!query.success) throw invalidBody(query.error.issues, "Invalid query");
    const { db } = await deps();
    res.json({ helpPoints: await listHelpPoints(db, query.data.provinceCode ?? null) });
  });

  routes.put("/admin/help-points/:id", async (req, res) => {
    const { account } = callerOf(req);
    const body = helpPointSchema.safeParse({ ...(req.body ?? {}), id: req.params.id });
    if (!body.success) throw invalidBody(body.error.issues, "Invalid help point");
    const { db } = await deps();
    await saveHelpPoints(db, [body.data], account.userId);
    await recordAudit(db, {
      actor: account.userId,
      role: account.role,
      action: "edit_help_points",
      target: `helpPoints/${body.data.id}`,
    });
    res.json({ helpPoint: body.data });
  });

  routes.post("/admin/help-points/:id/remove", async (req, res) => {
    const { account } = callerOf(req);
    const id = String(req.params.id);
    const { db } = await deps();
    if (!(await removeHelpPoint(db, id))) throw new HttpError(404, "No such help point");
    await recordAudit(db, {
      actor: account.userId,
      role: account.role,
      action: "edit_help_points",
      target: `helpPoints/${id}`,
      detail: "removed",
    });
    res.json({ removed: id });
  });

  // All or nothing: one bad row and the report comes back with nothing written.
  routes.post("/admin/help-points/import", async (req, res) => {
    const { account } = callerOf(req);
    const body = importSchema.safeParse(req.body ?? {});
    if (!body.success) throw invalidBody(body.error.issues, "Invalid import");
    const { points, issues } = parseHelpPointsCsv(body.data.csv);
    if (issues.length > 0) {
      res.status(422).json({ message: "The file has problems; nothing was saved", issues });
      return;
    }
    if (body.data.dryRun) {
      res.json({ rows: points.length, created: 0, updated: 0, dryRun: true });
      return;
    }
    const { db } = await deps();
    const { created, updated } = await saveHelpPoints(db, points, account.userId);
    await recordAudit(db, {
      actor: account.userId,
      role: account.role,
      action: "import_help_points",
      target: "helpPoints",
      detail: `${points.length} rows`,
    });
    res.json({ rows: points.length, created, updated });
  });

  return routes;
}
