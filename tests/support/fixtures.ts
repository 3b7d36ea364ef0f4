import type { Core } from '@strapi/strapi';

const STORY = 'api::story.story';

export async function documentIdOf(strapi: Core.Strapi, uid: 'api::region.region' | 'api::theme.theme' | 'api::project.project', slug: string) {
  const row = await strapi.db.query(uid).findOne({ where: { slug }, select: ['documentId'] });
  if (!row) throw new Error(`fixture: no ${uid} with slug ${slug}`);
  return row.documentId as string;
}

export interface StoryFixture {
  title: string;
  region?: string;
  themes?: string[];
  project?: string;
  publish?: boolean;
  data?: Record<string, unknown>;
}

/**
 * A consent record the publish gate accepts for any story: dated, with the text version and one adult shown. A test
 * that passes its own `consent` in `data` replaces it (and must make it complete to publish).
 */
export const completeConsent = () => ({
  consentedBy: 'Test-Einwilligung',
  consentedAt: '2026-01-05T10:00:00.000Z',
  textVersion: 'test-2026-01',
  people: [{ nameOrRole: 'Erzählende Person' }],
});

/**
 * Creates a story through the Document Service, the way the admin does, and publishes it unless told not to. By
 * default the story is approved with a complete consent record, so it passes the publish gate.
 */
export async function createStory(strapi: Core.Strapi, fixture: StoryFixture) {
  const region = fixture.region ? await documentIdOf(strapi, 'api::region.region', fixture.region) : undefined;
  const themes = await Promise.all((fixture.themes ?? []).map((t) => documentIdOf(strapi, 'api::theme.theme', t)));
  const project = fixture.project ? await documentIdOf(strapi, 'api::project.project', fixture.project) : undefined;
  const draft = await strapi.documents(STORY).create({
    data: {
      title: fixture.title,
      teaser: `Teaser: ${fixture.title}`,
      kind: 'personal',
      editorialStatus: 'approved',
      consent: completeConsent(),
      ...(region && { region }),
      ...(themes.length && { themes }),
      ...(project && { project }),
      ...fixture.data,
    } as never,
  });
  if (fixture.publish !== false) await strapi.documents(STORY).publish({ documentId: draft.documentId });
  return draft.documentId;
}

export async function createProject(strapi: Core.Strapi, name: string, data: Record<string, unknown> = {}) {
  const project = await strapi.documents('api::project.project').create({ data: { name, organisation: `${name} e. V.`, ...data } as never });
  await strapi.documents('api::project.project').publish({ documentId: project.documentId });
  return project.documentId;
}

/** What the submission form records: the submitter's consent with their four statements and the person shown. */
export const formConsent = () => ({
  consentedBy: 'Amal Haddad',
  consentedAt: '2026-02-01T09:30:00.000Z',
  textVersion: '2026-01',
  people: [{ nameOrRole: 'Amal Haddad', channelWebsite: true, channelYoutube: true }],
  peopleAgreed: true,
  rightsConfirmed: true,
  termsAccepted: true,
  privacyAccepted: true,
});

let submissions = 0;

export interface SubmissionFixture {
  title: string;
  region?: string;
  themes?: string[];
  data?: Record<string, unknown>;
}

/** A story as the submission form leaves it: status "submitted", a reference number, the submitter, their consent. */
export async function createSubmission(strapi: Core.Strapi, fixture: SubmissionFixture) {
  submissions += 1;
  return createStory(strapi, {
    title: fixture.title,
    region: fixture.region ?? 'goettingen',
    themes: fixture.themes ?? ['sprache'],
    publish: false,
    data: {
      editorialStatus: 'submitted',
      submissionSource: 'form',
      referenceNumber: `ZM-2026-T${String(submissions).padStart(5, '0')}`,
      submittedAt: new Date().toISOString(),
      submitter: { name: 'Amal Haddad', email: `amal.${submissions}@example.org`, phone: '+49 551 123456' },
      consent: formConsent(),
      ...fixture.data,
    },
  });
}
