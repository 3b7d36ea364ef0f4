import { Link } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import { storyEditPath } from '../../../../../shared/admin';
import { useT } from '../translate';

/** The story's title, linking to its edit view in the content manager. */
export function StoryLink({ documentId, title }: { documentId: string; title: string | null }) {
  const t = useT();
  return (
    <Link tag={NavLink} to={storyEditPath(documentId)}>
      {title ?? t('dashboard.table.untitled')}
    </Link>
  );
}
