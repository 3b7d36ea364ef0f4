import { parseSubmission, type SubmissionInput } from '../../src/plugins/submissions/server/src/intake/schema';
import { creditsFor, paragraphs, storyData, teaserOf } from '../../src/plugins/submissions/server/src/intake/story-data';
import { consentGaps } from '../../src/plugins/submissions/server/src/review/consent-completeness';
import { adult, writtenStory } from '../support/submission';

/** How a submission becomes the draft an editor opens. */

function input(raw: Record<string, unknown>): SubmissionInput {
  const result = parseSubmission(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.input;
}

const links = {
  referenceNumber: 'ZM-2026-4F7K2Q',
  now: new Date('2026-11-29T10:00:00Z'),
  source: 'form' as const,
  consentTextVersion: '2026-01',
  region: 'region-document-id',
  themes: ['theme-a', 'theme-b'],
  media: { video: 11, cover: 12, captions: 13 },
};

describe('credits follow the submitter’s choice', () => {
  const person = { name: 'Samira Okonkwo-Weber', organisation: 'Frauencafé Nordstadt e. V.' };
  test.each([
    ['full', [{ name: 'Samira Okonkwo-Weber' }]],
    ['first-name', [{ name: 'Samira' }]],
    ['organisation', [{ name: 'Frauencafé Nordstadt e. V.' }]],
    ['anonymous', []],
  ] as const)('%s', (choice, expected) => {
    expect(creditsFor(choice, person)).toEqual(expected);
  });
});

describe('the text', () => {
  test('blank lines separate paragraphs; single line breaks stay inside one', () => {
    expect(paragraphs('Erste Zeile\nzweite Zeile\n\n\nNeuer Absatz.')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'Erste Zeile\nzweite Zeile' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'Neuer Absatz.' }] },
    ]);
  });

  test('the teaser is the first sentences up to about 200 characters', () => {
    const first = 'Vor drei Jahren kam ich nach Göttingen, ohne ein Wort Deutsch zu sprechen.';
    const second = 'Heute mache ich eine Ausbildung zur Pflegefachfrau im Klinikum.';
    const third = 'Meine Kolleginnen haben mir sehr geholfen, und ich helfe jetzt neuen Auszubildenden beim Start in den Beruf und im Alltag.';
    expect(teaserOf(`${first} ${second}\n\n${third}`)).toBe(`${first} ${second}`);
  });

  test('a first sentence longer than 300 characters is cut at a word, never beyond 300', () => {
    const long = Array.from({ length: 80 }, (_, i) => `Wort${i}`).join(' ');
    const teaser = teaserOf(long);
    expect(teaser.length).toBeLessThanOrEqual(300);
    expect(teaser.endsWith('…')).toBe(true);
    expect(long.startsWith(teaser.slice(0, -1))).toBe(true);
  });
});

describe('the draft story', () => {
  test('is "submitted", keeps contact and preferences private, links its media', () => {
    const data = storyData(input(writtenStory({ video: { path: '/tmp/v', name: 'v.mp4', size: 1 }, people: [adult('Amal Haddad')] })), links);
    expect(data).toMatchObject({
      editorialStatus: 'submitted',
      referenceNumber: 'ZM-2026-4F7K2Q',
      submittedAt: '2026-11-29T10:00:00.000Z',
      submissionSource: 'form',
      creditPreference: 'full',
      region: 'region-document-id',
      themes: ['theme-a', 'theme-b'],
      video: 11,
      cover: 12,
      captions: [{ language: 'de', file: 13 }],
      submitter: { name: 'Amal Haddad', email: 'amal.haddad@example.org', phone: '+49 551 123456', organisation: null },
      kind: 'personal',
    });
  });

  test('its consent record is complete by the publish gate’s rules, for adults and for minors', () => {
    const minor = {
      nameOrRole: 'Mira',
      minor: true,
      aged14OrOver: true,
      guardians: 'Eltern',
      guardianConsent: true,
      ownConsent: true,
      channelWebsite: true,
    };
    const raw = writtenStory({
      youtubeUrl: 'https://youtu.be/dQw4w9WgXcQ',
      people: [adult('Amal'), minor],
      consentGuardian: true,
      consentMinor: true,
    });
    const data = storyData(input(raw), { ...links, media: {} });
    expect(data.consent).toMatchObject({
      consentedBy: 'Amal Haddad',
      consentedAt: '2026-11-29T10:00:00.000Z',
      textVersion: '2026-01',
      minorsShown: true,
    });
    expect(consentGaps({ editorialStatus: 'approved', submissionSource: 'form', hasVideo: true, consent: data.consent })).toEqual([]);
  });

  test('a written story has a complete consent record without any person listed', () => {
    const data = storyData(input(writtenStory()), { ...links, media: {} });
    expect(data.consent.people).toEqual([]);
    expect(data.captions).toEqual([]);
    expect(consentGaps({ editorialStatus: 'approved', submissionSource: 'form', hasVideo: false, consent: data.consent })).toEqual([]);
  });
});
