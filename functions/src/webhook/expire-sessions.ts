import { IDLE, sessionSchema, textMessage } from "@sa/bot";
import { translator } from "@sa/core";
import type { Firestore } from "firebase-admin/firestore";
import { enqueuePush } from "../outbox/outbox";
import type { PhotoStore } from "../photos/photo-store";
import { Collections } from "../repositories/collections";

/**
 * Conversations left for 30 minutes end on their own: the draft (and its photos) is deleted —
 * we keep nothing a person did not send — and they hear so, politely, in their language.
 * Each session is re-read in a transaction, so a person answering at that moment wins.
 */
export async function expireSessions(
  db: Firestore,
  photos: PhotoStore,
  now: Date,
  limit = 200,
): Promise<number> {
  const due = await db
    .collection(Collections.sessions)
    .where("expiresAt", "<=", now.toISOString())
    .limit(limit)
    .get();
  let expired = 0;
  for (const doc of due.docs) {
    const dropped = await db.runTransaction(async tx => {
      const parsed = sessionSchema.safeParse((await tx.get(doc.ref)).data());
      const session = parsed.success ? parsed.data : IDLE;
      if (session.flow === "idle" || Date.parse(session.expiresAt) > now.getTime()) {
        if (!parsed.success) tx.delete(doc.ref);
        return undefined;
      }
      const user = (await tx.get(db.collection(Collections.users).doc(doc.id))).data();
      const t = translator(user?.language === "en" ? "en" : "th");
      tx.delete(doc.ref);
      const notice = session.flow === "report" ? "report.expired" : "welfareChat.expired";
      enqueuePush(
        tx,
        db,
        { to: doc.id, messages: [textMessage(t(notice))], reason: "session.expired" },
        now,
      );
      return session.flow === "report" ? (session.draft.photos ?? []) : [];
    });
    if (dropped) {
      expired++;
      await Promise.all(dropped.map(path => photos.remove(path).catch(() => undefined)));
    }
  }
  return expired;
}
