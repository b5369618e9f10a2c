import type { Area } from "../area";
import type { AreaDirectory } from "./area-directory";

/** What LINE gives for a shared location: always a point, usually an address. */
export interface SharedLocation {
  latitude: number;
  longitude: number;
  address?: string;
}

/**
 * The area a shared location is reported for. `approximate` is true when only the point decided
 * it (nearest sub-district centre); `outside` means the point is not in Thailand.
 */
export type SharedLocationArea = { area: Area; approximate: boolean } | { outside: true };

/**
 * Decides the area of a shared location: an address that parses wins (LINE's address names the
 * sub-district the citizen sees on the map, while a centre can be the neighbour's); otherwise the
 * nearest sub-district centre, marked approximate; otherwise outside Thailand. Addresses without
 * a postcode ("ตำบลศรีภูมิ อำเภอเมืองเชียงใหม่ เชียงใหม่") do not parse and fall to the point.
 */
export async function areaOfSharedLocation(
  directory: AreaDirectory,
  location: SharedLocation,
): Promise<SharedLocationArea> {
  if (location.address?.trim()) {
    const area = await directory.fromPostalAddress(location.address).catch(() => undefined);
    if (area) return { area, approximate: false };
  }
  const point = directory.fromPoint(location.latitude, location.longitude);
  if ("outside" in point) return { outside: true };
  return { area: point.area, approximate: true };
}
