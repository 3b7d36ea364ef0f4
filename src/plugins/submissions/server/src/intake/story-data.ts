import type { CreditChoice } from '../../../../../shared/submission-form';
import type { SubmissionInput } from './schema';

/**
 * A submission as the draft story an editor opens: the text as blocks, a teaser from its first sentences, public
 * credits as the submitter chose them, contact and consent in private fields. Pure, so every rule is unit-tested.
 */

const TEASER_MAX = 300;
const TEASER_TARGET = 200;

export function paragraphs(text: string) {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ type: 'paragraph', children: [{ type: 'text', text: p }] }));
}

/** The first sentences up to about 200 characters, never more than 300 (the teaser's limit), cut at a word. */
export function teaserOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentences = flat.match(/[^.!?…]+(?:[.!?…]+["“”»«']?|$)\s*/g) ?? [flat];
  let teaser = '';
  for (const sentence of sentences) {
    if (teaser && (teaser + sentence).trim().length > TEASER_TARGET) break;
    teaser += sentence;
  }
  teaser = teaser.trim();
  if (teaser.length <= TEASER_MAX) return teaser;
  const cut = teaser.slice(0, TEASER_MAX - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length).trim()}…`;
}

/** What the public sees of the submitter: all, the first name, the organisation — or nothing at all. */
export function creditsFor(choice: CreditChoice, person: { name: string; organisation?: string }) {
  switch (choice) {
    case 'full':
      return [{ name: person.name }];
    case 'first-name':
      return [{ name: person.name.split(/\s+/)[0] }];
    case 'organisation':
      return person.organisation ? [{ name: person.organisation }] : [];
    case 'anonymous':
      return [];
  }
}

export interface StoryLinks {
  referenceNumber: string;
  now: Date;
  source: 'form' | 'partner';
  consentTextVersion: string;
  region: string;
  themes: string[];
  project?: string;
  media: { video?: number; cover?: number; captions?: number };
}

export function consentRecord(input: SubmissionInput, at: Date, textVersion: string) {
  return {
    consentedBy: input.name,
    consentedAt: at.toISOString(),
    textVersion,
    minorsShown: input.minorsShown,
    guardianConsent: input.minorsShown && input.consentGuardian,
    people: input.people.map((p) => ({
      nameOrRole: p.nameOrRole,
      minor: p.minor,
      aged14OrOver: p.aged14OrOver,
      guardians: p.guardians ?? null,
      guardianConsent: p.guardianConsent,
      ownConsent: p.ownConsent,
      channelWebsite: p.channelWebsite,
      channelYoutube: p.channelYoutube,
      channelSocial: p.channelSocial,
    })),
    // The one statement "everyone shown agreed, and the music and footage may be used" covers both.
    peopleAgreed: input.consentPeople,
    rightsConfirmed: input.consentPeople,
    termsAccepted: input.acceptTerms,
    privacyAccepted: input.consentPrivacy,
  };
}

export function storyData(input: SubmissionInput, links: StoryLinks) {
  const { media } = links;
  return {
    title: input.title,
    teaser: teaserOf(input.story),
    body: paragraphs(input.story),
    kind: input.kind,
    region: links.region,
    themes: links.themes,
    ...(links.project && { project: links.project }),
    ...(media.video && { video: media.video }),
    ...(input.youtubeUrl && { youtubeVideoId: input.youtubeUrl }),
    ...(media.cover && { cover: media.cover }),
    captions: media.captions ? [{ language: input.captionsLanguage, file: media.captions }] : [],
    credits: creditsFor(input.credit, input),
    submitter: { name: input.name, email: input.email, phone: input.phone ?? null, organisation: input.organisation ?? null },
    consent: consentRecord(input, links.now, links.consentTextVersion),
    editorialStatus: 'submitted' as const,
    referenceNumber: links.referenceNumber,
    submittedAt: links.now.toISOString(),
    submissionSource: links.source,
    referralSource: input.referralSource ?? null,
    creditPreference: input.credit,
    needsFilmingHelp: input.needsFilmingHelp,
    needsEquipment: input.needsEquipment,
  };
}
