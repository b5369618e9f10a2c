import type { HouseholdView } from "@sa/core";

/** House numbers as Thai addresses run: "9/1" before "10", by their numbers. */
const houseNumbers = new Intl.Collator("th", { numeric: true });

/** Not yet visited first, then by village and house number. */
export function byAddress(a: HouseholdView, b: HouseholdView): number {
  return (
    Number(a.lastVisitAt !== null) - Number(b.lastVisitAt !== null) ||
    a.village - b.village ||
    houseNumbers.compare(a.houseNumber, b.houseNumber)
  );
}

/**
 * Not yet visited first, then nearest first. Only the order matters, not the distance, so a
 * flat projection is enough within a sub-district or two (no great-circle formula needed).
 */
export function byDistanceFrom(here: { latitude: number; longitude: number }) {
  const scale = Math.cos((here.latitude * Math.PI) / 180);
  const far = (h: HouseholdView) =>
    h.point
      ? (h.point.latitude - here.latitude) ** 2 +
        ((h.point.longitude - here.longitude) * scale) ** 2
      : Number.POSITIVE_INFINITY;
  return (a: HouseholdView, b: HouseholdView) =>
    Number(a.lastVisitAt !== null) - Number(b.lastVisitAt !== null) || far(a) - far(b);
}
