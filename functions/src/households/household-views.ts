import {
  SUB_DISTRICT_CENTRES,
  hasNeeds,
  isFollowUpOverdue,
  type Household,
  type HouseholdView,
} from "@sa/core";

let centres: Map<string, { latitude: number; longitude: number }> | undefined;

/** Where to put a household on the volunteer's list: its own point, else its sub-district's centre. */
function pointOf(household: Household): HouseholdView["point"] {
  if (household.point) return { ...household.point, approximate: false };
  centres ??= new Map(SUB_DISTRICT_CENTRES.map(c => [c.subDistrictCode, c]));
  const centre = centres.get(household.area.subDistrictCode);
  return centre
    ? { latitude: centre.latitude, longitude: centre.longitude, approximate: true }
    : null;
}

export function toHouseholdView(household: Household, now: Date): HouseholdView {
  return {
    id: household.id,
    householdId: household.householdId,
    houseNumber: household.houseNumber,
    village: household.village,
    area: household.area,
    headName: household.headName,
    members: household.members,
    needs: household.needs,
    point: pointOf(household),
    lastVisitAt: household.lastVisit?.at ?? null,
    followUpOverdue: isFollowUpOverdue(household.followUp, now),
  };
}

export function ownProgress(households: Household[]) {
  const visited = households.filter(h => h.lastVisit);
  return {
    total: households.length,
    visited: visited.length,
    needsFound: visited.filter(h => hasNeeds(h.needs)).length,
  };
}
