import {
  isFollowUpOverdue,
  reporterPhoneForStaff,
  type CaseDetail,
  type CaseSummary,
  type Case,
  type TimelineEntry,
} from "@sa/core";

export function toSummary(report: Case, now: Date): CaseSummary {
  return {
    ticket: report.ticket,
    category: report.category,
    urgent: report.urgent,
    status: report.status,
    area: report.location?.area ?? null,
    createdAt: report.createdAt,
    updatedAt: report.updatedAt,
    followUpOverdue: isFollowUpOverdue(report.followUp, now),
  };
}

export function toDetail(report: Case, timeline: TimelineEntry[], now: Date): CaseDetail {
  const point = report.location?.point;
  // The report itself is the first entry; stored entries follow in time order.
  const created: TimelineEntry = {
    id: "created",
    type: "created",
    at: report.createdAt,
    by: { name: "", role: "citizen" },
    data: {},
  };
  return {
    ...toSummary(report, now),
    description: report.description,
    location: point
      ? {
          latitude: point.latitude,
          longitude: point.longitude,
          ...(point.address && { address: point.address }),
        }
      : null,
    photoCount: report.photos.length,
    media: (report.media ?? []).map(({ kind, durationMs }) => ({ kind, durationMs })),
    reporterPhone: reporterPhoneForStaff(report),
    assignee: report.assignee ?? null,
    timeline: [created, ...timeline],
  };
}
