import KDBush from "kdbush";
import { around, distance } from "geokdbush";
import type { HelpPoint } from "./help-point";

export interface NearbyHelpPoint {
  point: HelpPoint;
  /** Great-circle distance from the person, in kilometres. */
  distanceKm: number;
}

/**
 * The help points nearest to a place, nearest first, by great-circle distance (geokdbush).
 * Directories are per province (tens of points), so the index is built per call.
 */
export function nearestHelpPoints(
  points: readonly HelpPoint[],
  from: { latitude: number; longitude: number },
  count = 3,
): NearbyHelpPoint[] {
  if (points.length === 0) return [];
  const index = new KDBush(points.length);
  for (const p of points) index.add(p.location.longitude, p.location.latitude);
  index.finish();
  return around(index, from.longitude, from.latitude, count).map(id => {
    const point = points[id]!;
    return {
      point,
      distanceKm: distance(
        from.longitude,
        from.latitude,
        point.location.longitude,
        point.location.latitude,
      ),
    };
  });
}
