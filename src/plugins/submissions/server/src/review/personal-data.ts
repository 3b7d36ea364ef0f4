import type { Core } from '@strapi/strapi';
import { media, site } from '../dependencies';
import { auditTrail, recordAudit, type Actor, type StoredAuditEntry } from './audit';
import { loadStoryRecord, type StoredFile, type StoredStory } from './story-record';
import { isEditorialStatus, STATUS_LABELS } from './transitions';
import { isWithdrawalScope, SCOPE_LABELS } from './withdrawal';

/**
 * What is stored about a submission, for the person who submitted it (GDPR Art. 15): shown on /widerruf and
 * downloadable as a JSON file. Every value the story holds about people is included — contact, story, files,
 * consent with the people shown, internal notes, status and history — and each access is recorded.
 */

const ACTOR_LABELS: Record<StoredAuditEntry['actorType'], string> = {
  editor: 'Redaktion',
  submitter: 'Sie selbst (über Ihren persönlichen Link)',
  public: 'Besucherin oder Besucher der Website',
  system: 'automatisch',
};

const ACTION_LABELS: Record<StoredAuditEntry['action'], string> = {
  submitted: 'Eingereicht',
  status_changed: 'Redaktionsstatus geändert',
  consent_withdrawn: 'Einwilligung vollständig widerrufen',
  channel_withdrawn: 'Einwilligung für einen Kanal widerrufen',
  data_accessed: 'Gespeicherte Daten abgerufen',
  personal_data_erased: 'Persönliche Daten gelöscht (Löschfrist)',
  content_reported: 'Inhalt gemeldet',
  personal_link_issued: 'Neuer persönlicher Link verschickt (ältere Links gelten nicht mehr)',
};

const statusLabel = (status: string | null) => (status && isEditorialStatus(status) ? STATUS_LABELS[status] : status);

export interface HistoryEntry {
  at: string;
  what: string;
  from: string | null;
  to: string | null;
  by: string;
  details: Record<string, unknown> | null;
}

export interface PersonalData {
  about: string;
  exportedAt: string;
  referenceNumber: string | null;
  status: { editorialStatus: string | null; label: string | null; published: boolean; publishedAt: string | null };
  contact: StoredStory['submitter'];
  story: {
    title: string;
    teaser: string | null;
    text: string;
    kind: string | null;
    language: string | null;
    place: string | null;
    recordedOn: string | null;
    region: string | null;
    themes: string[];
    project: string | null;
    credits: StoredStory['credits'];
    creditPreference: string | null;
    needsFilmingHelp: boolean;
    needsEquipment: boolean;
    submittedAt: string | null;
    submissionSource: string | null;
    referralSource: string | null;
  };
  files: {
    video: FileInfo | null;
    youtubeVideoId: string | null;
    cover: FileInfo | null;
    captions: { language: string; file: FileInfo | null }[];
    signedForm: FileInfo | null;
  };
  consent: Record<string, unknown> | null;
  internalNotes: string | null;
  history: HistoryEntry[];
}

interface FileInfo {
  name: string;
  type: string | null;
  sizeKb: number | null;
  url: string;
}

/** Details that help the person understand an entry; an editor's e-mail address is not among them. */
const historyDetails = (entry: StoredAuditEntry) => {
  const details = entry.details ?? {};
  const kept = Object.fromEntries(Object.entries(details).filter(([key]) => ['scope', 'note', 'done', 'erased', 'reason'].includes(key)));
  return Object.keys(kept).length ? kept : null;
};

const describe = (entry: StoredAuditEntry) => {
  const scope = entry.details?.scope;
  const label = ACTION_LABELS[entry.action] ?? entry.action;
  return entry.action === 'channel_withdrawn' && isWithdrawalScope(scope) ? `Einwilligung ${SCOPE_LABELS[scope]} widerrufen` : label;
};

/** The history in words; a status appears only where it changed. */
export function historyOf(entries: StoredAuditEntry[]): HistoryEntry[] {
  return entries.map((entry) => ({
    at: entry.at,
    what: describe(entry),
    from: entry.fromStatus === entry.toStatus ? null : statusLabel(entry.fromStatus),
    to: entry.fromStatus === entry.toStatus ? null : statusLabel(entry.toStatus),
    by: ACTOR_LABELS[entry.actorType] ?? entry.actorType,
    details: historyDetails(entry),
  }));
}

export async function personalData(strapi: Core.Strapi, documentId: string, now = new Date()): Promise<PersonalData | null> {
  const record = await loadStoryRecord(strapi, documentId);
  if (!record) return null;
  const { story } = record;
  const pages = site(strapi);
  const file = (f: StoredFile | null | undefined): FileInfo | null =>
    f ? { name: f.name, type: f.mime, sizeKb: f.size === null ? null : Math.round(Number(f.size)), url: pages.absoluteUrl(media(strapi).signedUrl(f.url)) } : null;
  const { signedForm, id: _consentId, ...consent } = story.consent ?? {};
  return {
    about:
      'Alle Daten, die ZUSAMMEN. MEHR. zu Ihrer Einreichung gespeichert hat (Art. 15 DSGVO). / All data ZUSAMMEN. MEHR. keeps about your submission (GDPR Art. 15).',
    exportedAt: now.toISOString(),
    referenceNumber: story.referenceNumber,
    status: {
      editorialStatus: story.editorialStatus,
      label: statusLabel(story.editorialStatus),
      published: record.publishedAt !== null,
      publishedAt: record.publishedAt,
    },
    contact: story.submitter,
    story: {
      title: story.title,
      teaser: story.teaser,
      text: pages.blocksToText(story.body),
      kind: story.kind,
      language: story.language,
      place: story.place,
      recordedOn: story.recordedOn,
      region: story.region?.name ?? null,
      themes: (story.themes ?? []).map((t) => t.name),
      project: story.project?.name ?? null,
      credits: (story.credits ?? []).map((c) => ({ name: c.name, role: c.role ?? null })),
      creditPreference: story.creditPreference,
      needsFilmingHelp: Boolean(story.needsFilmingHelp),
      needsEquipment: Boolean(story.needsEquipment),
      submittedAt: story.submittedAt,
      submissionSource: story.submissionSource,
      referralSource: story.referralSource ?? null,
    },
    files: {
      video: file(story.video),
      youtubeVideoId: story.youtubeVideoId,
      cover: file(story.cover),
      captions: (story.captions ?? []).map((c) => ({ language: c.language, file: file(c.file) })),
      signedForm: file(signedForm as StoredFile | null | undefined),
    },
    consent: story.consent
      ? { ...consent, people: (story.consent.people ?? []).map(({ id: _personId, ...person }) => person) }
      : null,
    internalNotes: story.internalNotes,
    history: historyOf(await auditTrail(strapi, documentId)),
  };
}

/** Records that the person looked at or downloaded their data. */
export const recordAccess = (strapi: Core.Strapi, data: PersonalData, documentId: string, actor: Actor, how: 'page' | 'download' | 'api') =>
  recordAudit(strapi, { storyDocumentId: documentId, referenceNumber: data.referenceNumber, action: 'data_accessed', ...actor, details: { how } });
