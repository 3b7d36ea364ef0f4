import type { Core } from '@strapi/strapi';
import type { ConsentRecord, ConsentPerson } from './consent-completeness';

const STORY = 'api::story.story';

/** Everything stored about a story, as the review detail, the data export (GDPR Art. 15) and the erasure read it. */

export interface StoredFile {
  id: number;
  name: string;
  url: string;
  mime: string | null;
  size: number | null;
}

export interface StoredPerson extends ConsentPerson {
  id?: number;
  channelWebsite?: boolean | null;
  channelYoutube?: boolean | null;
  channelSocial?: boolean | null;
}

export interface StoredConsent extends ConsentRecord {
  id?: number;
  consentedBy?: string | null;
  signedForm?: StoredFile | null;
  people?: StoredPerson[] | null;
  websiteWithdrawnAt?: string | null;
  youtubeWithdrawnAt?: string | null;
  socialWithdrawnAt?: string | null;
  withdrawalNote?: string | null;
}

export interface StoredContact {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  organisation?: string | null;
}

export interface StoredStory {
  id: number;
  documentId: string;
  title: string;
  slug: string;
  teaser: string | null;
  body: unknown;
  kind: string | null;
  language: string | null;
  place: string | null;
  recordedOn: string | null;
  youtubeVideoId: string | null;
  editorialStatus: string | null;
  referenceNumber: string | null;
  submittedAt: string | null;
  submissionSource: string | null;
  referralSource: string | null;
  creditPreference: string | null;
  needsFilmingHelp: boolean | null;
  needsEquipment: boolean | null;
  internalNotes: string | null;
  createdAt: string;
  updatedAt: string;
  region: { slug: string; name: string } | null;
  project: { slug: string; name: string } | null;
  themes: { slug: string; name: string }[];
  credits: { name: string; role: string | null }[];
  captions: { id?: number; language: string; file: StoredFile | null }[];
  video: StoredFile | null;
  cover: StoredFile | null;
  submitter: StoredContact | null;
  consent: StoredConsent | null;
}

const FILE = { fields: ['id', 'name', 'url', 'mime', 'size'] };

export const STORY_RECORD_POPULATE = {
  region: { fields: ['slug', 'name'] },
  project: { fields: ['slug', 'name'] },
  themes: { fields: ['slug', 'name'], sort: ['name:asc'] },
  credits: true,
  captions: { populate: { file: FILE } },
  video: FILE,
  cover: FILE,
  submitter: true,
  consent: { populate: { people: true, signedForm: FILE } },
};

export interface StoryRecord {
  story: StoredStory;
  /** When the published version went online, or null for a story that is not published. */
  publishedAt: string | null;
}

/** The draft (the version editors work on) and whether a published version exists. */
export async function loadStoryRecord(strapi: Core.Strapi, documentId: string): Promise<StoryRecord | null> {
  const draft = await strapi.documents(STORY).findOne({ documentId, status: 'draft', populate: STORY_RECORD_POPULATE as never });
  if (!draft) return null;
  const published = await strapi.db.query(STORY).findOne({ where: { documentId, publishedAt: { $notNull: true } }, select: ['publishedAt'] });
  return { story: draft as unknown as StoredStory, publishedAt: (published?.publishedAt as string | undefined) ?? null };
}
