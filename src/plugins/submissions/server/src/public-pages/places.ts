import path from 'path';
import type { SiteService, StaticFile } from '../../../../../shared/story-services';

let places: StaticFile | undefined;

/**
 * The towns of Lower Saxony with their district key (database/seed/municipalities.json; its `source` says where the
 * list comes from and how old it is), served whole to the form, which searches it as the person types: about 950
 * names, about 7 KB compressed, so the search stays instant on a slow connection and needs no request per key stroke.
 */
export function placesFile({ loadStaticFile }: SiteService): StaticFile {
  places ??= loadStaticFile(path.resolve(process.cwd(), 'database', 'seed', 'municipalities.json'), 'application/json; charset=utf-8');
  return places;
}
