import request from 'supertest';
import { startStrapi, type TestApp } from '../support/strapi';
import { createProject, createStory } from '../support/fixtures';

/**
 * Every private field (and every draft) gets a value no public response may ever contain; then every public
 * endpoint is asked for everything it can be asked for, and each answer is searched for those values.
 */
const CANARY = 'CANARY7f3a';
const STORY = 'api::story.story';
let app: TestApp;
let publishedDocumentId: string;

beforeAll(async () => {
  app = await startStrapi();
  const file = await app.strapi.db.query('plugin::upload.file').create({
    data: {
      name: `${CANARY}-signed-form.pdf`,
      hash: `${CANARY}_signed`,
      ext: '.pdf',
      mime: 'application/pdf',
      size: 1,
      url: `/uploads/${CANARY}_signed.pdf`,
      provider: 'local',
    },
  });
  const contact = (what: string) => ({
    name: `${CANARY}-${what}-name`,
    email: `${CANARY.toLowerCase()}-${what}@example.org`,
    phone: `+49 ${CANARY}-${what}`,
    organisation: `${CANARY}-${what}-org`,
  });
  const project = await createProject(app.strapi, 'Sprachcafé Nordstadt', { contact: contact('project') });
  publishedDocumentId = await createStory(app.strapi, {
    title: 'Vom Sprachkurs in die Ausbildung',
    region: 'region-hannover',
    themes: ['sprache', 'ausbildung'],
    project: 'sprachcafe-nordstadt',
    data: {
      internalNotes: `${CANARY}-notes`,
      editorialStatus: 'approved',
      submitter: contact('submitter'),
      consent: {
        consentedBy: `${CANARY}-consented-by`,
        consentedAt: '2026-05-01T10:00:00.000Z',
        textVersion: `${CANARY}-v1`,
        signedForm: file.id,
        minorsShown: true,
        guardianConsent: true,
        withdrawalNote: `${CANARY}-withdrawal`,
        people: [{ nameOrRole: `${CANARY}-person`, minor: true, guardians: `${CANARY}-guardian`, guardianConsent: true, ownConsent: true }],
      },
    },
  });
  expect(project).toBeTruthy();
  await app.strapi.documents(STORY).update({ documentId: publishedDocumentId, data: { teaser: `${CANARY}-unpublished-edit` } as never });
  await createStory(app.strapi, { title: `${CANARY} draft only`, region: 'goettingen', themes: ['sport'], publish: false });
});
afterAll(async () => {
  await app?.stop();
});

const PRIVATE_KEYS = ['internalNotes', 'editorialStatus', 'submitter', 'consent', 'contact', 'signedForm'];

const PUBLIC_ENDPOINTS = [
  '/api/stories',
  '/api/stories?populate=*',
  '/api/stories?populate[consent][populate]=*',
  '/api/stories?populate[submitter]=*',
  '/api/stories?populate[project][populate]=*',
  '/api/stories?populate[region][populate][stories][populate]=*',
  '/api/stories?fields[0]=internalNotes&fields[1]=editorialStatus&fields[2]=title',
  '/api/stories?status=draft',
  '/api/stories?status=draft&populate=*',
  '/api/stories?publicationState=preview',
  '/api/stories/:published?populate=*',
  '/api/stories/:published?status=draft',
  '/api/projects?populate=*',
  '/api/projects?populate[contact]=*',
  '/api/projects?populate[stories][populate]=*',
  '/api/regions?populate=*&pagination[pageSize]=100',
  '/api/regions?populate[stories][populate]=*&pagination[pageSize]=100',
  '/api/themes?populate=*',
  '/api/themes?populate[stories][populate]=*',
  '/api/upload/files',
  '/api/users',
];

describe('no private field and no draft leaves the admin', () => {
  test.each(PUBLIC_ENDPOINTS)('GET %s contains no private value', async (url) => {
    const res = await request(app.server).get(url.replace(':published', publishedDocumentId));
    const text = res.text;
    expect(text).not.toContain(CANARY);
    expect(text.toLowerCase()).not.toContain(CANARY.toLowerCase());
    // A 400 may echo the key the client itself asked for ("Invalid key consent"); any other answer must not name it.
    if (res.status !== 400) for (const key of PRIVATE_KEYS) expect(text).not.toContain(`"${key}"`);
  });

  test('the published story itself is served (the canary test would be empty otherwise)', async () => {
    const res = await request(app.server).get(`/api/stories/${publishedDocumentId}?populate=*`);
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('Vom Sprachkurs in die Ausbildung');
    expect(res.body.data.region.slug).toBe('region-hannover');
    expect(res.body.data.project.name).toBe('Sprachcafé Nordstadt');
  });

  test.each(['internalNotes', 'editorialStatus', 'submitter][name', 'consent][consentedBy'])(
    'filtering on the private field %s is refused instead of answering',
    async (field) => {
      const res = await request(app.server).get(`/api/stories?filters[${field}][$contains]=${CANARY}`);
      expect(res.status).toBe(400);
    }
  );

  test('the public role cannot write', async () => {
    const res = await request(app.server).post('/api/stories').send({ data: { title: 'Von außen' } });
    expect(res.status).toBe(403);
    expect(await app.strapi.db.query(STORY).count({ where: { title: 'Von außen' } })).toBe(0);
  });

  test('nobody can sign up for an account through the public API', async () => {
    const res = await request(app.server)
      .post('/api/auth/local/register')
      .send({ username: 'intruder', email: 'intruder@example.org', password: 'Intruder12345' });
    expect(res.status).toBe(403);
    expect(await app.strapi.db.query('plugin::users-permissions.user').count()).toBe(0);
  });
});
