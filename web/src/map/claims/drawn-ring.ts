/**
 * The ring being drawn: its vertices in order, and whether it is closed (a polygon) or still
 * open for more. No map and no DOM here: the editor draws it (draft-layer.ts) and asks about it.
 */
import type { Polygon, Position } from 'geojson';

export function createDrawnRing() {
  let vertices: Position[] = [];
  let closed = false;
  return {
    get vertices(): Position[] {
      return vertices;
    },
    get closed(): boolean {
      return closed;
    },
    /** Three vertices make a polygon: enough to preview, check, close or save. */
    get isPolygon(): boolean {
      return vertices.length >= 3;
    },
    clear(): void {
      vertices = [];
      closed = false;
    },
    add(position: Position): void {
      vertices = [...vertices, position];
    },
    close(): void {
      closed = true;
    },
    /** Takes the last vertex off; taking one off a closed ring reopens it. Says whether it reopened. */
    undo(): boolean {
      vertices = vertices.slice(0, -1);
      const reopened = closed;
      closed = false;
      return reopened;
    },
    /** A whole ring at once (typed or pasted), closed. */
    replace(ring: Position[]): void {
      vertices = ring;
      closed = true;
    },
    polygon(): Polygon {
      return { type: 'Polygon', coordinates: [[...vertices, vertices[0]!]] };
    },
  };
}

export type DrawnRing = ReturnType<typeof createDrawnRing>;
