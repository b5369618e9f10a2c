import type { Firestore } from "firebase-admin/firestore";
import { countRoutingFailure, isUnrouted, listUnrouted } from "../repositories/case-records";
import { nationalOnDuty } from "../routing/routing-table";
import { tellIn, urgentNotices } from "./notices";
import { routeNewCase, type RoutingOptions } from "./route-new-case";

/** The trigger normally routes a report within seconds; after this the sweep steps in. */
export const ROUTING_GRACE_MS = 2 * 60_000;
/** After this many failed attempts the 1300 centre is told the ticket, to act by hand. */
export const FAILURES_BEFORE_ALERT = 3;

export interface StrandedDeps {
  db: Firestore;
  log: (message: string, fields?: Record<string, unknown>) => void;
  /** The routing itself; the same function the trigger runs. */
  route?: typeof routeNewCase;
}

/**
 * No report is stranded: the creation trigger may fail (a Firestore hiccup, a deploy in the
 * middle) and the emulator never retries it, so the sweep routes every report still without
 * routing a couple of minutes after it was made. Routing is idempotent, so a trigger that is
 * merely slow loses the race harmlessly. Repeated failures alert the national centre.
 */
export async function routeStranded(
  deps: StrandedDeps,
  options: RoutingOptions,
): Promise<{ routed: number; failed: number }> {
  const { db, log } = deps;
  const route = deps.route ?? routeNewCase;
  const tickets = await listUnrouted(db, new Date(options.now.getTime() - ROUTING_GRACE_MS));
  let routed = 0;
  let failed = 0;
  for (const ticket of tickets) {
    try {
      await route(db, ticket, options);
      if (!(await isUnrouted(db, ticket))) {
        routed++;
        log("stranded report routed", { ticket });
        continue;
      }
      throw new Error("report could not be read");
    } catch (error) {
      failed++;
      const failures = await countRoutingFailure(db, ticket);
      log("routing failed", { ticket, failures, error: String(error).slice(0, 200) });
      if (failures === FAILURES_BEFORE_ALERT) await alertCentre(deps, ticket, options);
    }
  }
  return { routed, failed };
}

/** Tells the centre on duty the ticket only: nothing else may be readable if routing fails. */
async function alertCentre(deps: StrandedDeps, ticket: string, options: RoutingOptions) {
  const { db } = deps;
  await db.runTransaction(async tx => {
    const centre = await nationalOnDuty(tx, db, options.now);
    await tellIn(
      tx,
      db,
      ticket,
      urgentNotices(ticket, centre.primary, "unroutable", "staff.unroutable"),
      options,
    );
  });
  deps.log("report could not be routed", { alert: "report_unroutable", ticket });
}
