import { STATUS_LABELS, isEditorialStatus } from './transitions';
import type { ConsentPerson, Gap } from '../../../../../shared/review';

export type { ConsentPerson, Gap };

/**
 * When a story may be published, in one pure module: the publish gate (src/api/story/story-rules.ts), the review
 * queue and the "Redaktion" panel all list the same gaps, in German, before and when an editor clicks "Veröffentlichen".
 *
 * A complete consent record has a date and the version of the consent text, is not withdrawn, and — when the story
 * shows a video — names at least one person shown or holds a signed paper form. Every minor needs guardians who
 * consented, a minor aged 14 or over also their own consent. A written story without a video may list nobody: the
 * submitter's own statements (or the editor's record of them) are the consent. A story that came through the form
 * or a partner also needs the submitter's statements: rights, terms, privacy notice, and with a video that everyone
 * shown agreed.
 */

export interface ConsentRecord {
  consentedAt?: string | Date | null;
  textVersion?: string | null;
  /** The uploaded form: a file object or id when present. */
  signedForm?: unknown;
  minorsShown?: boolean | null;
  guardianConsent?: boolean | null;
  people?: ConsentPerson[] | null;
  peopleAgreed?: boolean | null;
  rightsConfirmed?: boolean | null;
  termsAccepted?: boolean | null;
  privacyAccepted?: boolean | null;
  withdrawnAt?: string | Date | null;
}

export interface ReviewSubject {
  editorialStatus?: string | null;
  /** Set for stories that came through the form or a partner: their submitter's statements are required. */
  submissionSource?: string | null;
  hasVideo: boolean;
  consent?: ConsentRecord | null;
}

const present = (value: unknown) => value !== null && value !== undefined && value !== '' && !(typeof value === 'string' && value.trim() === '');

export const germanDate = (value: string | Date) =>
  new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(value));

function personGaps(person: ConsentPerson, index: number): Gap[] {
  const name = `Person „${person.nameOrRole?.trim() || `Nr. ${index + 1}`}“`;
  const at = (field: string) => ['consent', 'people', String(index), field];
  const gaps: Gap[] = [];
  // Publishing puts the story on this website and the partners' widgets: everyone shown must have agreed to that,
  // with an explicit yes — the public visibility rule (public-api/query.ts) shows nothing else.
  if (person.channelWebsite !== true) {
    gaps.push({ path: at('channelWebsite'), message: `${name}: hat der Veröffentlichung auf der Website und bei Partnern nicht zugestimmt.` });
  }
  if (!person.minor) return gaps;
  if (!present(person.guardians)) gaps.push({ path: at('guardians'), message: `${name}: Sorgeberechtigte sind nicht eingetragen.` });
  if (!person.guardianConsent) gaps.push({ path: at('guardianConsent'), message: `${name}: Einwilligung der Sorgeberechtigten fehlt.` });
  if (person.aged14OrOver && !person.ownConsent) {
    gaps.push({ path: at('ownConsent'), message: `${name}: eigene Einwilligung fehlt (ab 14 Jahren nötig).` });
  }
  return gaps;
}

function statementGaps(consent: ConsentRecord, hasVideo: boolean): Gap[] {
  const at = (field: string) => ['consent', field];
  const gaps: Gap[] = [];
  if (hasVideo && !consent.peopleAgreed) gaps.push({ path: at('peopleAgreed'), message: 'Einreichung: Bestätigung fehlt, dass alle gezeigten Personen einverstanden sind.' });
  if (!consent.rightsConfirmed) gaps.push({ path: at('rightsConfirmed'), message: 'Einreichung: Bestätigung der Rechte an Video, Bildern und Text fehlt.' });
  if (!consent.termsAccepted) gaps.push({ path: at('termsAccepted'), message: 'Einreichung: Die Teilnahmebedingungen wurden nicht akzeptiert.' });
  if (!consent.privacyAccepted) gaps.push({ path: at('privacyAccepted'), message: 'Einreichung: Die Datenschutzhinweise wurden nicht bestätigt.' });
  return gaps;
}

/** What the consent record lacks; empty when it is complete. */
export function consentGaps(subject: ReviewSubject): Gap[] {
  const consent = subject.consent;
  if (!consent) return [{ path: ['consent'], message: 'Einwilligung: Es ist keine Einwilligung erfasst.' }];
  const gaps: Gap[] = [];
  if (present(consent.withdrawnAt)) {
    gaps.push({ path: ['consent', 'withdrawnAt'], message: `Die Einwilligung wurde am ${germanDate(consent.withdrawnAt as string)} widerrufen.` });
  }
  if (!present(consent.consentedAt)) gaps.push({ path: ['consent', 'consentedAt'], message: 'Einwilligung: Datum fehlt.' });
  if (!present(consent.textVersion)) gaps.push({ path: ['consent', 'textVersion'], message: 'Einwilligung: Version des Einwilligungstexts fehlt.' });
  const people = consent.people ?? [];
  if (subject.hasVideo && people.length === 0 && !present(consent.signedForm)) {
    gaps.push({
      path: ['consent', 'people'],
      message: 'Einwilligung: Keine gezeigte Person eingetragen und kein unterschriebenes Formular hinterlegt.',
    });
  }
  const minorsListed = people.some((p) => p.minor);
  if (consent.minorsShown && !consent.guardianConsent && !minorsListed) {
    gaps.push({ path: ['consent', 'guardianConsent'], message: 'Einwilligung: Minderjährige sind zu sehen, die Einwilligung der Sorgeberechtigten fehlt.' });
  }
  people.forEach((person, index) => gaps.push(...personGaps(person, index)));
  if (present(subject.submissionSource)) gaps.push(...statementGaps(consent, subject.hasVideo));
  return gaps;
}

/** Everything that stands between the story and publication: its editorial status and its consent record. */
export function publishBlockers(subject: ReviewSubject): Gap[] {
  const gaps: Gap[] = [];
  if (subject.editorialStatus !== 'approved') {
    const label = isEditorialStatus(subject.editorialStatus) ? STATUS_LABELS[subject.editorialStatus] : 'nicht gesetzt';
    gaps.push({
      path: ['editorialStatus'],
      message: `Redaktionsstatus ist „${label}“: nur freigegebene Geschichten (Redaktionsstatus „freigegeben“) können veröffentlicht werden.`,
    });
  }
  return [...gaps, ...consentGaps(subject)];
}
