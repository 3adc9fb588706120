/**
 * `geom` lies within `metres` of `other` on the spheroid. The bounding-box test comes first so
 * that a GiST index on `geom` narrows the search before the exact distance: the box is `other`
 * grown by a number of degrees that covers `metres` in every direction at its latitude. A
 * degree of latitude is at least 110.57 km and a degree of longitude 111.32 km × cos(latitude),
 * so 110 km × cos(latitude + 1°) is never more than either (the degree of slack covers the
 * height of a zone); a box built on 111.32 km alone missed records just inside the distance
 * due north or south (tests/db/sql/within-distance.test.ts).
 */
export function withinMetres(geom: string, other: string, metres: string, box = expandedBox(other, metres)): string {
  return `${geom} && ${box} AND ST_DWithin(${geom}::geography, ${other}::geography, ${metres})`;
}

/**
 * `other`'s box grown to cover `metres` around it. Worked out once and passed to withinMetres
 * where many records are tested against one geometry without an index (a CTE): there the box
 * was otherwise built again for every record (2.3 s of the priorities at province scale).
 */
export function expandedBox(other: string, metres: string): string {
  const degrees = `(${metres} / (110000 * cos(radians(least(abs(ST_Y(ST_Centroid(${other}))) + 1, 85)))))`;
  return `ST_Expand(${other}, ${degrees})`;
}
