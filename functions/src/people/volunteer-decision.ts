import { textMessage } from "@sa/bot";
import { translator, type Registration, type VolunteerDecision } from "@sa/core";
import type { Firestore } from "firebase-admin/firestore";
import { HttpError } from "../api/http-error";
import { enqueuePush } from "../outbox/outbox";
import { recordAuditIn } from "../repositories/audit";
import { setRegistrationIn } from "../repositories/people";
import { readAccountIn, type Account, type StaffScope } from "../repositories/users";

const REGISTRATION_OF: Record<VolunteerDecision, Registration> = {
  approve: "approved",
  reject: "rejected",
  suspend: "suspended",
};

/**
 * Staff approve, reject or suspend a volunteer of their own province (national staff: any).
 * In one transaction: the registration and its reason, the audit line, and the LINE message
 * that tells the volunteer (through the outbox). The same decision again writes and sends nothing.
 */
export async function decideVolunteer(
  db: Firestore,
  input: {
    actor: Account;
    scope: StaffScope;
    volunteerId: string;
    decision: VolunteerDecision;
    reason: string | null;
    now: Date;
  },
): Promise<{ userId: string; registration: Registration; changed: boolean }> {
  const { actor, scope, volunteerId, decision, now } = input;
  const reason = decision === "approve" ? null : input.reason;
  if (decision !== "approve" && !reason) {
    throw new HttpError(400, "A reason is needed", [{ field: "reason", message: "Required" }]);
  }
  return db.runTransaction(async tx => {
    const volunteer = await readAccountIn(tx, db, volunteerId);
    if (volunteer.role !== "volunteer") throw new HttpError(404, "No such volunteer");
    if (scope.kind === "province" && volunteer.area?.provinceCode !== scope.provinceCode) {
      throw new HttpError(403, "This volunteer serves another province");
    }
    if (decision === "suspend" && volunteer.registration !== "approved") {
      throw new HttpError(409, "Only an approved volunteer can be suspended");
    }
    const registration = REGISTRATION_OF[decision];
    if (
      volunteer.registration === registration &&
      (volunteer.registrationReason ?? null) === reason
    )
      return { userId: volunteerId, registration, changed: false };
    setRegistrationIn(tx, db, volunteerId, { registration, reason, decidedBy: actor.userId });
    const t = translator(volunteer.language);
    enqueuePush(
      tx,
      db,
      {
        to: volunteerId,
        messages: [textMessage(t(`notify.volunteer.${registration}`, { reason: reason ?? "" }))],
        reason: `volunteer.${registration}`,
      },
      now,
    );
    recordAuditIn(tx, db, {
      actor: actor.userId,
      role: actor.role,
      action: "register_volunteer",
      target: `users/${volunteerId}`,
      detail: registration,
    });
    return { userId: volunteerId, registration, changed: true };
  });
}
