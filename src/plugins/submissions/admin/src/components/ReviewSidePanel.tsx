import * as React from 'react';
import { Flex, Link, Typography } from '@strapi/design-system';
import { useRBAC } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { NavLink } from 'react-router-dom';
import { ACTIONS, permission, STORY_UID, useTimeFormat } from '../../../../../shared/admin';
import { PLUGIN_ID } from '../plugin-id';
import { useT } from '../translate';
import { Blockers } from './Blockers';
import { EditorialStatusBadge } from './EditorialStatusBadge';
import { ACTION_KEY, ACTOR_KEY } from './labels';
import { useReviewApi, type ReviewDetail } from '../api';

const REVIEW_PERMISSIONS = [permission(ACTIONS.review)];

function ReviewPanel({ documentId, version }: { documentId: string; version: string | undefined }) {
  const t = useT();
  const api = useReviewApi();
  const format = useTimeFormat();
  const [story, setStory] = React.useState<ReviewDetail>();
  const [failed, setFailed] = React.useState(false);
  // Saving or publishing in the edit view may change the status and the blockers: look again each time.
  React.useEffect(() => {
    let alive = true;
    api.detail(documentId).then(
      (loaded) => alive && (setStory(loaded), setFailed(false)),
      () => alive && setFailed(true)
    );
    return () => {
      alive = false;
    };
  }, [api, documentId, version]);

  if (failed && !story) return <Typography textColor="danger600">{t('common.error.load')}</Typography>;
  if (!story) return null;
  const last = story.history[0];
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="review-panel">
      {story.editorialStatus && <EditorialStatusBadge status={story.editorialStatus} />}
      <Blockers blockers={story.blockers} />
      {last && (
        <Typography variant="pi" textColor="neutral600">
          {t('review.panel.last', {
            what: ACTION_KEY[last.action] ? t(ACTION_KEY[last.action]) : last.action,
            who: last.actorType === 'editor' ? last.actor : t(ACTOR_KEY[last.actorType]),
            date: format.dateTime(last.at),
          })}
        </Typography>
      )}
      <Link tag={NavLink} to={`/plugins/${PLUGIN_ID}?story=${documentId}`}>
        {t('review.panel.open')}
      </Link>
    </Flex>
  );
}

const documentVersion = (document: Record<string, unknown> | undefined) =>
  document ? [document.updatedAt, document.publishedAt, document.status].map(String).join('|') : undefined;

/** The "Redaktion" panel beside a story in the content manager: status, what blocks publication, last change. */
export const ReviewSidePanel: PanelComponent = ({ model, documentId, document }) => {
  const t = useT();
  const { allowedActions, isLoading } = useRBAC(REVIEW_PERMISSIONS);
  if (model !== STORY_UID || !documentId || isLoading || !allowedActions.canReview) return null;
  return { title: t('review.panel.title'), content: <ReviewPanel documentId={documentId} version={documentVersion(document)} /> };
};
