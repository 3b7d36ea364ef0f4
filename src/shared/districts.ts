/** The district outlines the stories ship (districts/outlines.ts), as the reports' map reads them: types and constants. */

/** The note the outlines' licence requires wherever they are shown, linked to the source on web pages. */
export const MAP_SOURCE_NOTE = '© GeoBasis-DE / BKG 2021 (Daten verändert)';
export const MAP_SOURCE_URL = 'https://www.bkg.bund.de';

export interface DistrictFeature {
  type: 'Feature';
  properties: { key: string; name: string; kind: string; statisticalRegion: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

/** The stories' `districts` service. */
export interface DistrictsService {
  /** Lower Saxony's 45 districts (BKG VG5000, 2021), read once per process. */
  outlines(): DistrictFeature[];
}
