import * as z from "zod/mini";
import {
  parseThaiPhone,
  registrationSchema,
  type AreaDirectory,
  type Home,
  type Me,
} from "@sa/core";
import express from "express";
import type { Firestore } from "firebase-admin/firestore";
import { isApprovedVolunteer, scopeOf } from "../cases/case-access";
import { recordAudit } from "../repositories/audit";
import { registerVolunteer, type Account } from "../repositories/users";
import { callerOf } from "./authenticate";
import { assignedCases } from "./case-routes";
import { householdsToVisit } from "./household-routes";
import { staffQueue } from "./staff-routes";
import { HttpError, invalidBody } from "./http-error";

function toMe(account: Account, callerName: string | undefined): Me {
  return {
    userId: account.userId,
    name: account.name ?? callerName ?? null,
    role: account.role,
    registration: account.registration,
    area: account.area,
    language: account.language,
  };
}

/**
 * What the home screen asks for once it knows who the caller is, answered by the same code as
 * those GETs: an approved volunteer's cases and households to visit, staff's first queue page.
 */
async function homeAnswers(db: Firestore, account: Account, now: Date): Promise<Home["answers"]> {
  if (isApprovedVolunteer(account)) {
    const [cases, households] = await Promise.all([
      assignedCases(db, account, now),
      householdsToVisit(db, account, now),
    ]);
    return { "/api/cases": cases, "/api/households": households };
  }
  if (scopeOf(account).kind !== "none")
    return { "/api/staff/queue": await staffQueue(db, account, {}, now) };
  return {};
}

export function meRoutes(
  deps: () => Promise<{ db: Firestore; areas: AreaDirectory; now: () => Date }>,
) {
  const routes = express.Router();

  routes.get("/me", (req, res) => {
    const { account, callerName } = callerOf(req);
    res.json(toMe(account, callerName));
  });

  routes.get("/home", async (req, res) => {
    const { account, callerName } = callerOf(req);
    const { db, now } = await deps();
    const home: Home = {
      me: toMe(account, callerName),
      answers: await homeAnswers(db, account, now()),
    };
    res.setHeader("Cache-Control", "private, no-store");
    res.json(home);
  });

  routes.post("/volunteers/registration", async (req, res) => {
    const { account, callerName } = callerOf(req);
    const parsed = z.strictObject(registrationSchema.shape).safeParse(req.body ?? {});
    if (!parsed.success) throw invalidBody(parsed.error.issues, "Invalid registration");
    const phone = parseThaiPhone(parsed.data.phone);
    if (!phone) {
      throw new HttpError(400, "Invalid registration", [
        { field: "phone", message: "Not a Thai phone number" },
      ]);
    }
    const { db, areas } = await deps();
    const area = areas.byCode(parsed.data.subDistrictCode);
    if (!area) {
      throw new HttpError(400, "Invalid registration", [
        { field: "subDistrictCode", message: "Unknown sub-district" },
      ]);
    }
    const updated = await registerVolunteer(db, account.userId, {
      name: parsed.data.name,
      phone,
      volunteerNumber: parsed.data.volunteerNumber,
      area,
    });
    await recordAudit(db, {
      actor: account.userId,
      role: updated.role,
      action: "register_volunteer",
      target: `users/${account.userId}`,
    });
    res.status(202).json(toMe(updated, callerName));
  });

  return routes;
}
