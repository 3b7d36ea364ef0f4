import type { Core } from '@strapi/strapi';
import { systemClock, type Clock } from '../../../../../shared/clock';
import type { RepeatingTask, Schedule } from '../../../../../shared/operations';
import { background, media } from '../dependencies';
import { AUDIT_ENTRY, recordAudit } from './audit';
import { reviewSettings, type ReviewSettings } from './settings';
import { loadStoryRecord, type StoredFile, type StoredStory } from './story-record';

/**
 * Erasure of personal data after the retention period (GDPR Art. 5(1)(e), 17): a story that was rejected or whose
 * consent was withdrawn keeps, RETENTION_DAYS after its last status change, only a tombstone — reference number,
 * status, dates, region, themes, kind and language, and the dates of the consent — so the office can still answer
 * "what happened to submission ZM-…" and the reports still count it. Erased: the submitter's contact, the names of
 * the people shown and their guardians, the signed form, the story's title, text, place and credits, its video,
 * cover and caption files (deleted from storage unless another entry still uses them), internal notes, the
 * contacts of content notices about it, and the submitter's name and the notes in its audit trail; also the removal
 * records (slugs) of stories that were never public. Runs on a schedule claimed through the database: once per
 * period, on one instance.
 */

const STORY = 'api::story.story';
const CONTENT_NOTICE = 'plugin::submissions.content-notice';
const REMOVAL = 'plugin::stories.removal';
const FILE = 'plugin::upload.file';
const ERASABLE = ['rejected', 'withdrawn'];
const STATUS_ACTIONS = ['status_changed', 'consent_withdrawn'];
/** Stories erased per run at most; the next run continues. */
const BATCH = 100;

export interface RetentionSummary {
  erased: string[];
  filesDeleted: number;
}

interface Candidate {
  documentId: string;
  referenceNumber: string | null;
  updatedAt: string;
}

const ERASER = { actor: 'System (Löschfrist)', actorType: 'system' as const };

/** Rejected or withdrawn, unpublished, not erased yet, and last changed before `cutoff`. */
async function dueStories(strapi: Core.Strapi, cutoff: Date): Promise<Candidate[]> {
  const drafts = (await strapi.db.query(STORY).findMany({
    where: { publishedAt: null, editorialStatus: { $in: ERASABLE } },
    select: ['documentId', 'referenceNumber', 'updatedAt'],
  })) as Candidate[];
  if (!drafts.length) return [];
  const ids = drafts.map((d) => d.documentId);
  const [published, erased, changes] = await Promise.all([
    strapi.db.query(STORY).findMany({ where: { documentId: { $in: ids }, publishedAt: { $notNull: true } }, select: ['documentId'] }),
    strapi.db.query(AUDIT_ENTRY).findMany({ where: { storyDocumentId: { $in: ids }, action: 'personal_data_erased' }, select: ['storyDocumentId'] }),
    strapi.db.query(AUDIT_ENTRY).findMany({
      where: { storyDocumentId: { $in: ids }, action: { $in: STATUS_ACTIONS }, toStatus: { $in: ERASABLE } },
      select: ['storyDocumentId', 'at'],
    }),
  ]);
  const skip = new Set([...published.map((p: { documentId: string }) => p.documentId), ...erased.map((e: { storyDocumentId: string }) => e.storyDocumentId)]);
  const lastChange = new Map<string, number>();
  for (const change of changes as { storyDocumentId: string; at: string }[]) {
    lastChange.set(change.storyDocumentId, Math.max(lastChange.get(change.storyDocumentId) ?? 0, new Date(change.at).getTime()));
  }
  return drafts
    .filter((d) => !skip.has(d.documentId))
    .filter((d) => (lastChange.get(d.documentId) ?? new Date(d.updatedAt).getTime()) < cutoff.getTime())
    .slice(0, BATCH);
}

function filesOf(story: StoredStory): StoredFile[] {
  return [story.video, story.cover, story.consent?.signedForm ?? null, ...story.captions.map((c) => c.file)].filter((f): f is StoredFile => Boolean(f));
}

/** What the tombstone keeps of the consent: dates, text version and the statements, no names. */
function anonymousConsent(story: StoredStory) {
  const consent = story.consent;
  if (!consent) return null;
  return {
    consentedAt: consent.consentedAt ?? null,
    textVersion: consent.textVersion ?? null,
    minorsShown: consent.minorsShown ?? false,
    guardianConsent: consent.guardianConsent ?? false,
    peopleAgreed: consent.peopleAgreed ?? false,
    rightsConfirmed: consent.rightsConfirmed ?? false,
    termsAccepted: consent.termsAccepted ?? false,
    privacyAccepted: consent.privacyAccepted ?? false,
    withdrawnAt: consent.withdrawnAt ?? null,
    websiteWithdrawnAt: consent.websiteWithdrawnAt ?? null,
    youtubeWithdrawnAt: consent.youtubeWithdrawnAt ?? null,
    socialWithdrawnAt: consent.socialWithdrawnAt ?? null,
    people: (consent.people ?? []).map((person, index) => ({
      nameOrRole: `Person ${index + 1}`,
      minor: person.minor ?? false,
      aged14OrOver: person.aged14OrOver ?? false,
      guardianConsent: person.guardianConsent ?? false,
      ownConsent: person.ownConsent ?? false,
      channelWebsite: person.channelWebsite ?? false,
      channelYoutube: person.channelYoutube ?? false,
      channelSocial: person.channelSocial ?? false,
    })),
  };
}

/** Names of what this story held, for the audit entry (the values themselves are gone). */
function erasedItems(story: StoredStory, files: StoredFile[]): string[] {
  const items = ['Titel, Text, Ort und Mitwirkende der Geschichte'];
  if (story.submitter) items.push('Kontaktdaten der einreichenden Person');
  if (story.consent?.people?.length) items.push(`Namen und Sorgeberechtigte von ${story.consent.people.length} gezeigten Person(en)`);
  if (story.consent?.consentedBy || story.consent?.withdrawalNote) items.push('Name der einwilligenden Person und Vermerke zum Widerruf');
  if (story.internalNotes) items.push('Interne Notizen');
  for (const file of files) items.push(`Datei ${file.name}`);
  return items;
}

/**
 * The audit trail keeps what happened and when, not who the submitter is: their name as actor and the free-text
 * notes (which may name people) go; editors' names stay, they are staff acting in their role.
 */
async function forgetNamesInTrail(strapi: Core.Strapi, storyDocumentId: string) {
  await strapi.db.query(AUDIT_ENTRY).updateMany({ where: { storyDocumentId, actorType: 'submitter' }, data: { actor: 'Einreichende Person' } });
  const entries = (await strapi.db.query(AUDIT_ENTRY).findMany({ where: { storyDocumentId }, select: ['id', 'details'] })) as { id: number; details: Record<string, unknown> | null }[];
  for (const entry of entries.filter((e) => e.details && 'note' in e.details)) {
    const { note: _note, ...details } = entry.details as Record<string, unknown>;
    await strapi.db.query(AUDIT_ENTRY).update({ where: { id: entry.id }, data: { details } });
  }
}

/** Deletes a file from storage and the media library unless something else still links to it. */
async function deleteUnusedFile(strapi: Core.Strapi, fileId: number): Promise<boolean> {
  const links = media(strapi).fileLinks();
  const [{ n }] = (await strapi.db.connection(links.table).where(links.file, fileId).count({ n: '*' })) as { n: number | string }[];
  if (Number(n) > 0) return false;
  const file = await strapi.db.query(FILE).findOne({ where: { id: fileId } });
  if (!file) return false;
  await strapi.plugin('upload').service('upload').remove(file);
  return true;
}

async function eraseStory(strapi: Core.Strapi, candidate: Candidate, settings: ReviewSettings, now: Date): Promise<number> {
  const record = await loadStoryRecord(strapi, candidate.documentId);
  if (!record) return 0;
  const { story } = record;
  const files = filesOf(story);
  const label = candidate.referenceNumber ?? candidate.documentId;
  const tombstoneTitle = `Gelöschte Einreichung ${label}`.slice(0, 100);
  await strapi.db.transaction(async () => {
    await strapi.documents(STORY).update({
      documentId: story.documentId,
      data: {
        title: tombstoneTitle,
        slug: `geloescht-${story.documentId.toLowerCase()}`,
        teaser: null,
        body: null,
        place: null,
        recordedOn: null,
        youtubeVideoId: null,
        video: null,
        cover: null,
        captions: [],
        credits: [],
        submitter: null,
        internalNotes: null,
        consent: anonymousConsent(story),
      } as never,
    });
    await strapi.db.query(CONTENT_NOTICE).updateMany({ where: { storyDocumentId: story.documentId }, data: { contact: null, storyTitle: tombstoneTitle } });
    await forgetNamesInTrail(strapi, story.documentId);
  });
  let deleted = 0;
  for (const file of files) if (await deleteUnusedFile(strapi, file.id)) deleted += 1;
  await recordAudit(strapi, {
    storyDocumentId: story.documentId,
    referenceNumber: candidate.referenceNumber,
    action: 'personal_data_erased',
    fromStatus: story.editorialStatus,
    toStatus: story.editorialStatus,
    ...ERASER,
    details: { erased: erasedItems(story, files), filesDeleted: deleted, retentionDays: settings.retentionDays },
    at: now,
  });
  return deleted;
}

/**
 * Removal rows tell partners to drop a story they showed. A story that was never public has nothing to drop, and its
 * slug (made from its title) is personal data, so such rows go — they stem from before removals were recorded only
 * for stories the public saw. Never public: no published version now, and an audit trail that never reached
 * "approved", without which the publish gate lets nothing through. A story without any trail is left alone: nothing
 * proves it was never public.
 */
async function forgetRemovalsOfNeverPublic(strapi: Core.Strapi): Promise<number> {
  const removals = (await strapi.db.query(REMOVAL).findMany({ select: ['storyDocumentId'] })) as { storyDocumentId: string }[];
  const ids = [...new Set(removals.map((r) => r.storyDocumentId))];
  if (!ids.length) return 0;
  const [trails, approvals, published] = await Promise.all([
    strapi.db.query(AUDIT_ENTRY).findMany({ where: { storyDocumentId: { $in: ids } }, select: ['storyDocumentId'] }),
    strapi.db.query(AUDIT_ENTRY).findMany({ where: { storyDocumentId: { $in: ids }, toStatus: 'approved' }, select: ['storyDocumentId'] }),
    strapi.db.query(STORY).findMany({ where: { documentId: { $in: ids }, publishedAt: { $notNull: true } }, select: ['documentId'] }),
  ]);
  const oncePublic = new Set([
    ...(approvals as { storyDocumentId: string }[]).map((a) => a.storyDocumentId),
    ...(published as { documentId: string }[]).map((p) => p.documentId),
  ]);
  const neverPublic = [...new Set((trails as { storyDocumentId: string }[]).map((t) => t.storyDocumentId))].filter((id) => !oncePublic.has(id));
  if (!neverPublic.length) return 0;
  const { count } = await strapi.db.query(REMOVAL).deleteMany({ where: { storyDocumentId: { $in: neverPublic } } });
  return count;
}

/** Erases every story whose retention period is over; one failing story does not stop the others. */
export async function eraseExpiredPersonalData(strapi: Core.Strapi, settings: ReviewSettings, now: Date): Promise<RetentionSummary> {
  const summary: RetentionSummary = { erased: [], filesDeleted: 0 };
  for (const candidate of await dueStories(strapi, new Date(now.getTime() - settings.retentionMs))) {
    try {
      summary.filesDeleted += await eraseStory(strapi, candidate, settings, now);
      summary.erased.push(candidate.referenceNumber ?? candidate.documentId);
    } catch (error) {
      strapi.log.error(`Retention: could not erase the personal data of story ${candidate.documentId}: ${(error as Error).message}`);
    }
  }
  try {
    const forgotten = await forgetRemovalsOfNeverPublic(strapi);
    if (forgotten) strapi.log.info(`Retention: ${forgotten} removal record(s) of stories that were never public erased.`);
  } catch (error) {
    strapi.log.error(`Retention: could not erase the removal records of stories that were never public: ${(error as Error).message}`);
  }
  return summary;
}

/** A run's claim outlasts any erasure batch; after it, another instance assumes this one died. */
const RETENTION_LEASE_MS = 30 * 60 * 1000;

const retentionSchedule = (settings: ReviewSettings): Schedule => ({ name: 'retention', periodMs: settings.retentionCheckMs, leaseMs: RETENTION_LEASE_MS });

async function eraseAndLog(strapi: Core.Strapi, settings: ReviewSettings, clock: Clock) {
  const summary = await eraseExpiredPersonalData(strapi, settings, clock.now());
  if (summary.erased.length) {
    strapi.log.info(`Retention: personal data of ${summary.erased.length} stor${summary.erased.length === 1 ? 'y' : 'ies'} erased (${summary.erased.join(', ')}), ${summary.filesDeleted} file(s) deleted.`);
  }
  return summary;
}

/** One erasure run if this instance wins the current period across all instances; null otherwise. */
export const runScheduledRetention = (strapi: Core.Strapi, settings: ReviewSettings, clock: Clock = systemClock) =>
  background(strapi).runOncePerPeriod(retentionSchedule(settings), clock, () => eraseAndLog(strapi, settings, clock));

const schedules = new WeakMap<Core.Strapi, RepeatingTask>();

/** Called from the plugin's bootstrap: reads (and so validates) the settings and starts the schedule. */
export function startRetention(strapi: Core.Strapi, clock: Clock = systemClock) {
  const settings = reviewSettings();
  schedules.set(strapi, background(strapi).startSchedule(retentionSchedule(settings), clock, () => eraseAndLog(strapi, settings, clock)));
}

export async function stopRetention(strapi: Core.Strapi) {
  await schedules.get(strapi)?.stop();
  schedules.delete(strapi);
}
