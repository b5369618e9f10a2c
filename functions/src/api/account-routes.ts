import express from "express";
import type { Firestore } from "firebase-admin/firestore";
import { recordAudit } from "../repositories/audit";
import { setDisabled } from "../repositories/users";
import { callerOf } from "./authenticate";
import { HttpError } from "./http-error";

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

  return routes;
}
