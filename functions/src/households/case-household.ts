import { householdAddressKey, houseAddressIn, type CaseDetail, type Case } from "@sa/core";
import type { Firestore } from "firebase-admin/firestore";
import { findHouseholdAt } from "../repositories/households";

/**
 * The target household a case was reported at: the case's sub-district, and the house number
 * and village in the address the citizen typed (or LINE gave with the pin).
 */
export async function householdOfCase(
  db: Firestore,
  report: Case,
): Promise<CaseDetail["household"]> {
  const subDistrictCode = report.location?.area?.subDistrictCode;
  const text = [report.location?.typed, report.location?.point?.address].filter(Boolean).join(" ");
  const address = text ? houseAddressIn(text) : undefined;
  if (!subDistrictCode || !address) return null;
  const household = await findHouseholdAt(
    db,
    householdAddressKey(subDistrictCode, address.village, address.houseNumber),
  );
  return household
    ? { id: household.id, householdId: household.householdId, headName: household.headName }
    : null;
}
