import { parseSubmission, type FieldError } from '../../src/plugins/submissions/server/src/intake/schema';
import { adult, writtenStory } from '../support/submission';

/** The submission's rules without HTTP: coercion of form values and every rule across fields. */

const paths = (errors: FieldError[]) => errors.map((e) => e.path.join('.')).sort();

function errorsOf(raw: Record<string, unknown>) {
  const result = parseSubmission(raw);
  if (result.ok) throw new Error('expected the submission to be refused');
  return result.errors;
}

function inputOf(raw: Record<string, unknown>) {
  const result = parseSubmission(raw);
  if (!result.ok) throw new Error(`expected the submission to pass: ${JSON.stringify(result.errors)}`);
  return result.input;
}

const file = (name: string) => ({ path: `/tmp/${name}`, name, size: 1000 });

describe('form values are understood as people send them', () => {
  test('ticked boxes arrive as "on", "true", "1" or "ja"; unticked as "off", "false" or nothing', () => {
    for (const yes of ['on', 'true', '1', 'ja', true])
      expect(inputOf(writtenStory({ consentPeople: yes, needsFilmingHelp: yes })).needsFilmingHelp).toBe(true);
    for (const no of ['off', 'false', '0', '', undefined]) expect(inputOf(writtenStory({ needsFilmingHelp: no })).needsFilmingHelp).toBe(false);
    expect(paths(errorsOf(writtenStory({ needsEquipment: 'vielleicht' })))).toEqual(['needsEquipment']);
  });

  test.each([
    ['AWO-Goettingen', 'awo-goettingen'],
    [' stadtbibliothek_celle.banner ', 'stadtbibliothek_celle.banner'],
    [['erste', 'zweite'], 'zweite'],
    ['x'.repeat(64), 'x'.repeat(64)],
    ['x'.repeat(65), undefined],
    ['mit leerzeichen', undefined],
    ['göttingen', undefined],
    ['<script>', undefined],
    [42, undefined],
  ])('the partner link’s source %j is taken as %j, and never refuses the story', (given, stored) => {
    expect(inputOf(writtenStory({ referralSource: given })).referralSource).toBe(stored);
  });

  test('themes as repeated fields, a comma list or a JSON array, without duplicates', () => {
    expect(inputOf(writtenStory({ themes: ['sprache', 'arbeit', 'sprache'] })).themes).toEqual(['sprache', 'arbeit']);
    expect(inputOf(writtenStory({ themes: 'sprache, arbeit' })).themes).toEqual(['sprache', 'arbeit']);
    expect(inputOf(writtenStory({ themes: '["sprache","kultur"]' })).themes).toEqual(['sprache', 'kultur']);
    expect(inputOf(writtenStory({ themes: undefined })).themes).toEqual([]);
  });

  test('people as a JSON string (a form field) or as a list (a JSON body)', () => {
    const people = [adult('Amal Haddad')];
    const youtubeUrl = 'https://youtu.be/dQw4w9WgXcQ';
    expect(inputOf(writtenStory({ youtubeUrl, people: JSON.stringify(people) })).people).toHaveLength(1);
    expect(inputOf(writtenStory({ youtubeUrl, people })).people[0]).toMatchObject({
      nameOrRole: 'Amal Haddad',
      channelWebsite: true,
      channelSocial: false,
    });
  });

  test('text is trimmed, Windows line breaks become plain ones, an empty optional field is no field', () => {
    const input = inputOf(writtenStory({ title: '  Mein Weg  ', story: 'Erster Absatz mit Text.\r\n\r\nZweiter Absatz.', phone: '   ' }));
    expect(input.title).toBe('Mein Weg');
    expect(input.story).toBe('Erster Absatz mit Text.\n\nZweiter Absatz.');
    expect(input.phone).toBeUndefined();
  });

  test('any YouTube address form becomes the video id; a finished upload is named by its URL or id', () => {
    for (const url of ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'youtu.be/dQw4w9WgXcQ', 'https://m.youtube.com/shorts/dQw4w9WgXcQ']) {
      expect(inputOf(writtenStory({ youtubeUrl: url, people: [adult('A')] })).youtubeUrl).toBe('dQw4w9WgXcQ');
    }
    const id = '0123456789abcdef0123456789abcdef';
    expect(inputOf(writtenStory({ videoUpload: `https://site.example/api/v1/uploads/${id}`, people: [adult('A')] })).videoUpload).toBe(id);
    expect(paths(errorsOf(writtenStory({ videoUpload: '../../etc/passwd', people: [adult('A')] })))).toEqual(['videoUpload']);
  });
});

describe('rules across fields', () => {
  test('one video source only: file, finished upload or YouTube link', () => {
    const people = [adult('A')];
    expect(paths(errorsOf(writtenStory({ video: file('v.mp4'), youtubeUrl: 'https://youtu.be/dQw4w9WgXcQ', people })))).toEqual(['youtubeUrl']);
    expect(paths(errorsOf(writtenStory({ video: file('v.mp4'), videoUpload: '0123456789abcdef0123456789abcdef', people })))).toEqual(['videoUpload']);
  });

  test('captions need a video file; a video needs the people shown', () => {
    expect(paths(errorsOf(writtenStory({ captions: file('de.vtt') })))).toEqual(['captions']);
    expect(paths(errorsOf(writtenStory({ video: file('v.mp4') })))).toEqual(['people']);
    expect(inputOf(writtenStory({ people: [] })).people).toEqual([]);
  });

  test('a minor needs guardians and their consent, from 14 also their own, and the submitter says so too', () => {
    const minor = { nameOrRole: 'Mira', minor: true, aged14OrOver: true, channelWebsite: true };
    expect(paths(errorsOf(writtenStory({ youtubeUrl: 'https://youtu.be/dQw4w9WgXcQ', people: [minor] })))).toEqual([
      'consentGuardian',
      'consentMinor',
      'people.0.guardianConsent',
      'people.0.guardians',
      'people.0.ownConsent',
    ]);
    const complete = { ...minor, guardians: 'Eltern', guardianConsent: true, ownConsent: true };
    const input = inputOf(
      writtenStory({ youtubeUrl: 'https://youtu.be/dQw4w9WgXcQ', people: [complete], consentGuardian: true, consentMinor: true })
    );
    expect(input.minorsShown).toBe(true);
  });

  test('a minor under 14 needs no own consent, and the statement for young people is not asked', () => {
    const child = { nameOrRole: 'Sohn Elias', minor: true, guardians: 'Amal Haddad', guardianConsent: true, channelWebsite: true };
    expect(inputOf(writtenStory({ youtubeUrl: 'https://youtu.be/dQw4w9WgXcQ', people: [child], consentGuardian: true })).people[0].ownConsent).toBe(
      false
    );
  });

  test('what an adult is marked with for minors is dropped, so the consent record does not contradict itself', () => {
    const person = { ...adult('Amal'), aged14OrOver: true, guardians: 'Eltern', guardianConsent: true, ownConsent: true };
    expect(inputOf(writtenStory({ youtubeUrl: 'https://youtu.be/dQw4w9WgXcQ', people: [person] })).people[0]).toMatchObject({
      minor: false,
      aged14OrOver: false,
      guardians: undefined,
      guardianConsent: false,
      ownConsent: false,
    });
  });

  test('a written story saying minors are shown still needs the guardians’ consent', () => {
    expect(paths(errorsOf(writtenStory({ minorsShown: true })))).toEqual(['consentGuardian']);
    expect(inputOf(writtenStory({ minorsShown: true, consentGuardian: true })).minorsShown).toBe(true);
  });
});
