import * as React from 'react';
import { Box, Button, Field, Flex, Grid, Link, Loader, Modal, Textarea, Typography } from '@strapi/design-system';
import { Mail } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { NavLink } from 'react-router-dom';
import { ConfirmButton, errorMessage, storyEditPath, useTimeFormat } from '../../../../../shared/admin';
import { useT } from '../translate';
import { Blockers } from './Blockers';
import { ConsentSummary } from './ConsentSummary';
import { EditorialStatusBadge } from './EditorialStatusBadge';
import { History } from './History';
import { MOVE_KEY, REASON_KEY, NOTICE_STATUS_KEY, SOURCE_KEY, STATUS_KEY } from './labels';
import type { EditorialStatus, ReviewApi, ReviewDetail, WithdrawalScope } from '../api';
import { WithdrawDialog } from './WithdrawDialog';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Box paddingTop={2}>
      <Typography variant="delta" tag="h3">
        {title}
      </Typography>
      <Box paddingTop={2}>{children}</Box>
    </Box>
  );
}

function MediaLinks({ story }: { story: ReviewDetail }) {
  const t = useT();
  const { video, youtubeVideoId, cover, captions } = story.media;
  const links = [
    video && { label: `${t('review.media.video')}: ${video.name}`, href: video.url },
    youtubeVideoId && { label: `${t('review.media.youtube')}: ${youtubeVideoId}`, href: `https://www.youtube.com/watch?v=${youtubeVideoId}` },
    cover && { label: cover.name, href: cover.url },
    ...captions.map((c) => c.file && { label: `${c.language}: ${c.file.name}`, href: c.file.url }),
  ].filter((link): link is { label: string; href: string } => Boolean(link));
  if (!links.length) return <Typography textColor="neutral600">{t('review.detail.noMedia')}</Typography>;
  return (
    <Flex tag="ul" direction="column" alignItems="flex-start" gap={1}>
      {links.map((link) => (
        <li key={link.href}>
          <Link href={link.href} isExternal>
            {link.label}
          </Link>
        </li>
      ))}
    </Flex>
  );
}

/** Moving the story on: one button per allowed status, with an optional note for the history. */
function Moves({ story, onMove }: { story: ReviewDetail; onMove: (to: EditorialStatus, note: string) => Promise<void> }) {
  const t = useT();
  const [note, setNote] = React.useState('');
  const [busy, setBusy] = React.useState<EditorialStatus | null>(null);
  if (story.editorialStatus === 'withdrawn') return <Typography textColor="neutral600">{t('review.detail.final')}</Typography>;
  const move = async (to: EditorialStatus) => {
    setBusy(to);
    try {
      await onMove(to, note);
      setNote('');
    } finally {
      setBusy(null);
    }
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Field.Root name="review-note">
        <Field.Label>{t('review.detail.note')}</Field.Label>
        <Textarea value={note} maxLength={2000} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setNote(event.target.value)} />
      </Field.Root>
      <Flex gap={2} wrap="wrap">
        {story.allowedMoves.map((to) => {
          const label = MOVE_KEY[to];
          return label ? (
            <Button key={to} variant={to === 'rejected' ? 'danger-light' : to === 'approved' ? 'success' : 'secondary'} loading={busy === to} disabled={busy !== null} onClick={() => void move(to)}>
              {t(label)}
            </Button>
          ) : null;
        })}
      </Flex>
    </Flex>
  );
}

function DetailBody({ story, api, onChanged }: { story: ReviewDetail; api: ReviewApi; onChanged: (story: ReviewDetail) => void }) {
  const t = useT();
  const format = useTimeFormat();
  const { toggleNotification } = useNotification();
  const failed = (failure: unknown) => toggleNotification({ type: 'danger', message: t('common.error.action', { message: errorMessage(failure) }) });

  const move = async (to: EditorialStatus, note: string) => {
    try {
      onChanged(await api.move(story.documentId, to, note));
      toggleNotification({ type: 'success', message: t('review.detail.moved', { status: t(STATUS_KEY[to]) }) });
    } catch (failure) {
      failed(failure);
    }
  };
  const withdraw = async (scope: WithdrawalScope, note: string) => {
    try {
      const { data, meta } = await api.withdraw(story.documentId, scope, note);
      onChanged(data);
      const result = meta.withdrawal;
      toggleNotification({
        type: result.changed ? 'success' : 'info',
        message: result.changed ? t('review.withdraw.done', { done: result.done.join(' ') }) : t('review.withdraw.unchanged'),
      });
    } catch (failure) {
      failed(failure);
    }
  };

  const sendNewLink = async () => {
    try {
      await api.newPersonalLink(story.documentId);
      onChanged(await api.detail(story.documentId));
      toggleNotification({ type: 'success', message: t('review.link.done') });
    } catch (failure) {
      failed(failure);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={3} wrap="wrap" alignItems="center">
        {story.editorialStatus && <EditorialStatusBadge status={story.editorialStatus} />}
        {story.published && <Typography variant="pi" fontWeight="bold">{t('review.online')}</Typography>}
        <Typography variant="pi" textColor="neutral600">
          {t('review.detail.received', { date: format.dateTime(story.submittedAt ?? story.createdAt), source: t(SOURCE_KEY[story.source]) })}
        </Typography>
        {story.referralSource && (
          <Typography variant="pi" textColor="neutral600" data-testid="referral-source">
            {t('review.detail.referral', { source: story.referralSource })}
          </Typography>
        )}
        <Link tag={NavLink} to={storyEditPath(story.documentId)}>
          {t('review.detail.edit')}
        </Link>
      </Flex>
      <Blockers blockers={story.blockers} />
      <Grid.Root gap={6}>
        <Grid.Item col={7} s={12} direction="column" alignItems="stretch">
          <Section title={t('review.detail.story')}>
            {story.teaser && (
              <Typography tag="p" fontWeight="bold">
                {story.teaser}
              </Typography>
            )}
            {story.text.split(/\n{2,}/).map((paragraph, index) => (
              <Box key={index} paddingTop={2}>
                <Typography tag="p">{paragraph}</Typography>
              </Box>
            ))}
            <Box paddingTop={2}>
              <Typography variant="pi" textColor="neutral600">
                {[story.region?.name, story.place, story.themes.map((theme) => theme.name).join(', ')].filter(Boolean).join(' · ')}
              </Typography>
            </Box>
          </Section>
          <Section title={t('review.detail.media')}>
            <MediaLinks story={story} />
          </Section>
          {story.internalNotes && (
            <Section title={t('review.detail.notes')}>
              <Typography>{story.internalNotes}</Typography>
            </Section>
          )}
          <Section title={t('review.detail.consent')}>
            <ConsentSummary consent={story.consent} />
          </Section>
        </Grid.Item>
        <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
          <Section title={t('review.detail.moves')}>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Moves story={story} onMove={move} />
              <WithdrawDialog disabled={story.editorialStatus === 'withdrawn'} onWithdraw={withdraw} />
            </Flex>
          </Section>
          {story.submitter && (
            <Section title={t('review.detail.submitter')}>
              {[story.submitter.name, story.submitter.email, story.submitter.phone, story.submitter.organisation].filter(Boolean).map((line) => (
                <Typography key={line} tag="p">
                  {line}
                </Typography>
              ))}
              {(story.needsFilmingHelp || story.needsEquipment) && (
                <Typography tag="p" fontWeight="bold">
                  {[story.needsFilmingHelp && t('review.help.filming'), story.needsEquipment && t('review.help.equipment')].filter(Boolean).join(' · ')}
                </Typography>
              )}
              {story.submitter.email && (
                <Box paddingTop={2}>
                  <ConfirmButton
                    label={t('review.link.button')}
                    icon={<Mail />}
                    variant="secondary"
                    title={t('review.link.title')}
                    body={t('review.link.body')}
                    confirmLabel={t('review.link.confirm')}
                    onConfirm={sendNewLink}
                  />
                </Box>
              )}
            </Section>
          )}
          {story.notices.length > 0 && (
            <Section title={t('review.detail.notices')}>
              {story.notices.map((notice) => (
                <Typography key={notice.id} tag="p">
                  {t(REASON_KEY[notice.reason])} ({t(NOTICE_STATUS_KEY[notice.status])}){notice.message ? `: ${notice.message}` : ''}
                </Typography>
              ))}
            </Section>
          )}
          <Section title={t('review.detail.history')}>
            <History entries={story.history} />
          </Section>
        </Grid.Item>
      </Grid.Root>
    </Flex>
  );
}

/** One story in detail, in a dialog over the queue; changes refresh the queue behind it. */
export function SubmissionDetail({ documentId, api, onClose, onChanged }: { documentId: string; api: ReviewApi; onClose: () => void; onChanged: () => void }) {
  const t = useT();
  const [story, setStory] = React.useState<ReviewDetail>();
  const [error, setError] = React.useState<string>();
  React.useEffect(() => {
    let alive = true;
    setStory(undefined);
    setError(undefined);
    api.detail(documentId).then(
      (loaded) => alive && setStory(loaded),
      (failure) => alive && setError(errorMessage(failure))
    );
    return () => {
      alive = false;
    };
  }, [api, documentId]);

  return (
    <Modal.Root open onOpenChange={(open) => !open && onClose()}>
      {/* Wider than the default 83rem (830px at the admin's 10px root size): the detail has two columns. */}
      <Modal.Content style={{ maxWidth: '120rem' }}>
        <Modal.Header closeLabel={t('review.detail.close')}>
          <Modal.Title>{story ? `${story.referenceNumber ? `${story.referenceNumber} – ` : ''}${story.title}` : t('review.detail.loading')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {error && <Typography textColor="danger600">{t('common.error.action', { message: error })}</Typography>}
          {!story && !error && <Loader small>{t('review.detail.loading')}</Loader>}
          {story && (
            <DetailBody
              story={story}
              api={api}
              onChanged={(changed) => {
                setStory(changed);
                onChanged();
              }}
            />
          )}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('review.detail.close')}</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
}
