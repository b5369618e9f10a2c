import {
  compareIso,
  ASSISTANCE_TYPES,
  formatAmount,
  formatDate,
  formatDateTime,
  gpsSchema,
  REFERRAL_AGENCIES,
  CASE_STATUSES,
  TPMAP_DIMENSIONS,
  VOLUNTEER_STATUSES,
  type Language,
  type TimelineEntry,
} from "@sa/core";
import type { Translate } from "../../i18n/catalog";
import { useLanguage } from "../../i18n/language-context";
import { CasePhoto } from "./case-photo";

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.length > 0 ? value : undefined;

/** A line or two that says what the entry was, read from the body that was submitted. */
export function entrySummary(entry: TimelineEntry, t: Translate, language: Language): string[] {
  const data = entry.data;
  const lines: string[] = [];
  const note = text(data.note) ?? text(data.notes);
  switch (entry.type) {
    case "visit": {
      const members = Array.isArray(data.members) ? data.members.length : 0;
      lines.push(t("timeline.visitMembers", { count: members }));
      const needs = data.needs as Record<string, { level?: string }> | undefined;
      const urgent = TPMAP_DIMENSIONS.filter(d => needs?.[d]?.level === "urgent");
      if (urgent.length > 0)
        lines.push(
          t("timeline.visitUrgentNeeds", {
            needs: urgent.map(d => t(`dimension.${d}`)).join(", "),
          }),
        );
      const photos = Array.isArray(data.photos) ? data.photos.length : 0;
      if (photos > 0) lines.push(t("timeline.visitPhotos", { count: photos }));
      break;
    }
    case "assistance": {
      const type = text(data.type);
      const amount = typeof data.amount === "number" ? data.amount : 0;
      lines.push(
        [
          type && isAssistanceType(type) ? t(`assistance.type.${type}`) : type,
          amount > 0 ? t("timeline.baht", { amount: formatAmount(amount) }) : undefined,
          text(data.agency),
          text(data.date) && formatDate(data.date as string, language),
        ]
          .filter(Boolean)
          .join(" · "),
      );
      break;
    }
    case "referral": {
      const agency = text(data.agency);
      if (agency) lines.push(isAgency(agency) ? t(`referral.agency.${agency}`) : agency);
      if (text(data.reason)) lines.push(data.reason as string);
      break;
    }
    case "assigned": {
      const name = text((data.assignee as { name?: unknown } | undefined)?.name);
      if (name) lines.push(t("timeline.assignedTo", { name }));
      break;
    }
    case "status": {
      const status = text(data.status);
      if (status && isStatus(status)) lines.push(t(`caseStatus.${status}`));
      break;
    }
    default:
      break;
  }
  if (note) lines.push(note);
  return lines;
}

const isOneOf =
  <T extends string>(list: readonly T[]) =>
  (value: string): value is T =>
    (list as readonly string[]).includes(value);
const isAssistanceType = isOneOf(ASSISTANCE_TYPES);
const isAgency = isOneOf(REFERRAL_AGENCIES);
// "needs_staff" is a volunteer's request, not a case status of its own.
const isStatus = isOneOf([...CASE_STATUSES, ...VOLUNTEER_STATUSES]);

/** Where the phone was during a visit, as a map link: proof of the visit and the way back. */
function VisitPlace({ entry, t }: { entry: TimelineEntry; t: Translate }) {
  const gps = gpsSchema.safeParse(entry.data.gps);
  if (entry.type !== "visit" || !gps.success) return null;
  const { latitude, longitude, accuracy } = gps.data;
  const at = `${latitude.toFixed(6)},${longitude.toFixed(6)}`;
  return (
    <p>
      <a
        href={`https://www.google.com/maps/search/?api=1&query=${at}`}
        target="_blank"
        rel="noopener"
      >
        {t("timeline.visitPlace", { at, accuracy: Math.round(accuracy) })}
      </a>
    </p>
  );
}

/** Newest first: what happened last is what the volunteer needs before acting. */
export function Timeline({
  ticket,
  entries,
}: {
  ticket: string;
  entries: readonly TimelineEntry[];
}) {
  const { t, language } = useLanguage();
  const sorted = [...entries].sort((a, b) => compareIso(b.at, a.at));
  return (
    <ol class="timeline">
      {sorted.map(entry => (
        <li key={entry.id}>
          <p class="timeline-head">
            <strong>{t(`timeline.type.${entry.type}`)}</strong>
            <span>
              {[entry.by.name, formatDateTime(entry.at, language)].filter(Boolean).join(" · ")}
            </span>
          </p>
          {entrySummary(entry, t, language).map(line => (
            <p key={line}>{line}</p>
          ))}
          <VisitPlace entry={entry} t={t} />
          {entry.type === "visit" && Array.isArray(entry.data.photos) && (
            <div class="photos thumbs">
              {entry.data.photos.map((_, index) => (
                <CasePhoto key={index} ticket={ticket} index={index} visit={entry.id} />
              ))}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
