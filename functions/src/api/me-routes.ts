import { parseThaiPhone, registrationSchema, type AreaDirectory, type Me } from "@sa/core";
import express from "express";
import type { Firestore } from "firebase-admin/firestore";
import { recordAudit } from "../repositories/audit";
import { registerVolunteer, type Account } from "../repositories/users";
import { callerOf } from "./authenticate";
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

export function meRoutes(deps: () => Promise<{ db: Firestore; areas: AreaDirectory }>) {
  const routes = express.Router();

  routes.get("/me", (req, res) => {
    const { account, callerName } = callerOf(req);
    res.json(toMe(account, callerName));
  });

  routes.post("/volunteers/registration", async (req, res) => {
    const { account, callerName } = callerOf(req);
    const parsed = registrationSchema.strict().safeParse(req.body ?? {});
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
