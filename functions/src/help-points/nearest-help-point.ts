import {
  nearestHelpPoints,
  SUB_DISTRICT_CENTRES,
  type NearbyHelpPoint,
  type CaseLocation,
} from "@sa/core";
import type { Firestore } from "firebase-admin/firestore";
import { listHelpPoints } from "../repositories/help-points";

/**
 * Where a report is: its pin, else the centre of its sub-district, else nothing (a province
 * alone is too coarse to call anything "near").
 */
export function pointOfReport(
  location: CaseLocation | null,
): { latitude: number; longitude: number; provinceCode: string } | undefined {
  const area = location?.area;
  if (!area) return undefined;
  if (location.point) return { ...location.point, provinceCode: area.provinceCode };
  const centre = SUB_DISTRICT_CENTRES.find(c => c.subDistrictCode === area.subDistrictCode);
  return centre && { ...centre, provinceCode: area.provinceCode };
}

/** The help point nearest to a report's place, from its province's directory. */
export async function nearestHelpPointTo(
  db: Firestore,
  location: CaseLocation | null,
): Promise<NearbyHelpPoint | undefined> {
  const place = pointOfReport(location);
  if (!place) return undefined;
  const points = await listHelpPoints(db, place.provinceCode);
  return nearestHelpPoints(points, place, 1)[0];
}
