import type { ListFieldLayout, ListLayout } from '@strapi/content-manager/strapi-admin';
import { ListStatusCell } from './ListStatusCell';
import { STORY_UID } from '../../../../../shared/admin';

interface ColumnHookArgs {
  displayedHeaders: ListFieldLayout[];
  layout: ListLayout;
}

/** The hook's arguments do not name the content type, so the list's address tells whether it shows stories. */
const showsStories = () => decodeURIComponent(window.location.pathname).includes(`/collection-types/${STORY_UID}`);

const youtubeColumn: ListFieldLayout = {
  name: 'youtube',
  // The same word in German and English, so a plain label (not a translation id) suits the content manager.
  label: 'YouTube',
  attribute: { type: 'custom' },
  searchable: false,
  sortable: false,
  cellFormatter: (row) => <ListStatusCell documentId={String(row.documentId)} />,
};

/** `Admin/CM/pages/ListView/inject-column-in-table`: adds the YouTube badge column to the story list. */
export function addYouTubeColumn({ displayedHeaders, layout }: ColumnHookArgs): ColumnHookArgs {
  return { displayedHeaders: showsStories() ? [...displayedHeaders, youtubeColumn] : displayedHeaders, layout };
}
