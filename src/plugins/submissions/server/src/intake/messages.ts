import { SUBMISSION_LIMITS as LIMITS } from '../../../../../shared/submission-form';

/**
 * Every message the submission API answers with, German first and English after a slash, in one place so the
 * wording stays consistent. Plain language: many submitters read German as a second language.
 */

const both = (de: string, en: string) => `${de} / ${en}`;

/** The form's limits (src/shared/submission-form.ts: the OpenAPI document publishes them too). */
export { LIMITS };

const mb = (bytes: number) => `${Math.floor(bytes / (1024 * 1024))} MB`;
const formats = (names: readonly string[]) => names.map((n) => n.toUpperCase()).join(', ');
/** A wait in words: minutes up to two hours, then hours (rounded up, never "0"). */
const wait = (seconds: number) => {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes < 120) return { de: `${minutes} Minuten`, en: `${minutes} minutes` };
  const hours = Math.ceil(minutes / 60);
  return { de: `${hours} Stunden`, en: `${hours} hours` };
};

export const MESSAGES = {
  invalid: both('Bitte prüfen Sie die markierten Angaben.', 'Please check the marked fields.'),
  tooLarge: both('Eine Datei ist zu groß.', 'A file is too large.'),

  titleRequired: both('Bitte geben Sie einen Titel an.', 'Please enter a title.'),
  titleShort: both(
    `Der Titel ist zu kurz: bitte mindestens ${LIMITS.titleMin} Zeichen.`,
    `The title is too short: at least ${LIMITS.titleMin} characters.`
  ),
  titleLong: both(
    `Der Titel darf höchstens ${LIMITS.titleMax} Zeichen haben (Grenze von YouTube).`,
    `The title may have at most ${LIMITS.titleMax} characters (YouTube's limit).`
  ),
  titleBrackets: both(
    'Der Titel darf die Zeichen < und > nicht enthalten (YouTube erlaubt sie nicht).',
    'The title must not contain < or > (YouTube does not allow them).'
  ),
  storyRequired: both('Bitte erzählen Sie Ihre Geschichte in ein paar Sätzen.', 'Please tell your story in a few sentences.'),
  storyShort: both(`Bitte schreiben Sie mindestens ${LIMITS.storyMin} Zeichen.`, `Please write at least ${LIMITS.storyMin} characters.`),
  storyLong: both('Der Text darf höchstens 10.000 Zeichen haben.', 'The text may have at most 10,000 characters.'),
  nameRequired: both('Bitte geben Sie Ihren Namen an.', 'Please enter your name.'),
  nameLong: both(`Der Name darf höchstens ${LIMITS.nameMax} Zeichen haben.`, `The name may have at most ${LIMITS.nameMax} characters.`),
  email: both(
    'Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.',
    'Please enter a valid e-mail address, e.g. name@example.org.'
  ),
  phone: both(
    'Bitte geben Sie die Telefonnummer nur mit Ziffern, Leerzeichen und + - / ( ) an.',
    'Please enter the phone number with digits, spaces and + - / ( ) only.'
  ),
  organisationLong: both(
    `Der Name der Organisation darf höchstens ${LIMITS.organisationMax} Zeichen haben.`,
    `The organisation's name may have at most ${LIMITS.organisationMax} characters.`
  ),
  organisationForCredit: both(
    'Sie möchten mit Ihrer Organisation genannt werden: Bitte geben Sie die Organisation an.',
    'You chose to be credited as an organisation: please enter its name.'
  ),
  regionRequired: both('Bitte wählen Sie Ihren Landkreis oder Ihre Stadt.', 'Please choose your district or city.'),
  regionUnknown: (value: string) =>
    both(
      `Diese Region kennen wir nicht: „${value}“. Bitte wählen Sie einen Landkreis oder eine kreisfreie Stadt in Niedersachsen.`,
      `Unknown region "${value}". Please choose a district or city in Lower Saxony.`
    ),
  themesUnknown: (values: string[]) => both(`Diese Themen kennen wir nicht: ${values.join(', ')}.`, `Unknown themes: ${values.join(', ')}.`),
  themesTooMany: both(`Bitte wählen Sie höchstens ${LIMITS.themesMax} Themen.`, `Please choose at most ${LIMITS.themesMax} themes.`),
  themesUnreadable: both(
    'Die Themen sind nicht lesbar: bitte als Liste von Kurznamen senden.',
    'The themes could not be read: send a list of slugs.'
  ),
  projectUnknown: (value: string) =>
    both(`Dieses Projekt gibt es bei uns nicht (oder noch nicht öffentlich): „${value}“.`, `There is no published project "${value}".`),
  projectLong: both('Der Kurzname des Projekts ist zu lang.', "The project's slug is too long."),
  fileExpected: both('Dateien bitte als multipart/form-data senden.', 'Please send files as multipart/form-data.'),
  kind: both('Bitte wählen Sie „personal“ (persönliche Geschichte) oder „project“ (Projekt).', 'Please choose "personal" or "project".'),
  youtubeUrl: both(
    'Das ist kein YouTube-Link. Erlaubt sind Links wie https://www.youtube.com/watch?v=… oder https://youtu.be/….',
    'This is not a YouTube link. Use a link like https://www.youtube.com/watch?v=… or https://youtu.be/….'
  ),
  oneVideoSource: both(
    'Bitte entweder eine Video-Datei hochladen oder einen YouTube-Link angeben – nicht beides.',
    'Please either upload a video file or give a YouTube link, not both.'
  ),
  videoUploadUnknown: both(
    'Der Video-Upload wurde nicht gefunden oder ist abgelaufen. Bitte laden Sie das Video noch einmal hoch.',
    'The video upload was not found or has expired. Please upload the video again.'
  ),
  videoUploadIncomplete: both(
    'Das Video ist noch nicht vollständig hochgeladen. Bitte warten Sie, bis der Upload fertig ist.',
    'The video has not been uploaded completely yet. Please wait until the upload has finished.'
  ),
  videoType: (allowed: readonly string[]) =>
    both(
      `Diese Datei ist kein Video in einem erlaubten Format (${formats(allowed)}).`,
      `This file is not a video in an accepted format (${formats(allowed)}).`
    ),
  videoSize: (max: number) => both(`Das Video ist zu groß: höchstens ${mb(max)}.`, `The video is too large: at most ${mb(max)}.`),
  videoEmpty: both('Die Video-Datei ist leer.', 'The video file is empty.'),
  coverType: both('Das Titelbild muss ein Foto im Format JPEG, PNG oder WebP sein.', 'The cover must be a JPEG, PNG or WebP image.'),
  coverHeic: both(
    'Das Titelbild ist im iPhone-Format HEIC. Bitte senden Sie es als JPEG (iPhone: Einstellungen → Kamera → Formate → „Maximale Kompatibilität“) oder machen Sie ein Bildschirmfoto.',
    'The cover is in the iPhone format HEIC. Please send it as JPEG (iPhone: Settings → Camera → Formats → "Most Compatible") or take a screenshot.'
  ),
  coverSize: (max: number) => both(`Das Titelbild ist zu groß: höchstens ${mb(max)}.`, `The cover image is too large: at most ${mb(max)}.`),
  captionsType: both(
    'Die Untertitel müssen eine WebVTT-Datei (.vtt) oder SRT-Datei (.srt) mit Zeitangaben sein.',
    'The captions must be a WebVTT (.vtt) or SubRip (.srt) file with timings.'
  ),
  captionsSize: (max: number) =>
    both(
      `Die Untertitel-Datei ist zu groß: höchstens ${Math.floor(max / 1024)} KB.`,
      `The captions file is too large: at most ${Math.floor(max / 1024)} KB.`
    ),
  captionsWithoutVideo: both(
    'Untertitel gehören zu einer Video-Datei: Bitte laden Sie auch das Video hoch.',
    'Captions belong to a video file: please upload the video too.'
  ),
  captionsLanguage: both('Bitte wählen Sie die Sprache der Untertitel.', 'Please choose the language of the captions.'),
  credit: both(
    'Bitte wählen Sie, wie Sie genannt werden möchten: mit vollem Namen, nur mit Vornamen, mit Ihrer Organisation oder gar nicht (anonym).',
    'Please choose how you want to be credited: full name, first name only, organisation or not at all (anonymous).'
  ),
  consentPeople: both(
    'Bitte bestätigen Sie, dass alle gezeigten Personen einverstanden sind und Musik und Aufnahmen verwendet werden dürfen.',
    'Please confirm that everyone shown agreed and that the music and footage may be used.'
  ),
  consentPrivacy: both(
    'Bitte bestätigen Sie, dass Sie die Datenschutzhinweise gelesen haben.',
    'Please confirm that you have read the privacy notice.'
  ),
  acceptTerms: both('Bitte akzeptieren Sie die Teilnahmebedingungen.', 'Please accept the conditions of participation.'),
  consentGuardian: both(
    'Es sind Minderjährige zu sehen: Bitte bestätigen Sie, dass ihre Erziehungsberechtigten eingewilligt haben.',
    'Minors are shown: please confirm that their parents or guardians consented.'
  ),
  consentMinor: both(
    'Es ist eine minderjährige Person ab 14 Jahren zu sehen: Bitte bestätigen Sie, dass sie auch selbst eingewilligt hat.',
    'A minor aged 14 or over is shown: please confirm that they consented themselves too.'
  ),
  minorsNotMarked: both(
    'Sie haben angegeben, dass Minderjährige zu sehen sind: Bitte markieren Sie diese in der Liste der Personen.',
    'You said that minors are shown: please mark them in the list of people.'
  ),
  peopleRequired: both(
    'Bitte tragen Sie jede Person ein, die im Video zu sehen ist (Name oder Rolle).',
    'Please list every person shown in the video (name or role).'
  ),
  peopleUnreadable: both(
    'Die Liste der gezeigten Personen ist nicht lesbar (eine JSON-Liste wird erwartet).',
    'The list of people shown could not be read (a JSON list is expected).'
  ),
  peopleTooMany: both(`Bitte höchstens ${LIMITS.peopleMax} Personen eintragen.`, `Please list at most ${LIMITS.peopleMax} people.`),
  personName: both(
    'Bitte geben Sie Name oder Rolle der Person an (z. B. „Trainerin“).',
    'Please enter the name or role of the person (e.g. "coach").'
  ),
  personNameLong: both(`Name oder Rolle: höchstens ${LIMITS.nameOrRoleMax} Zeichen.`, `Name or role: at most ${LIMITS.nameOrRoleMax} characters.`),
  personGuardians: both(
    'Bitte nennen Sie die Erziehungsberechtigten dieser minderjährigen Person.',
    "Please name this minor's parents or guardians."
  ),
  personGuardiansLong: both(
    `Erziehungsberechtigte: höchstens ${LIMITS.guardiansMax} Zeichen.`,
    `Parents or guardians: at most ${LIMITS.guardiansMax} characters.`
  ),
  personGuardianConsent: both(
    'Für diese minderjährige Person fehlt die Einwilligung der Erziehungsberechtigten.',
    "The consent of this minor's parents or guardians is missing."
  ),
  personOwnConsent: both(
    'Diese Person ist 14 Jahre oder älter: Bitte bestätigen Sie auch ihre eigene Einwilligung.',
    'This person is 14 or older: please confirm their own consent too.'
  ),
  personChannels: both(
    'Bitte wählen Sie mindestens einen Ort, an dem die Person gezeigt werden darf (Website, YouTube, soziale Medien).',
    'Please choose at least one place where this person may be shown (website, YouTube, social media).'
  ),
  yesNo: both('Bitte mit Ja oder Nein beantworten (true/false).', 'Please answer yes or no (true/false).'),

  rateLimited: (minutes: number) =>
    both(
      `Von dieser Internet-Adresse kamen zu viele Einsendungen. Bitte versuchen Sie es in ${minutes} Minuten noch einmal.`,
      `Too many submissions from this address. Please try again in ${minutes} minutes.`
    ),
  partnerSecret: both('Das Partner-Kennwort (X-Submission-Secret) ist falsch.', 'The partner secret (X-Submission-Secret) is wrong.'),
  uploadType: (allowed: readonly string[]) =>
    both(`Bitte laden Sie ein Video im Format ${formats(allowed)} hoch.`, `Please upload a video in one of these formats: ${formats(allowed)}.`),
  uploadLength: both(
    'Die Größe des Videos muss beim Start des Uploads bekannt sein (Upload-Length).',
    'The size of the video must be known when the upload starts (Upload-Length).'
  ),
  uploadBudgetPerAddress: (budgetBytes: number, retryAfterSeconds: number) =>
    both(
      `Von dieser Internet-Adresse wurden in den letzten 24 Stunden schon zu viele Videos hochgeladen (Tagesgrenze: ${mb(budgetBytes)} je Adresse). Bitte versuchen Sie es in ${wait(retryAfterSeconds).de} noch einmal.`,
      `Too many videos were uploaded from this address in the last 24 hours (daily limit: ${mb(budgetBytes)} per address). Please try again in ${wait(retryAfterSeconds).en}.`
    ),
  uploadBudgetPending: (retryAfterSeconds: number) =>
    both(
      `Gerade laden sehr viele Menschen Videos hoch: der Speicherplatz für laufende Uploads (für alle zusammen) ist voll. Bitte versuchen Sie es in ${wait(retryAfterSeconds).de} noch einmal.`,
      `Very many people are uploading videos right now: the storage for uploads in progress (for everyone together) is full. Please try again in ${wait(retryAfterSeconds).en}.`
    ),
  uploadMethod: both('Ein Upload kann nur fortgesetzt, nicht heruntergeladen werden.', 'An upload can be resumed, not downloaded.'),
} as const;
