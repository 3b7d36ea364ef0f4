import fs from 'fs';
import path from 'path';
import { MAP_SOURCE_NOTE, MAP_SOURCE_URL, type DistrictFeature } from '../../../../../shared/districts';

/**
 * The official outlines of Lower Saxony's 45 districts (BKG VG5000, 2021) as shipped in database/seed, for the
 * reports' map (through the `districts` service) and the widget's. Read once per process: the file never changes while the app runs.
 */

export { MAP_SOURCE_NOTE, MAP_SOURCE_URL, type DistrictFeature };

interface FeatureCollection {
  type: 'FeatureCollection';
  features: DistrictFeature[];
}

const cache = new Map<string, FeatureCollection>();

export function districtOutlines(appRoot: string): DistrictFeature[] {
  const file = path.join(appRoot, 'database', 'seed', 'niedersachsen-kreise.geojson');
  let outlines = cache.get(file);
  if (!outlines) {
    try {
      outlines = JSON.parse(fs.readFileSync(file, 'utf8')) as FeatureCollection;
    } catch (error) {
      throw new Error(`district outlines: cannot read the district outlines from ${file}: ${(error as Error).message}`);
    }
    if (outlines.features?.length !== 45) throw new Error(`district outlines: ${file} should hold 45 districts, found ${outlines.features?.length ?? 0}`);
    cache.set(file, outlines);
  }
  return outlines.features;
}
