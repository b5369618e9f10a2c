import type { Firestore, Query } from "firebase-admin/firestore";
import * as z from "zod/mini";
import { casesInScope } from "./cases";
import { Collections } from "./collections";
import type { StaffScope } from "./users";

/** One overdue follow-up as the dashboard groups it: whose, and where. */
export interface OverdueFollowUp {
  volunteerUserId: string;
  volunteerName: string;
  subDistrictCode: string;
  subDistrict: string;
}

const followUpFields = z.object({
  volunteerUserId: z.string(),
  volunteerName: z.optional(z.string()),
});
const areaFields = z.nullish(
  z.object({ subDistrictCode: z.optional(z.string()), subDistrict: z.optional(z.string()) }),
);
const caseFields = z.object({
  followUp: followUpFields,
  location: z.nullish(z.object({ area: areaFields })),
});
const householdFields = z.object({ followUp: followUpFields, area: areaFields });

/**
 * Open follow-ups of cases and target households whose day is before `today` (Bangkok), in a
 * staff scope. Cheap at any number of cases: the totals are aggregation queries, and only the
 * oldest `limit` overdue records of each kind are read, with just the fields grouped by.
 */
export async function overdueFollowUps(
  db: Firestore,
  scope: StaffScope,
  today: string,
  limit = 500,
): Promise<{ total: number; read: OverdueFollowUp[] }> {
  const households = db.collection(Collections.households);
  const queries: [Query, (data: unknown) => OverdueFollowUp | undefined][] = [
    [
      casesInScope(db, scope).where("followUp.due", "<", today),
      data => {
        const parsed = caseFields.safeParse(data);
        return parsed.success
          ? grouped(parsed.data.followUp, parsed.data.location?.area)
          : undefined;
      },
    ],
    [
      (scope.kind === "province"
        ? households.where("provinceCode", "==", scope.provinceCode)
        : households
      ).where("followUp.due", "<", today),
      data => {
        const parsed = householdFields.safeParse(data);
        return parsed.success ? grouped(parsed.data.followUp, parsed.data.area) : undefined;
      },
    ],
  ];
  const results = await Promise.all(
    queries.map(async ([query, parse]) => {
      const [count, snapshot] = await Promise.all([
        query.count().get(),
        query
          .orderBy("followUp.due")
          .select(
            "followUp.volunteerUserId",
            "followUp.volunteerName",
            "location.area.subDistrictCode",
            "location.area.subDistrict",
            "area.subDistrictCode",
            "area.subDistrict",
          )
          .limit(limit)
          .get(),
      ]);
      return {
        total: count.data().count,
        read: snapshot.docs.flatMap(doc => parse(doc.data()) ?? []),
      };
    }),
  );
  return {
    total: results.reduce((sum, r) => sum + r.total, 0),
    read: results.flatMap(r => r.read),
  };
}

function grouped(
  followUp: z.infer<typeof followUpFields>,
  area: z.infer<typeof areaFields>,
): OverdueFollowUp {
  return {
    volunteerUserId: followUp.volunteerUserId,
    volunteerName: followUp.volunteerName ?? "",
    subDistrictCode: area?.subDistrictCode ?? "",
    subDistrict: area?.subDistrict ?? "",
  };
}
