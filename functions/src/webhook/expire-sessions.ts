import { dropSession, IDLE, sessionSchema } from "@sa/bot";
import { translator, type UrgentChange } from "@sa/core";
import type { Firestore } from "firebase-admin/firestore";
import { applyUrgentChanges } from "../cases/urgent-intake";
import type { RoutingOptions } from "../cases/route-new-case";
import { enqueuePush } from "../outbox/outbox";
import type { PhotoStore } from "../photos/photo-store";
import { endSessionIn, listExpiredSessionRefs } from "../repositories/sessions";
import { readUserIn } from "../repositories/users";

/**
 * Conversations left for 30 minutes end on their own, as `dropSession` says: a draft (and its
 * photos) is deleted — we keep nothing a person did not send — while an urgent report stays
 * with what it has, marked as not fully told. The person hears so, politely, in their
 * language. Each session is re-read in a transaction, so a person answering at that moment wins.
 */
export async function expireSessions(
  db: Firestore,
  photos: PhotoStore,
  options: RoutingOptions,
  limit = 200,
): Promise<number> {
  const { now } = options;
  let expired = 0;
  for (const doc of await listExpiredSessionRefs(db, now, limit)) {
    const dropped = await db.runTransaction(async tx => {
      const stored = (await tx.get(doc.ref)).data();
      const parsed = sessionSchema.safeParse(stored);
      const session = parsed.success ? parsed.data : IDLE;
      if (session.flow === "idle" || Date.parse(session.expiresAt) > now.getTime()) {
        if (!parsed.success) endSessionIn(tx, doc.ref, stored, now);
        return undefined;
      }
      const user = await readUserIn(tx, db, doc.id);
      const result = dropSession(session, translator(user?.language ?? "th"));
      const discard: string[] = [];
      for (const command of result.commands) {
        if (command.type === "discardPhotos") discard.push(...command.paths);
      }
      const changes: UrgentChange[] = result.commands.flatMap(c =>
        c.type === "updateUrgentCase" ? [c.change] : [],
      );
      if (session.flow === "urgent" && changes.length > 0) {
        const applied = await applyUrgentChanges(tx, db, session.ticket, changes, options);
        discard.push(...applied.discard);
      }
      // The draft goes; the event ids and the report window stay (the session's TTL ends them).
      endSessionIn(tx, doc.ref, stored, now);
      // A cancelled report's minute running out is not news to its sender: nothing is pushed.
      if (result.replies.length > 0)
        enqueuePush(
          tx,
          db,
          { to: doc.id, messages: result.replies, reason: `session.expired.${session.flow}` },
          now,
        );
      return discard;
    });
    if (dropped) {
      expired++;
      await Promise.all(dropped.map(path => photos.remove(path).catch(() => undefined)));
    }
  }
  return expired;
}
