import type { Area } from "@sa/core";
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import * as z from "zod/mini";
import { Collections } from "./collections";

/**
 * `benefitsFound/{subDistrictCode}`: how many unclaimed benefits the latest visit of each target
 * household and of each case there found, kept as a counter in the visit's own transaction, so
 * that the dashboard reads one document per sub-district, never the visits.
 */
const counterSchema = z.object({
  provinceCode: z.string(),
  subDistrictCode: z.string(),
  subDistrict: z.string(),
  count: z.number(),
});
export type BenefitsFoundCount = Omit<z.infer<typeof counterSchema>, "provinceCode">;

/**
 * A place's latest finding (a household's or a case's) replaces its previous one in its
 * sub-district's count, in the caller's transaction. A place with no sub-district (a case
 * located only to its province or district) is not counted: there is no counter to put it in.
 */
export function replaceBenefitsFoundIn(
  tx: Transaction,
  db: Firestore,
  area: Area | null | undefined,
  previous: number | undefined,
  latest: number,
): void {
  const delta = latest - (previous ?? 0);
  if (!area?.subDistrictCode || delta === 0) return;
  tx.set(
    db.collection(Collections.benefitsFound).doc(area.subDistrictCode),
    {
      provinceCode: area.provinceCode,
      subDistrictCode: area.subDistrictCode,
      subDistrict: area.subDistrict ?? "",
      count: FieldValue.increment(delta),
    },
    { merge: true },
  );
}

/** The counts of a province (or, with null, the country), largest first. */
export async function listBenefitsFound(
  db: Firestore,
  provinceCode: string | null,
): Promise<BenefitsFoundCount[]> {
  const all = db.collection(Collections.benefitsFound);
  const snapshot = await (provinceCode ? all.where("provinceCode", "==", provinceCode) : all)
    .limit(5000)
    .get();
  return snapshot.docs
    .flatMap(doc => {
      const parsed = counterSchema.safeParse(doc.data());
      return parsed.success && parsed.data.count > 0 ? [parsed.data] : [];
    })
    .map(({ subDistrictCode, subDistrict, count }) => ({ subDistrictCode, subDistrict, count }))
    .sort((a, b) => b.count - a.count);
}
