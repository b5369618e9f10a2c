import { routingEntrySchema } from "@sa/core";
import express from "express";
import type { Firestore } from "firebase-admin/firestore";
import * as z from "zod/mini";
import { retryPushNow, troubledPushes } from "../outbox/outbox";
import { recordAudit } from "../repositories/audit";
import { listRoutingEntries, saveRoutingEntry } from "../repositories/routing";
import { callerOf } from "./authenticate";
import { validatePathParams } from "./request-limits";
import { HttpError, invalidBody } from "./http-error";

/** A province code, or one of the two special entries. */
const routingIdSchema = z.union([
  z.string().check(z.regex(/^\d{2}$/)),
  z.enum(["default", "national"]),
]);

/** The routing table and the outbox's stuck pushes, for admins from the LIFF admin pages. */
export function adminRoutes(deps: () => Promise<{ db: Firestore; now: () => Date }>) {
  const routes = validatePathParams(express.Router());

  routes.use("/admin", (req, _res, next) => {
    if (callerOf(req).account.role !== "admin") throw new HttpError(403, "Admins only");
    next();
  });

  routes.get("/admin/routing", async (_req, res) => {
    const { db } = await deps();
    res.json({ routing: await listRoutingEntries(db) });
  });

  routes.put("/admin/routing/:id", async (req, res) => {
    const { account } = callerOf(req);
    const id = routingIdSchema.safeParse(req.params.id);
    if (!id.success)
      throw new HttpError(400, "Routing id is a 2-digit province code, default or national");
    const body = z.strictObject(routingEntrySchema.shape).safeParse(req.body ?? {});
    if (!body.success) throw invalidBody(body.error.issues, "Invalid routing entry");
    const { db } = await deps();
    await saveRoutingEntry(db, id.data, body.data);
    await recordAudit(db, {
      actor: account.userId,
      role: account.role,
      action: "edit_routing",
      target: `routing/${id.data}`,
    });
    res.json({ id: id.data, ...body.data });
  });

  // Pushes that failed or are stuck, so an admin can see what did not reach staff or citizens.
  routes.get("/admin/outbox", async (_req, res) => {
    const { db, now } = await deps();
    res.json({ items: await troubledPushes(db, now()) });
  });

  routes.post("/admin/outbox/:id/retry", async (req, res) => {
    const { account } = callerOf(req);
    const id = String(req.params.id);
    if (!/^[\w-]{1,64}$/.test(id)) throw new HttpError(404, "No such push");
    const { db, now } = await deps();
    const result = await retryPushNow(db, id, now());
    if (result.kind === "missing") throw new HttpError(404, "No such push");
    if (result.kind === "sent") throw new HttpError(409, "That push was already sent");
    await recordAudit(db, {
      actor: account.userId,
      role: account.role,
      action: "retry_push",
      target: `outbox/${id}`,
    });
    // The sweep sends it within a minute; this function holds no LINE credentials.
    res.json({ item: result.entry });
  });

  return routes;
}
