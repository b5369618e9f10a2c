import { staffAccountSchema, type Person } from "@sa/core";
import express from "express";
import type { Firestore } from "firebase-admin/firestore";
import { recordAudit, recordAuditIn } from "../repositories/audit";
import { listStaffAndAdmins, setStaffAccountIn } from "../repositories/people";
import { setDisabled, type Account } from "../repositories/users";
import { callerOf } from "./authenticate";
import { HttpError, invalidBody } from "./http-error";

/** LINE user ids (U + 32 hex); the stand-in uses the same shape. */
const USER_ID = /^U[0-9a-f]{32}$/;

/**
 * An admin disables an account (a lost phone, someone who left) or enables it again; both are
 * audited. The account is refused from its next API request and its next LINE button on.
 */
export function accountRoutes(deps: () => Promise<{ db: Firestore }>) {
  const routes = express.Router();

  for (const [path, disabled] of [
    ["disable", true],
    ["enable", false],
  ] as const) {
    routes.post(`/admin/users/:id/${path}`, async (req, res) => {
      const { account } = callerOf(req);
      if (account.role !== "admin") throw new HttpError(403, "Admins only");
      const id = String(req.params.id);
      if (!USER_ID.test(id)) throw new HttpError(404, "No such user");
      if (disabled && id === account.userId)
        throw new HttpError(409, "You cannot disable your own account");
      const { db } = await deps();
      const updated = await setDisabled(db, id, disabled);
      if (!updated) throw new HttpError(404, "No such user");
      await recordAudit(db, {
        actor: account.userId,
        role: account.role,
        action: disabled ? "disable_account" : "enable_account",
        target: `users/${id}`,
      });
      res.json({ userId: id, role: updated.role, disabled: updated.disabled === true });
    });
  }

  // Who is who: every staff and admin account, with its scope and whether it is disabled.
  routes.get("/admin/people", async (req, res) => {
    if (callerOf(req).account.role !== "admin") throw new HttpError(403, "Admins only");
    const { db } = await deps();
    res.json({ people: (await listStaffAndAdmins(db)).map(personOf) });
  });

  // Makes a LINE user staff (of a province or national) or admin; no more writing users/{id}.
  routes.post("/admin/staff", async (req, res) => {
    const { account } = callerOf(req);
    if (account.role !== "admin") throw new HttpError(403, "Admins only");
    const body = staffAccountSchema.safeParse(req.body ?? {});
    if (!body.success) throw invalidBody(body.error.issues, "Invalid staff account");
    if (!USER_ID.test(body.data.userId)) {
      throw new HttpError(400, "Not a LINE user id", [{ field: "userId", message: "U + 32 hex" }]);
    }
    if (body.data.role === "staff" && !body.data.scope) {
      throw new HttpError(400, "Staff need a scope", [{ field: "scope", message: "Required" }]);
    }
    if (body.data.userId === account.userId) {
      throw new HttpError(409, "You cannot change your own account");
    }
    const request = { ...body.data, scope: body.data.role === "admin" ? null : body.data.scope };
    const { db } = await deps();
    await db.runTransaction(async tx => {
      setStaffAccountIn(tx, db, request, account.userId);
      recordAuditIn(tx, db, {
        actor: account.userId,
        role: account.role,
        action: "grant_staff_role",
        target: `users/${request.userId}`,
        detail:
          request.scope?.kind === "province"
            ? `${request.role} ${request.scope.provinceCode}`
            : `${request.role} ${request.scope?.kind ?? ""}`.trim(),
      });
    });
    const person: Person = { ...request, disabled: false };
    res.status(201).json({ person });
  });

  return routes;
}

function personOf(account: Account): Person {
  return {
    userId: account.userId,
    name: account.name ?? "",
    role: account.role,
    scope: account.scope,
    disabled: account.disabled === true,
  };
}
