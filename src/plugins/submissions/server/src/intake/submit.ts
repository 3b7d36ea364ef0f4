import type { Core } from '@strapi/strapi';
import { recordAudit } from '../review/audit';
import { adminStoryUrl } from '../review/office-notice';
import type { SubmissionSource } from './abuse';
import { queueMail } from '../outbox/mails';
import { submissionRuntime } from './lifecycle';
import { confirmationMail, officeNotice, type Mail } from './mail';
import { addMedia, removeMedia, type SubmissionMedia } from './media';
import { newReferenceNumber } from './reference-number';
import { submissionSettings } from './settings';
import { storyData } from './story-data';
import { releaseUploads } from './upload-reservations';
import { validateSubmission, type ValidSubmission } from './validate';
import { withdrawalLink } from './withdrawal-token';

/**
 * A submission becomes a draft story with editorial status "submitted": its files in the media library, its consent
 * record attached, an audit entry — never published by itself. The files go in first (copying a large video inside
 * a transaction would hold the database); the story and its audit entry are then written in one transaction, and
 * if that fails the files are removed again, so a failed submission leaves neither rows nor files. The mails are
 * queued in the outbox in the same transaction: they exist exactly when the story does, and go out after the commit.
 */

const STORY = 'api::story.story';
const DAY_MS = 24 * 3600 * 1000;

export interface SubmissionReceipt {
  referenceNumber: string;
  documentId: string;
}

async function unusedReferenceNumber(strapi: Core.Strapi, now: Date): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const candidate = newReferenceNumber(now);
    if (!(await strapi.db.query(STORY).count({ where: { referenceNumber: candidate } }))) return candidate;
  }
  throw new Error('could not find an unused reference number in five attempts');
}

function mails(
  strapi: Core.Strapi,
  valid: ValidSubmission,
  receipt: SubmissionReceipt,
  source: SubmissionSource,
  now: Date
): { confirmation: Mail; office: Mail } {
  const { input, references } = valid;
  const settings = submissionSettings(strapi);
  const hasVideo = Boolean(input.video || input.videoUpload || input.youtubeUrl);
  const confirmation = confirmationMail({
    name: input.name,
    email: input.email,
    title: input.title,
    referenceNumber: receipt.referenceNumber,
    withdrawalLink: withdrawalLink(strapi, receipt, now),
    linkValidUntil: new Date(now.getTime() + settings.consentLinkValidDays * DAY_MS),
    needsFilmingHelp: input.needsFilmingHelp,
    hasVideo,
  });
  const office = officeNotice(
    {
      referenceNumber: receipt.referenceNumber,
      title: input.title,
      region: references.region.name,
      project: references.project?.name,
      themes: references.themes.map((t) => t.name),
      video: input.youtubeUrl ? 'youtube' : hasVideo ? 'file' : 'none',
      needsFilmingHelp: input.needsFilmingHelp,
      needsEquipment: input.needsEquipment,
      minorsShown: input.minorsShown,
      source,
      adminLink: adminStoryUrl(strapi, receipt.documentId),
    },
    settings.officeEmail ?? ''
  );
  return { confirmation, office };
}

async function queueMails(strapi: Core.Strapi, valid: ValidSubmission, receipt: SubmissionReceipt, source: SubmissionSource, now: Date) {
  const { confirmation, office } = mails(strapi, valid, receipt, source, now);
  await queueMail(strapi, confirmation, `Einsendung ${receipt.referenceNumber}: Bestätigung mit persönlichem Link`, now);
  if (submissionSettings(strapi).officeEmail) await queueMail(strapi, office, `Einsendung ${receipt.referenceNumber}: Hinweis an das Büro`, now);
  else strapi.log.warn(`Submission ${receipt.referenceNumber}: OFFICE_EMAIL is not set, so the office notice is logged here:\n${office.text}`);
}

async function saveStory(
  strapi: Core.Strapi,
  valid: ValidSubmission,
  media: SubmissionMedia,
  referenceNumber: string,
  source: SubmissionSource,
  now: Date
) {
  const { input, references } = valid;
  const data = storyData(input, {
    referenceNumber,
    now,
    source,
    consentTextVersion: submissionSettings(strapi).consentTextVersion,
    region: references.region.documentId,
    themes: references.themes.map((t) => t.documentId),
    project: references.project?.documentId,
    media: { video: media.video?.id, cover: media.cover?.id, captions: media.captions?.id },
  });
  return strapi.db.transaction(async () => {
    const story = await strapi.documents(STORY).create({ data: data as never });
    await recordAudit(strapi, {
      storyDocumentId: story.documentId,
      referenceNumber,
      action: 'submitted',
      actor: source === 'partner' ? 'Partner-Schnittstelle' : input.name,
      actorType: 'submitter',
      details: { source },
      at: now,
    });
    await queueMails(strapi, valid, { referenceNumber, documentId: story.documentId }, source, now);
    return story.documentId;
  });
}

/** Validates, stores and confirms a submission; throws a 400/413 error naming every problem when it is not valid. */
export async function submitStory(
  strapi: Core.Strapi,
  raw: Record<string, unknown>,
  source: SubmissionSource,
  now = new Date()
): Promise<SubmissionReceipt> {
  const { store } = submissionRuntime(strapi);
  const valid = await validateSubmission(strapi, raw, submissionSettings(strapi), store);
  const referenceNumber = await unusedReferenceNumber(strapi, now);
  const media = await addMedia(strapi, referenceNumber, valid.files, valid.input.title);
  let documentId: string;
  try {
    documentId = await saveStory(strapi, valid, media, referenceNumber, source, now);
  } catch (error) {
    await removeMedia(
      strapi,
      referenceNumber,
      media,
      valid.files.map((f) => f.field)
    );
    throw error;
  }
  const receipt = { referenceNumber, documentId };
  if (valid.uploadId) {
    await releaseUploads(strapi, [valid.uploadId], now).catch((error: Error) =>
      strapi.log.warn(`Submission ${referenceNumber}: the used upload counts against the upload budget until it expires: ${error.message}`)
    );
    await store
      .remove(valid.uploadId)
      .catch((error: Error) => strapi.log.warn(`Submission ${referenceNumber}: the used upload stays until it expires: ${error.message}`));
  }
  strapi.log.info(`Submission ${referenceNumber} saved as draft story ${documentId} (${source}).`);
  return receipt;
}

/** A robot filled the hidden field: it is told "thank you" with a made-up number, and nothing is stored or sent. */
export function honeypotReceipt(strapi: Core.Strapi, ip: string, now = new Date()) {
  const referenceNumber = newReferenceNumber(now);
  strapi.log.warn(`Submission refused quietly: the hidden field was filled (address ${ip}); answered with ${referenceNumber}, nothing stored.`);
  return { referenceNumber };
}
