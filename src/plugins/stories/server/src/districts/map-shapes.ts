import { districtOutlines, MAP_SOURCE_NOTE, MAP_SOURCE_URL, type DistrictFeature } from './outlines';

/**
 * The districts as SVG paths for the widget's map (public/embed/stories-map.js): projected (Web Mercator, like the
 * reports' map), fitted to a fixed width, simplified (Douglas–Peucker below a fraction of a pixel) and written with
 * whole-number relative steps, so that the 80 KB of outlines become one small file, made once per process.
 */

type Point = [number, number];
type Ring = Point[];

export const MAP_WIDTH = 600;
const PADDING = 4;
/** Smaller than a pixel at the map's width: the simplification cannot be seen, only weighed. */
const TOLERANCE = 0.45;

export interface DistrictShape {
  key: string;
  name: string;
  /** SVG path data (fill-rule evenodd: the holes of Bremen and Bremerhaven are rings of their own). */
  d: string;
}

export interface DistrictMap {
  source: string;
  sourceUrl: string;
  width: number;
  height: number;
  districts: DistrictShape[];
}

const mercatorY = (latitude: number) => Math.log(Math.tan(Math.PI / 4 + (latitude * Math.PI) / 360));

function ringsOf(feature: DistrictFeature): Ring[] {
  const { type, coordinates } = feature.geometry;
  const polygons = (type === 'Polygon' ? [coordinates] : coordinates) as number[][][][];
  return polygons.flat().map((ring) => ring.map(([lon, lat]) => [(lon * Math.PI) / 180, mercatorY(lat)] as Point));
}

function distanceToSegment([x, y]: Point, [x1, y1]: Point, [x2, y2]: Point): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = dx * dx + dy * dy;
  const t = length ? Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / length)) : 0;
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}

/** Douglas–Peucker: keeps the points that lie further than the tolerance from the line between the kept ones. */
export function simplify(points: Ring, tolerance: number): Ring {
  if (points.length <= 3) return points;
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = keep[points.length - 1] = true;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop() as [number, number];
    let furthest = -1;
    let distance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(points[i], points[first], points[last]);
      if (d > distance) {
        furthest = i;
        distance = d;
      }
    }
    if (furthest < 0) continue;
    keep[furthest] = true;
    stack.push([first, furthest], [furthest, last]);
  }
  return points.filter((_, i) => keep[i]);
}

/** "M12 34l3-1 0 2…z": whole pixels, each step relative to the last rounded point. */
function pathOf(rings: Ring[]): string {
  return rings
    .map((ring) => {
      const rounded = ring.map(([x, y]) => [Math.round(x), Math.round(y)] as Point);
      const steps: string[] = [];
      for (let i = 1; i < rounded.length; i++) {
        const dx = rounded[i][0] - rounded[i - 1][0];
        const dy = rounded[i][1] - rounded[i - 1][1];
        if (dx || dy) steps.push(`${dx}${dy < 0 ? '' : ' '}${dy}`);
      }
      return `M${rounded[0][0]} ${rounded[0][1]}l${steps.join(' ').replace(/ -/g, '-')}z`;
    })
    .join('');
}

export function districtMap(features: DistrictFeature[]): DistrictMap {
  const projected = features.map((feature) => ({ feature, rings: ringsOf(feature) }));
  const all = projected.flatMap(({ rings }) => rings.flat());
  const minX = Math.min(...all.map(([x]) => x));
  const maxX = Math.max(...all.map(([x]) => x));
  const minY = Math.min(...all.map(([, y]) => y));
  const maxY = Math.max(...all.map(([, y]) => y));
  const scale = (MAP_WIDTH - 2 * PADDING) / (maxX - minX);
  const height = Math.ceil((maxY - minY) * scale + 2 * PADDING);
  // North up: the projected y grows northwards, the SVG's downwards.
  const toPixels = ([x, y]: Point): Point => [PADDING + (x - minX) * scale, PADDING + (maxY - y) * scale];
  return {
    source: MAP_SOURCE_NOTE,
    sourceUrl: MAP_SOURCE_URL,
    width: MAP_WIDTH,
    height,
    districts: projected.map(({ feature, rings }) => ({
      key: feature.properties.key,
      name: feature.properties.name,
      d: pathOf(rings.map((ring) => simplify(ring.map(toPixels), TOLERANCE)).filter((ring) => ring.length >= 4)),
    })),
  };
}

let made: string | undefined;

/** The map as JSON, made on first use. */
export function districtMapJson(appRoot: string): string {
  made ??= JSON.stringify(districtMap(districtOutlines(appRoot)));
  return made;
}
