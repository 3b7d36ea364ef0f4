import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { STORY_EVENTS, type StoryWithdrawn } from '../../../../../shared/events';
import { media, visibility } from '../dependencies';
import { recordAudit, type Actor } from './audit';
import { germanDate } from './consent-completeness';
import { adminStoryUrl, notifyOffice } from './office-notice';
import { WITHDRAWAL_SCOPES, type WithdrawalResult, type WithdrawalScope } from '../../../../../shared/review';

export { WITHDRAWAL_SCOPES, type WithdrawalResult, type WithdrawalScope };

/**
 * Withdrawal of consent — by the person through the link in their confirmation mail, or recorded by an editor —
 * for everything or for one channel. One service for both, idempotent: a second withdrawal of the same scope
 * changes nothing and says so.
 *
 * - all: the consent record of every version gets `withdrawnAt`, the story becomes `withdrawn` and is unpublished
 *   through the Document Service, so the sync takes the video down (deleted or private, as configured), a removal
 *   is recorded for partners and every instance drops its cached answers.
 * - website: `websiteWithdrawnAt`; the public API (website, partner sites, widget) stops serving the story, and
 *   partners see a removal; YouTube keeps the video.
 * - youtube: `youtubeWithdrawnAt`; the sync takes the video down, the website keeps the story without it.
 * - social: `socialWithdrawnAt`; we do not run social media accounts from here, so the office is told to act.
 *
 * The office gets a notice of every withdrawal; an audit entry records what was done, when and by whom.
 */

const STORY = 'api::story.story';
const CONSENT = 'consent.record';

export const isWithdrawalScope = (value: unknown): value is WithdrawalScope => WITHDRAWAL_SCOPES.includes(value as WithdrawalScope);

export const SCOPE_LABELS: Record<WithdrawalScope, string> = {
  all: 'für alles (Website, Partner-Seiten, YouTube und soziale Medien)',
  website: 'für die Website und die Seiten unserer Partner',
  youtube: 'für YouTube',
  social: 'für soziale Medien',
};

const FIELD = { all: 'withdrawnAt', website: 'websiteWithdrawnAt', youtube: 'youtubeWithdrawnAt', social: 'socialWithdrawnAt' } as const;

type WithdrawalField = (typeof FIELD)[WithdrawalScope];

interface StoryVersion {
  id: number;
  publishedAt: string | null;
  editorialStatus: string | null;
  referenceNumber: string | null;
  title: string;
  consent: ({ id: number; withdrawalNote: string | null } & Partial<Record<WithdrawalField, string | null>>) | null;
}

export interface WithdrawalRequest {
  documentId: string;
  scope: WithdrawalScope;
  note?: string | null;
  actor: Actor;
  now?: Date;
}

async function versionsOf(strapi: Core.Strapi, documentId: string): Promise<StoryVersion[]> {
  return (await strapi.db.query(STORY).findMany({
    where: { documentId },
    select: ['id', 'publishedAt', 'editorialStatus', 'referenceNumber', 'title'],
    populate: { consent: { select: ['id', 'withdrawalNote', ...Object.values(FIELD)] } },
  })) as StoryVersion[];
}

/** When this scope was withdrawn already (a full withdrawal covers every channel); null if not. */
function earlierWithdrawal(draft: StoryVersion, scope: WithdrawalScope): { at: string | null } | null {
  const everything = draft.consent?.withdrawnAt ?? null;
  if (everything || draft.editorialStatus === 'withdrawn') return { at: everything };
  const channel = draft.consent?.[FIELD[scope]] ?? null;
  return channel ? { at: channel } : null;
}

/** Writes the withdrawal into the consent record of every version (draft and published) at once. */
async function markConsent(strapi: Core.Strapi, versions: StoryVersion[], field: WithdrawalField, at: string, note: string | null) {
  const records = versions.map((v) => v.consent).filter((c): c is NonNullable<StoryVersion['consent']> => Boolean(c));
  for (const record of records) {
    const withdrawalNote = note ? [record.withdrawalNote, `${germanDate(at)}: ${note}`].filter(Boolean).join('\n') : record.withdrawalNote;
    await strapi.db.query(CONSENT).update({ where: { id: record.id }, data: { [field]: at, withdrawalNote } });
  }
}

/**
 * Tells the plugins that act on a withdrawal (the YouTube sync takes the video down) inside this request's
 * transaction; what they do is added to `done`.
 */
async function announce(strapi: Core.Strapi, documentId: string, scope: WithdrawalScope, wasPublished: boolean, now: Date, done: string[]) {
  const event: StoryWithdrawn = { documentId, scope, wasPublished, at: now, report: (line) => void done.push(line) };
  await strapi.eventHub.emit(STORY_EVENTS.withdrawn, event);
}

async function withdrawEverything(strapi: Core.Strapi, documentId: string, versions: StoryVersion[], at: string, note: string | null, now: Date) {
  const published = versions.some((v) => v.publishedAt);
  // One change for the public API: it compares what the public saw before the consent was marked with what it sees
  // after the unpublish, so a story that was public becomes one removal (a withdrawal), one that never was none.
  await visibility(strapi).consentChanged(documentId, async () => {
    await markConsent(strapi, versions, FIELD.all, at, note);
    await strapi.db.query(STORY).updateMany({ where: { documentId }, data: { editorialStatus: 'withdrawn' } });
    // Through the Document Service: the sync job follows from it.
    if (published) await strapi.documents(STORY).unpublish({ documentId });
  });
  const done = ['Der Redaktionsstatus ist jetzt „zurückgezogen“; die Geschichte kann nicht wieder veröffentlicht werden.'];
  if (published) done.unshift('Die Geschichte wurde sofort von der Website, den Partner-Seiten und dem Widget genommen.');
  await announce(strapi, documentId, 'all', published, now, done);
  return done;
}

/** What a withdrawal for one channel does here; the plugins told of it add their part (announce). */
function channelDone(scope: Exclude<WithdrawalScope, 'all'>, published: boolean): string[] {
  if (scope === 'website') {
    return [published ? 'Die Geschichte wurde sofort von der Website, den Partner-Seiten und dem Widget genommen; auf YouTube bleibt sie.' : 'Die Geschichte wird nicht auf der Website und den Partner-Seiten gezeigt.'];
  }
  if (scope === 'youtube') return ['Die Website zeigt die Geschichte weiter, aber ohne YouTube-Video.'];
  return ['Die Redaktion wird benachrichtigt und entfernt Beiträge in sozialen Medien von Hand.'];
}

async function withdrawChannel(strapi: Core.Strapi, documentId: string, versions: StoryVersion[], scope: Exclude<WithdrawalScope, 'all'>, at: string, note: string | null, now: Date) {
  if (versions.some((v) => !v.consent)) {
    throw new errors.ValidationError(
      'Für diese Geschichte ist keine Einwilligung gespeichert, deshalb kann sie nicht nur für einen Kanal widerrufen werden. Bitte „für alles“ widerrufen.',
      { errors: [{ path: ['scope'], message: 'Ohne Einwilligungsdatensatz ist nur ein Widerruf für alles möglich.', name: 'ValidationError' }] }
    );
  }
  const published = versions.some((v) => v.publishedAt);
  await visibility(strapi).consentChanged(documentId, () => markConsent(strapi, versions, FIELD[scope], at, note));
  await media(strapi).storyVisibilityChanged(documentId);
  const done = channelDone(scope, published);
  await announce(strapi, documentId, scope, published, now, done);
  return done;
}

export async function withdrawConsent(strapi: Core.Strapi, request: WithdrawalRequest): Promise<WithdrawalResult> {
  const { documentId, scope, actor } = request;
  const now = request.now ?? new Date();
  const note = request.note?.trim() || null;
  const versions = await versionsOf(strapi, documentId);
  const draft = versions.find((v) => !v.publishedAt) ?? versions[0];
  if (!draft) throw new errors.NotFoundError(`Es gibt keine Geschichte mit der Kennung ${documentId}.`);
  const earlier = earlierWithdrawal(draft, scope);
  if (earlier) {
    const when = earlier.at ? ` am ${germanDate(earlier.at)}` : '';
    return { scope, changed: false, withdrawnAt: earlier.at, done: [`Die Einwilligung ${SCOPE_LABELS[scope]} wurde bereits${when} widerrufen. Es wurde nichts geändert.`] };
  }
  const at = now.toISOString();
  const done = await strapi.db.transaction(async () => {
    const effects =
      scope === 'all' ? await withdrawEverything(strapi, documentId, versions, at, note, now) : await withdrawChannel(strapi, documentId, versions, scope, at, note, now);
    await recordAudit(strapi, {
      storyDocumentId: documentId,
      referenceNumber: draft.referenceNumber,
      action: scope === 'all' ? 'consent_withdrawn' : 'channel_withdrawn',
      fromStatus: draft.editorialStatus,
      toStatus: scope === 'all' ? 'withdrawn' : draft.editorialStatus,
      ...actor,
      details: { scope, ...(note && { note }), done: effects },
      at: now,
    });
    return effects;
  });
  await notifyOffice(strapi, {
    about: `Widerruf ${SCOPE_LABELS[scope]}: ${draft.referenceNumber ?? documentId}`,
    subject: `Widerruf ${SCOPE_LABELS[scope]}: ${draft.referenceNumber ?? documentId} – ${draft.title}`,
    text: [
      `Die Einwilligung zur Geschichte „${draft.title}“ (${draft.referenceNumber ?? 'ohne Vorgangsnummer'}) wurde ${SCOPE_LABELS[scope]} widerrufen.`,
      `Von: ${actor.actor}`,
      `Am: ${germanDate(at)}`,
      ...(note ? [`Vermerk: ${note}`] : []),
      '',
      'Erledigt:',
      ...done.map((line) => `- ${line}`),
      ...(scope === 'social' || scope === 'all' ? ['', 'Bitte Beiträge in sozialen Medien zu dieser Geschichte von Hand entfernen.'] : []),
      '',
      `Im Admin: ${adminStoryUrl(strapi, documentId)}`,
    ].join('\n'),
  });
  return { scope, changed: true, withdrawnAt: at, done };
}
