import { Link } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import { useT } from '../translate';

const storyEditPath = (documentId: string) => `/content-manager/collection-types/api::story.story/${documentId}`;

/** The story's title, linking to its edit view in the content manager. */
export function StoryLink({ documentId, title }: { documentId: string; title: string | null }) {
  const t = useT();
  return (
    <Link tag={NavLink} to={storyEditPath(documentId)}>
      {title ?? t('dashboard.table.untitled')}
    </Link>
  );
}
