import { compareNames, type Dashboard } from "@sa/core";
import type { OverdueFollowUp } from "../repositories/follow-ups";

/** Counts per key, most first, then by name (Thai order). */
function countBy<T extends { name: string }>(
  items: OverdueFollowUp[],
  key: (item: OverdueFollowUp) => string,
  row: (item: OverdueFollowUp) => T,
): (T & { count: number })[] {
  const rows = new Map<string, T & { count: number }>();
  for (const item of items) {
    const found = rows.get(key(item));
    if (found) {
      found.count++;
      // A follow-up set before names were kept has none; a later one may.
      if (!found.name) found.name = row(item).name;
    } else rows.set(key(item), { ...row(item), count: 1 });
  }
  return [...rows.values()].sort((a, b) => b.count - a.count || compareNames("th")(a.name, b.name));
}

/** The dashboard's overdue follow-ups, per volunteer and per sub-district. */
export function followUpCounts(overdue: {
  total: number;
  read: OverdueFollowUp[];
}): Dashboard["followUps"] {
  return {
    overdue: overdue.total,
    grouped: overdue.read.length,
    byVolunteer: countBy(
      overdue.read,
      f => f.volunteerUserId,
      f => ({ userId: f.volunteerUserId, name: f.volunteerName }),
    ),
    bySubDistrict: countBy(
      overdue.read,
      f => f.subDistrictCode,
      f => ({ code: f.subDistrictCode, name: f.subDistrict }),
    ),
  };
}
