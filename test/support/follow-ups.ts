import { bangkokDate, type Area } from "@sa/core";
import { CHIANG_MAI_SI_PHUM, seedCase } from "./accounts";
import { testFirestore } from "./emulator";
import { seededHousehold } from "./households";

const DAY_MS = 24 * 3_600_000;
/** A Bangkok date `days` from today (negative: past). */
export const dayFromToday = (days: number) => bangkokDate(new Date(Date.now() + days * DAY_MS));

export const CHIANG_MAI_PHRA_SING: Area = {
  ...CHIANG_MAI_SI_PHUM,
  subDistrictCode: "500102",
  subDistrict: "พระสิงห์",
};
const BANGKOK: Area = { provinceCode: "10", province: "กรุงเทพมหานคร" };

type Person = { userId: string; name: string };
const followUp = (volunteer: Person, days: number) => ({
  due: dayFromToday(days),
  volunteerUserId: volunteer.userId,
  volunteerName: volunteer.name,
  remindedOn: [],
});
const at = (area: Area) => ({ point: { latitude: 18.79, longitude: 98.98 }, area });

/**
 * Follow-ups of two volunteers in Chiang Mai: four past their day (three of `first`'s — two
 * cases and a household — and one of `second`'s; two in ศรีภูมิ, two in พระสิงห์), and three that
 * must not count: one due today, one closed, one in another province.
 */
export async function seedFollowUps(first: Person, second: Person) {
  const overdueCase = await seedCase({
    assignee: first,
    location: at(CHIANG_MAI_SI_PHUM),
    followUp: followUp(first, -1),
  });
  await seedCase({
    assignee: first,
    location: at(CHIANG_MAI_PHRA_SING),
    followUp: followUp(first, -3),
  });
  await seedCase({
    assignee: second,
    location: at(CHIANG_MAI_PHRA_SING),
    followUp: followUp(second, -2),
  });
  const dueToday = await seedCase({ assignee: first, followUp: followUp(first, 0) });
  await seedCase({ assignee: first, status: "closed", followUp: null });
  await seedCase({ assignee: second, location: at(BANGKOK), followUp: followUp(second, -5) });
  const households = testFirestore().collection("households");
  await households
    .doc("50-FU-0001")
    .set({ ...seededHousehold("50-FU-0001", first), followUp: followUp(first, -4) });
  await households
    .doc("50-FU-0002")
    .set({ ...seededHousehold("50-FU-0002", first), followUp: followUp(first, 2) });
  return { overdueCase, dueToday };
}
