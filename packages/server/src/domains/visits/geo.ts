// Distance between two points on the earth: the haversine formula on a sphere of the mean earth radius (6,371,008.8 m,
// IUGG). Good to a few metres at the distances a check-in is judged by (is the rep at the customer: tens to hundreds of
// metres), and within 0.5 % anywhere — the earth's flattening is the error. Coordinates are WGS-84 degrees as the
// browser's navigator.geolocation gives them. Maps of mainland China draw in GCJ-02 (offset by up to ~500 m); a
// location picked on such a map must be converted to WGS-84 before it is stored, or every distance carries the offset.
export const EARTH_RADIUS_M = 6371008.8;

const rad = (deg: number) => (deg * Math.PI) / 180;

export function haversineMetres(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = rad(lat2 - lat1);
  const dLng = rad(lng2 - lng1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}
