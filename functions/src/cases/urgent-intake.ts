import {
  clipText,
  MAX_DESCRIPTION_LENGTH,
  MAX_REPORT_MEDIA,
  MAX_REPORT_PHOTOS,
  type Case,
  type UrgentChange,
} from "@sa/core";
import type { Firestore, Transaction } from "firebase-admin/firestore";
import { readCaseIn, caseRef } from "../repositories/case-records";
import { NATIONAL, resolveUrgentRoute } from "../routing/routing-table";
import { alertNotices, languagesOf, queueNotices, urgentNotices } from "./notices";
import type { RoutingOptions } from "./route-new-case";

/** What the people already alerted hear, one push per answer that changes what they do. */
type Notice = "location" | "details" | "phone" | "photo" | "safe" | "notSafe" | "stopped";

/**
 * Adds what the citizen just said to their urgent report, in the webhook's transaction (reads
 * first, then writes, as Firestore requires). Everyone alerted so far gets one short push saying
 * what arrived; a place that names a province for a report routed without one brings in that
 * province's people on duty. Returns photos that could not be kept (the report is full).
 */
export async function applyUrgentChanges(
  tx: Transaction,
  db: Firestore,
  ticket: string,
  changes: UrgentChange[],
  options: RoutingOptions,
): Promise<{ discard: string[] }> {
  const report = await readCaseIn(tx, db, ticket);
  if (!report?.urgent) {
    return { discard: changes.flatMap(fileOf) };
  }
  const { updated, notices, discard } = planUrgentChanges(report, changes);

  const routing = report.routing;
  const alerted = routing ? (routing.alerted ?? routing.recipients) : [];
  const province = updated.location?.area?.provinceCode;
  // Routed before the place was known: the province's people on duty come in now.
  const reroute =
    routing && routing.source === NATIONAL && province && !report.location?.area
      ? await resolveUrgentRoute(tx, db, province, updated.category, options.now)
      : undefined;
  const joining = (reroute?.recipients ?? []).filter(id => !alerted.includes(id));
  const text = noticeText(notices);
  const told = [
    ...alertNotices(updated, joining, "staff.new_case"),
    ...(text
      ? urgentNotices(ticket, alerted, `urgentUpdate.${text}`, `staff.urgent_update.${text}`)
      : []),
  ];
  const languages = await languagesOf(tx, db, told);

  tx.update(caseRef(db, ticket), {
    category: updated.category,
    description: updated.description,
    location: updated.location,
    photos: updated.photos,
    ...(updated.media && { media: updated.media }),
    "reporter.phone": updated.reporter.phone,
    intake: updated.intake ?? { state: "collecting" },
    updatedAt: options.now.toISOString(),
    ...(reroute &&
      joining.length > 0 && {
        "routing.alerted": [...alerted, ...joining],
        "routing.escalation": reroute.escalation,
        "routing.backup": [...new Set([...(routing?.backup ?? []), ...reroute.backup])],
      }),
  });
  queueNotices(tx, db, ticket, told, languages, options);
  return { discard };
}

/** The report with the changes applied, in memory, and what is worth telling staff. */
export function planUrgentChanges(
  report: Case,
  changes: UrgentChange[],
): { updated: Case; notices: Notice[]; discard: string[] } {
  let updated = report;
  const notices: Notice[] = [];
  const discard: string[] = [];
  for (const change of changes) {
    switch (change.kind) {
      case "location":
        updated = { ...updated, location: change.location };
        notices.push("location");
        break;
      case "description": {
        const joined = updated.description ? `${updated.description}\n${change.text}` : change.text;
        updated = {
          ...updated,
          description: clipText(joined, MAX_DESCRIPTION_LENGTH),
        };
        notices.push("details");
        break;
      }
      case "category":
        updated = { ...updated, category: change.category };
        break;
      case "phone":
        updated = { ...updated, reporter: { ...updated.reporter, phone: change.phone } };
        notices.push("phone");
        break;
      case "photo":
        if (updated.photos.length >= MAX_REPORT_PHOTOS || updated.photos.includes(change.path)) {
          discard.push(change.path);
        } else {
          updated = { ...updated, photos: [...updated.photos, change.path] };
          notices.push("photo");
        }
        break;
      case "media": {
        const media = updated.media ?? [];
        if (media.length >= MAX_REPORT_MEDIA || media.some(m => m.path === change.media.path)) {
          discard.push(change.media.path);
        } else {
          updated = { ...updated, media: [...media, change.media] };
          // Staff hear "more details": a voice note is usually the story itself.
          notices.push("details");
        }
        break;
      }
      case "safety":
        updated = {
          ...updated,
          intake: { state: "collecting", ...updated.intake, dangerOver: change.dangerOver },
        };
        notices.push(change.dangerOver ? "safe" : "notSafe");
        break;
      case "intake":
        updated = { ...updated, intake: { ...updated.intake, state: change.state } };
        if (change.state === "stopped") notices.push("stopped");
        break;
    }
  }
  return { updated, notices, discard };
}

/** The stored file a change carries, if any. */
function fileOf(change: UrgentChange): string[] {
  if (change.kind === "photo") return [change.path];
  if (change.kind === "media") return [change.media.path];
  return [];
}

/** Several answers in one message make one push; "safe" says more than "stopped". */
function noticeText(notices: Notice[]): Notice | undefined {
  if (notices.includes("safe")) return "safe";
  if (notices.includes("notSafe")) return "notSafe";
  return notices[0];
}
