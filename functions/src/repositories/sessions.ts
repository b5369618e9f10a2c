import { IDLE, sessionSchema, type Session } from "@sa/bot";
import { isLanguage, type Language } from "@sa/core";
import {
  Timestamp,
  type DocumentReference,
  type Firestore,
  type Transaction,
} from "firebase-admin/firestore";
import * as z from "zod/mini";
import { Collections } from "./collections";

function sessionRef(db: Firestore, userId: string) {
  return db.collection(Collections.sessions).doc(userId);
}

/** A stored session that no longer fits the schema (older code) restarts as idle, never crashes. */
function parse(data: unknown): Session {
  const parsed = sessionSchema.safeParse(data);
  return parsed.success ? parsed.data : IDLE;
}

/** Sessions whose `expiresAt` has passed, to re-read one by one in a transaction. */
export async function listExpiredSessionRefs(
  db: Firestore,
  now: Date,
  limit: number,
): Promise<{ id: string; ref: DocumentReference }[]> {
  const snapshot = await db
    .collection(Collections.sessions)
    .where("expiresAt", "<=", now.toISOString())
    .limit(limit)
    .get();
  return snapshot.docs.map(doc => ({ id: doc.id, ref: doc.ref }));
}

export async function readSession(db: Firestore, userId: string): Promise<Session> {
  const snapshot = await sessionRef(db, userId).get();
  return snapshot.exists ? parse(snapshot.data()) : IDLE;
}

/** How many of a person's latest webhook event ids the session keeps to refuse a repeat. */
export const RECENT_EVENTS = 30;

/** How long an idle session (only event ids left) is kept; a TTL policy deletes it at `expireAt`. */
const KEEP_IDLE_MS = 7 * 24 * 60 * 60 * 1000;

const stringsSchema = z.catch(z.array(z.string()), []);

export interface SessionState {
  session: Session;
  /** Set when a session was there but could not be read. */
  unreadable?: { fields: string[] };
  /**
   * The person's latest processed webhook event ids, newest last: kept in the session document
   * so that marking an event processed costs no write of its own (one write per event).
   */
  recentEvents: string[];
  /**
   * When the person's ordinary reports were sent (the hourly limit), kept here for the same
   * reason: a report then costs no write of its own for the limit.
   */
  reportsSentAt: string[];
  /**
   * The person's language, a copy of their user record's, written with it in the same
   * transaction (only the chat changes it): a chat event then reads one document, not two.
   * Missing before their first message is processed, and in sessions kept by older code.
   */
  language?: Language;
}

/** What a session document keeps beyond the conversation, however the conversation ends. */
export type SessionHistory = Pick<SessionState, "recentEvents" | "reportsSentAt" | "language">;

function historyOf(data: Record<string, unknown>): SessionHistory {
  return {
    recentEvents: stringsSchema.parse(data.recentEvents),
    reportsSentAt: stringsSchema.parse(data.reportsSentAt),
    ...(isLanguage(data.language) && { language: data.language }),
  };
}

/**
 * The stored session, and whether one was there but could not be read. The caller logs that
 * (ids only) and tells the citizen: a draft is never dropped without a word.
 */
export async function readSessionStateIn(
  tx: Transaction,
  db: Firestore,
  userId: string,
): Promise<SessionState> {
  const snapshot = await tx.get(sessionRef(db, userId));
  if (!snapshot.exists) return { session: IDLE, recentEvents: [], reportsSentAt: [] };
  const data = snapshot.data() ?? {};
  const history = historyOf(data);
  const parsed = sessionSchema.safeParse(data);
  if (parsed.success) return { session: parsed.data, ...history };
  // Field paths only: the values are what the citizen typed.
  const fields = [...new Set(parsed.error.issues.map(issue => issue.path.join(".")))];
  return { session: IDLE, unreadable: { fields }, ...history };
}

export async function readSessionIn(
  tx: Transaction,
  db: Firestore,
  userId: string,
): Promise<Session> {
  const snapshot = await tx.get(sessionRef(db, userId));
  return snapshot.exists ? parse(snapshot.data()) : IDLE;
}

/**
 * Writes the session with the event just processed among its recent ids, and the person's
 * report window. An idle session keeps only those (and goes at `expireAt`, after the window's
 * hour), so the event that ends a conversation is refused if it comes again, and the draft
 * itself is gone.
 */
export function writeSession(
  tx: Transaction,
  db: Firestore,
  userId: string,
  session: Session,
  processed: SessionHistory & { eventId: string; now: Date },
): void {
  const recentEvents = [...processed.recentEvents, processed.eventId].slice(-RECENT_EVENTS);
  writeWithHistory(tx, sessionRef(db, userId), session, { ...processed, recentEvents });
}

/**
 * Ends a conversation nobody finished (the sweep): the draft goes, the event ids and the report
 * window stay, so neither a redelivered event nor a draft left to lapse gets past them.
 */
export function endSessionIn(
  tx: Transaction,
  ref: DocumentReference,
  stored: Record<string, unknown> | undefined,
  now: Date,
): void {
  writeWithHistory(tx, ref, IDLE, { ...historyOf(stored ?? {}), now });
}

function writeWithHistory(
  tx: Transaction,
  ref: DocumentReference,
  session: Session,
  { recentEvents, reportsSentAt, language, now }: SessionHistory & { now: Date },
): void {
  const expireAt = Timestamp.fromMillis(now.getTime() + KEEP_IDLE_MS);
  tx.set(ref, { ...session, recentEvents, reportsSentAt, ...(language && { language }), expireAt });
}
